import { sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";

export interface LedgerMismatch {
  check: "entries-vs-lots" | "lot-vs-allocations" | "balance-row" | "negative" | "swept-lot-holds-points";
  id: string;
  detail: string;
}

/**
 * Recomputes everything from the ledger and compares (DESIGN invariant 3):
 *  1. per member: Σ entries.points = Σ lots.remaining − balance.debt
 *  2. per lot: remaining = amount − Σ (allocation.points − allocation.restored)
 *  3. per balance row: stored available/pending = what the lots gave at the row's updatedAt
 *  4. nothing negative (lots, pending, debt) — also enforced by CHECK constraints
 *  5. a lot the sweep marked expired holds no points (else they would never get their `expire` entry)
 * Each check is one set-based query (a hash join over the tables), so it runs at table-scan speed.
 */
export async function verifyLedger(ex: Executor = db, limit = 100): Promise<{ mismatches: LedgerMismatch[]; members: number; entries: number; lots: number }> {
  const mismatches: LedgerMismatch[] = [];
  const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await ex.execute(query));

  for (const r of await q<{ member_id: string; entries: string; lots: string; debt: string }>(sql`
    with e as (select member_id, sum(points) s from point_entries group by member_id),
         l as (select member_id, sum(remaining) r from point_lots group by member_id)
    select coalesce(e.member_id, l.member_id, b.member_id) member_id, coalesce(e.s, 0) entries, coalesce(l.r, 0) lots, coalesce(b.debt, 0) debt
      from e full join l using (member_id) full join point_balances b using (member_id)
     where coalesce(e.s, 0) <> coalesce(l.r, 0) - coalesce(b.debt, 0)
     limit ${limit}`)) {
    mismatches.push({ check: "entries-vs-lots", id: r.member_id, detail: `Σ entries ${r.entries} ≠ Σ lots ${r.lots} − debt ${r.debt}` });
  }

  for (const r of await q<{ id: string; amount: string; remaining: string; used: string }>(sql`
    select l.id, l.amount, l.remaining, coalesce(a.used, 0) used
      from point_lots l
      left join (select lot_id, sum(points - restored) used from point_allocations group by lot_id) a on a.lot_id = l.id
     where l.remaining <> l.amount - coalesce(a.used, 0)
     limit ${limit}`)) {
    mismatches.push({ check: "lot-vs-allocations", id: r.id, detail: `remaining ${r.remaining} ≠ amount ${r.amount} − used ${r.used}` });
  }

  for (const r of await q<{ member_id: string; available: string; pending: string; d_available: string; d_pending: string }>(sql`
    select b.member_id, b.available, b.pending, coalesce(x.a, 0) d_available, coalesce(x.p, 0) d_pending
      from point_balances b
      left join lateral (
        select sum(remaining) filter (where available_at <= b.updated_at and (expires_at is null or expires_at > b.updated_at)) a,
               sum(remaining) filter (where available_at > b.updated_at and (expires_at is null or expires_at > b.updated_at)) p
          from point_lots l where l.member_id = b.member_id and l.remaining > 0) x on true
     where b.available <> coalesce(x.a, 0) or b.pending <> coalesce(x.p, 0)
     limit ${limit}`)) {
    mismatches.push({ check: "balance-row", id: r.member_id, detail: `stored ${r.available}/${r.pending} ≠ lots ${r.d_available}/${r.d_pending}` });
  }

  for (const r of await q<{ id: string }>(sql`
    select id::text from point_lots where remaining < 0 or remaining > amount
    union all select member_id::text from point_balances where available < 0 or pending < 0 or debt < 0
    limit ${limit}`)) {
    mismatches.push({ check: "negative", id: r.id, detail: "negative or overfull figure" });
  }

  for (const r of await q<{ id: string; remaining: string }>(sql`
    select id::text, remaining from point_lots where expired_at is not null and remaining > 0 limit ${limit}`)) {
    mismatches.push({ check: "swept-lot-holds-points", id: r.id, detail: `swept lot still holds ${r.remaining} points` });
  }

  const [counts] = await q<{ members: string; entries: string; lots: string }>(sql`
    select (select count(*) from point_balances) members, (select count(*) from point_entries) entries, (select count(*) from point_lots) lots`);
  return { mismatches, members: Number(counts?.members ?? 0), entries: Number(counts?.entries ?? 0), lots: Number(counts?.lots ?? 0) };
}
