import { sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";

export interface WalletMismatch {
  check: "wallet-vs-entries" | "pending-vs-commissions" | "released-vs-wallet" | "withdrawals-vs-wallet" | "commission-vs-entries" | "negative";
  id: string;
  detail: string;
}

/**
 * Recomputes every wallet from its history and its sources, and compares (DESIGN invariant 3,
 * like verifyLedger for points):
 *  1. per wallet: each stored figure = Σ of its deltas over wallet_entries
 *  2. pending = Σ (amount − reversed) of the distributor's unreleased commissions
 *  3. Σ (amount − reversed) of released commissions = available + withdrawing + withdrawn
 *  4. withdrawing = Σ requested/failed withdrawals; withdrawn = Σ approved withdrawals
 *  5. per commission: amount = its `commission` entry; reversed = −Σ its reversal/adjustment entries
 *  6. nothing out of range (also enforced by CHECK constraints)
 * Each check is one set-based query.
 */
export async function verifyWallets(ex: Executor = db, limit = 100): Promise<{ mismatches: WalletMismatch[]; wallets: number; entries: number; commissions: number }> {
  const mismatches: WalletMismatch[] = [];
  const q = async <T>(query: ReturnType<typeof sql>) => rowsOf<T>(await ex.execute(query));

  for (const r of await q<{ id: string; stored: string; summed: string }>(sql`
    with e as (select distributor_id, sum(pending_delta) p, sum(available_delta) a, sum(withdrawing_delta) wg, sum(withdrawn_delta) wn, sum(adjustment_delta) adj
                 from wallet_entries group by distributor_id)
    select coalesce(w.distributor_id, e.distributor_id)::text id,
           concat_ws('/', w.pending_cents, w.available_cents, w.withdrawing_cents, w.withdrawn_cents, w.adjustment_cents) stored,
           concat_ws('/', e.p, e.a, e.wg, e.wn, e.adj) summed
      from distributor_wallets w full join e using (distributor_id)
     where coalesce(w.pending_cents, 0) <> coalesce(e.p, 0) or coalesce(w.available_cents, 0) <> coalesce(e.a, 0)
        or coalesce(w.withdrawing_cents, 0) <> coalesce(e.wg, 0) or coalesce(w.withdrawn_cents, 0) <> coalesce(e.wn, 0)
        or coalesce(w.adjustment_cents, 0) <> coalesce(e.adj, 0)
     limit ${limit}`)) {
    mismatches.push({ check: "wallet-vs-entries", id: r.id, detail: `stored ${r.stored} ≠ Σ entries ${r.summed} (pending/available/withdrawing/withdrawn/adjustment)` });
  }

  for (const r of await q<{ id: string; stored: string; pending: string; released: string; paid_out: string }>(sql`
    with c as (select distributor_id,
                      sum(amount_cents - reversed_cents) filter (where released_at is null) pending,
                      sum(amount_cents - reversed_cents) filter (where released_at is not null) released
                 from commissions group by distributor_id)
    select coalesce(w.distributor_id, c.distributor_id)::text id, coalesce(w.pending_cents, 0) stored, coalesce(c.pending, 0) pending,
           coalesce(c.released, 0) released, coalesce(w.available_cents + w.withdrawing_cents + w.withdrawn_cents, 0) paid_out
      from distributor_wallets w full join c using (distributor_id)
     where coalesce(w.pending_cents, 0) <> coalesce(c.pending, 0)
        or coalesce(c.released, 0) <> coalesce(w.available_cents + w.withdrawing_cents + w.withdrawn_cents, 0)
     limit ${limit}`)) {
    if (r.stored !== r.pending) mismatches.push({ check: "pending-vs-commissions", id: r.id, detail: `pending ${r.stored} ≠ unreleased commissions ${r.pending}` });
    if (r.released !== r.paid_out) mismatches.push({ check: "released-vs-wallet", id: r.id, detail: `released commissions ${r.released} ≠ available + withdrawing + withdrawn ${r.paid_out}` });
  }

  for (const r of await q<{ id: string; detail: string }>(sql`
    with x as (select distributor_id,
                      sum(amount_cents) filter (where status in ('requested', 'failed')) withdrawing,
                      sum(amount_cents) filter (where status = 'approved') withdrawn
                 from withdrawals group by distributor_id)
    select coalesce(w.distributor_id, x.distributor_id)::text id,
           concat('withdrawing ', coalesce(w.withdrawing_cents, 0), ' vs ', coalesce(x.withdrawing, 0), ', withdrawn ', coalesce(w.withdrawn_cents, 0), ' vs ', coalesce(x.withdrawn, 0)) detail
      from distributor_wallets w full join x using (distributor_id)
     where coalesce(w.withdrawing_cents, 0) <> coalesce(x.withdrawing, 0) or coalesce(w.withdrawn_cents, 0) <> coalesce(x.withdrawn, 0)
     limit ${limit}`)) {
    mismatches.push({ check: "withdrawals-vs-wallet", id: r.id, detail: r.detail });
  }

  for (const r of await q<{ id: string; amount: string; credited: string; reversed: string; taken: string }>(sql`
    with e as (select commission_id,
                      sum(pending_delta) filter (where type = 'commission') credited,
                      -sum(pending_delta + available_delta) filter (where type in ('reversal', 'adjustment')) taken
                 from wallet_entries where commission_id is not null group by commission_id)
    select c.id::text id, c.amount_cents amount, coalesce(e.credited, 0) credited, c.reversed_cents reversed, coalesce(e.taken, 0) taken
      from commissions c left join e on e.commission_id = c.id
     where c.amount_cents <> coalesce(e.credited, 0) or c.reversed_cents <> coalesce(e.taken, 0)
     limit ${limit}`)) {
    mismatches.push({ check: "commission-vs-entries", id: r.id, detail: `amount ${r.amount} vs credited ${r.credited}, reversed ${r.reversed} vs entries ${r.taken}` });
  }

  for (const r of await q<{ id: string }>(sql`
    select id::text from commissions where amount_cents <= 0 or reversed_cents < 0 or reversed_cents > amount_cents
    union all select distributor_id::text from distributor_wallets where pending_cents < 0 or withdrawing_cents < 0 or withdrawn_cents < 0 or adjustment_cents > 0
    union all select id::text from withdrawals where amount_cents <= 0 or net_cents <> amount_cents - fee_cents
    limit ${limit}`)) {
    mismatches.push({ check: "negative", id: r.id, detail: "negative or out-of-range figure" });
  }

  const [counts] = await q<{ wallets: string; entries: string; commissions: string }>(sql`
    select (select count(*) from distributor_wallets) wallets, (select count(*) from wallet_entries) entries, (select count(*) from commissions) commissions`);
  return { mismatches, wallets: Number(counts?.wallets ?? 0), entries: Number(counts?.entries ?? 0), commissions: Number(counts?.commissions ?? 0) };
}
