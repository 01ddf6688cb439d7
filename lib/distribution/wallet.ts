// The distributor wallet: the only code that writes commissions, distributor_wallets,
// wallet_entries and the leaderboard totals (distributor_rank_totals, always under the wallet lock). Every
// change is one wallet_entries row plus the same deltas on the wallet row, in the caller's
// transaction (DESIGN invariant 2), with the wallet row locked first (invariant 4). Lock order
// across use cases: order row → member's point balance → wallets (by distributor id) → commissions.
import { and, asc, eq, inArray, isNull, lte, min, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { commissions, distributorWallets, walletEntries, type DistributorWallet, type WalletEntryType } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { applyRankTotals, rankTotalDeltas } from "./rank-totals";

export interface WalletDeltas {
  pending?: number;
  available?: number;
  withdrawing?: number;
  withdrawn?: number;
  adjustment?: number;
}

export interface WalletRefs {
  reason?: string;
  actor: string;
  commissionId?: string | null;
  orderId?: string | null;
  refundId?: string | null;
  withdrawalId?: string | null;
}

/**
 * Locks the wallets of these distributors (creating them on first use), in id order so two use
 * cases that lock several never deadlock. Returns them by id.
 */
export async function lockWallets(tx: Tx, distributorIds: readonly string[], at: Date = clockNow()): Promise<Map<string, DistributorWallet>> {
  const ids = [...new Set(distributorIds)].sort();
  const out = new Map<string, DistributorWallet>();
  if (!ids.length) return out;
  // One upsert creates missing rows and, either way, locks and returns them; rows are locked in
  // VALUES order (sorted ids).
  const rows = await tx
    .insert(distributorWallets)
    .values(ids.map((id) => ({ distributorId: id, updatedAt: at })))
    .onConflictDoUpdate({ target: distributorWallets.distributorId, set: { distributorId: sql`excluded.distributor_id` } })
    .returning();
  for (const w of rows) out.set(w.distributorId, w);
  return out;
}

export async function lockWallet(tx: Tx, distributorId: string, at: Date = clockNow()): Promise<DistributorWallet> {
  return (await lockWallets(tx, [distributorId], at)).get(distributorId)!;
}

/**
 * Applies deltas to a (locked) wallet and appends the history row that explains them. Nothing is
 * written for all-zero deltas. `where` adds a condition to the update (a conditional decrement):
 * when it does not hold nothing is written and null is returned.
 */
export async function applyToWallet(
  tx: Tx,
  distributorId: string,
  type: WalletEntryType,
  d: WalletDeltas,
  refs: WalletRefs,
  opts: { at?: Date; where?: ReturnType<typeof sql> } = {},
): Promise<DistributorWallet | null> {
  const at = opts.at ?? clockNow();
  const delta = { pending: d.pending ?? 0, available: d.available ?? 0, withdrawing: d.withdrawing ?? 0, withdrawn: d.withdrawn ?? 0, adjustment: d.adjustment ?? 0 };
  for (const [k, v] of Object.entries(delta)) if (!Number.isSafeInteger(v)) throw new RangeError(`wallet delta ${k} must be a safe integer, got ${v}`);
  if (Object.values(delta).every((v) => v === 0)) return null;
  const [w] = await tx
    .update(distributorWallets)
    .set({
      pendingCents: sql`${distributorWallets.pendingCents} + ${delta.pending}`,
      availableCents: sql`${distributorWallets.availableCents} + ${delta.available}`,
      withdrawingCents: sql`${distributorWallets.withdrawingCents} + ${delta.withdrawing}`,
      withdrawnCents: sql`${distributorWallets.withdrawnCents} + ${delta.withdrawn}`,
      adjustmentCents: sql`${distributorWallets.adjustmentCents} + ${delta.adjustment}`,
      updatedAt: at,
    })
    .where(opts.where ? and(eq(distributorWallets.distributorId, distributorId), opts.where) : eq(distributorWallets.distributorId, distributorId))
    .returning();
  if (!w) return null;
  await tx.insert(walletEntries).values({
    id: newId(),
    distributorId,
    type,
    pendingDelta: delta.pending,
    availableDelta: delta.available,
    withdrawingDelta: delta.withdrawing,
    withdrawnDelta: delta.withdrawn,
    adjustmentDelta: delta.adjustment,
    availableAfter: w.availableCents,
    commissionId: refs.commissionId ?? null,
    orderId: refs.orderId ?? null,
    refundId: refs.refundId ?? null,
    withdrawalId: refs.withdrawalId ?? null,
    reason: refs.reason ?? "",
    actor: refs.actor,
    createdAt: at,
  });
  return w;
}

/**
 * Unreleased commissions that may free up: pending, not yet released, and not held by an open risk
 * case (a held commission stays pending whatever its date until the case is released).
 */
const unreleased = and(isNull(commissions.releasedAt), eq(commissions.status, "pending"), isNull(commissions.heldByCaseId));
export const releasable = (distributorId: string) => and(eq(commissions.distributorId, distributorId), unreleased);

/** Keeps nextReleaseAt = the earliest availableAt among the wallet's releasable commissions. */
export async function refreshNextRelease(tx: Tx, distributorId: string): Promise<void> {
  const [row] = await tx
    .select({ next: min(commissions.availableAt) })
    .from(commissions)
    .where(releasable(distributorId));
  await tx.update(distributorWallets).set({ nextReleaseAt: row?.next ?? null }).where(eq(distributorWallets.distributorId, distributorId));
}

/**
 * Writes the lazy pending → available flip for every commission of this (locked) wallet whose
 * availableAt has passed: status, releasedAt, one `release` entry each. Cheap when nothing is due
 * (the wallet's nextReleaseAt says so without touching commissions). Returns the cents released.
 */
export async function releaseDue(tx: Tx, wallet: DistributorWallet, actor: string, at: Date = clockNow()): Promise<number> {
  if (!wallet.nextReleaseAt || wallet.nextReleaseAt.getTime() > at.getTime()) return 0;
  return (await releaseLocked(tx, [wallet.distributorId], actor, at)).get(wallet.distributorId)!;
}

/**
 * `releaseDue` for many wallets in one go (the sweep), in three statements whatever their number:
 * locks the ones still due in distributor-id order — a wallet another transaction holds is skipped,
 * not waited for (it is left for the next run), so the sweep never queues behind a request nor
 * deadlocks with one — then releases them. Returns the cents released per wallet it locked.
 */
export async function releaseDueMany(tx: Tx, distributorIds: readonly string[], actor: string, at: Date = clockNow()): Promise<Map<string, number>> {
  const ids = [...new Set(distributorIds)].sort();
  if (!ids.length) return new Map();
  // The due condition is checked again on the locked row: another instance may have swept it.
  const locked = await tx
    .select({ id: distributorWallets.distributorId })
    .from(distributorWallets)
    .where(and(inArray(distributorWallets.distributorId, ids), lte(distributorWallets.nextReleaseAt, at)))
    .orderBy(asc(distributorWallets.distributorId))
    .for("update", { skipLocked: true });
  return releaseLocked(tx, locked.map((w) => w.id), actor, at);
}

/**
 * The flip for these locked wallets: their commissions past availableAt become available (one
 * statement), then one statement moves each wallet's total from pending to available, refreshes
 * its nextReleaseAt and appends a `release` entry per commission, in (availableAt, id) order, each
 * with the available figure after it.
 */
async function releaseLocked(tx: Tx, distributorIds: readonly string[], actor: string, at: Date): Promise<Map<string, number>> {
  const totals = new Map(distributorIds.map((id) => [id, 0]));
  if (!totals.size) return totals;
  const released = await tx
    .update(commissions)
    .set({ status: "available", releasedAt: at })
    .where(and(inArray(commissions.distributorId, [...totals.keys()]), unreleased, lte(commissions.availableAt, at)))
    .returning({ id: commissions.id, distributorId: commissions.distributorId, orderId: commissions.orderId, amountCents: commissions.amountCents, reversedCents: commissions.reversedCents, availableAt: commissions.availableAt });
  released.sort((a, b) => a.availableAt.getTime() - b.availableAt.getTime() || (a.id < b.id ? -1 : 1));
  const entries: { id: string; distributor_id: string; net: number; running: number; commission_id: string; order_id: string }[] = [];
  for (const c of released) {
    const net = c.amountCents - c.reversedCents;
    if (net === 0) continue; // applyToWallet writes nothing for all-zero deltas
    const running = totals.get(c.distributorId)! + net;
    totals.set(c.distributorId, running);
    entries.push({ id: newId(), distributor_id: c.distributorId, net, running, commission_id: c.id, order_id: c.orderId });
  }
  const wallets = [...totals].map(([id, cents]) => ({ distributor_id: id, cents }));
  // after_offset: how far below the wallet's final available figure the entry's balance was.
  const entryRows = entries.map(({ running, ...e }) => ({ ...e, after_offset: totals.get(e.distributor_id)! - running }));
  const ts = sql`${at.toISOString()}::timestamptz`;
  await tx.execute(sql`
    with w as (
      update distributor_wallets w
         set pending_cents = w.pending_cents - x.cents, available_cents = w.available_cents + x.cents,
             updated_at = case when x.cents <> 0 then ${ts} else w.updated_at end,
             next_release_at = (select min(commissions.available_at) from commissions where commissions.distributor_id = w.distributor_id and ${unreleased})
        from jsonb_to_recordset(${JSON.stringify(wallets)}::jsonb) as x(distributor_id uuid, cents bigint)
       where w.distributor_id = x.distributor_id
      returning w.distributor_id, w.available_cents
    )
    insert into wallet_entries (id, distributor_id, type, pending_delta, available_delta, available_after, commission_id, order_id, reason, actor, created_at)
    select e.id, e.distributor_id, 'release'::wallet_entry_type, -e.net, e.net, w.available_cents - e.after_offset, e.commission_id, e.order_id, 'freed up', ${actor}, ${ts}
      from jsonb_to_recordset(${JSON.stringify(entryRows)}::jsonb) as e(id uuid, distributor_id uuid, net bigint, after_offset bigint, commission_id uuid, order_id uuid)
      join w using (distributor_id)`);
  return totals;
}

export interface NewCommission {
  id: string;
  distributorId: string;
  orderId: string;
  buyerId: string;
  level: number;
  baseCents: number;
  rateBps: number | null;
  amountCents: number;
  availableAt: Date;
  /** Set when the commission's date has already passed (imported history): written released. */
  releasedAt: Date | null;
  explanation: Record<string, unknown>;
  ruleVersionIds: string[];
  createdAt: Date;
}

/**
 * An order's commissions (one per distributor), their wallets and their history in ONE statement
 * (ingestion pays one round trip for commissions, whatever the depth): the commission rows; one
 * multi-row upsert that locks and credits each wallet in distributor-id order (so concurrent
 * orders lock in the same order); a `commission` entry each, plus a `release` entry for one
 * written released. Entries carry the wallet's available figure after them, from the upsert.
 */
export async function recordCommissions(tx: Tx, written: readonly NewCommission[], actor: string): Promise<void> {
  if (!written.length) return;
  const sorted = [...written].sort((a, b) => (a.distributorId < b.distributorId ? -1 : a.distributorId > b.distributorId ? 1 : 0));
  if (sorted.some((c, i) => i > 0 && sorted[i - 1]!.distributorId === c.distributorId)) throw new Error("one commission per distributor per order");
  const ts = (d: Date | null) => (d ? sql`${d.toISOString()}::timestamptz` : sql`null::timestamptz`);
  const commissionRows = sql.join(
    sorted.map(
      (c) => sql`(${c.id}::uuid, ${c.distributorId}::uuid, ${c.orderId}::uuid, ${c.buyerId}::uuid, ${c.level}::smallint, ${c.baseCents}::bigint,
        ${c.rateBps}::integer, ${c.amountCents}::bigint, ${c.releasedAt ? "available" : "pending"}::text, ${ts(c.availableAt)}, ${ts(c.releasedAt)},
        ${JSON.stringify(c.explanation)}::jsonb, ${`{${c.ruleVersionIds.join(",")}}`}::uuid[], ${ts(c.createdAt)})`,
    ),
    sql`, `,
  );
  const walletRows = sql.join(
    sorted.map((c) => sql`(${c.distributorId}::uuid, ${c.releasedAt ? 0 : c.amountCents}::bigint, ${c.releasedAt ? c.amountCents : 0}::bigint, ${ts(c.releasedAt ? null : c.availableAt)}, ${ts(c.createdAt)})`),
    sql`, `,
  );
  // The leaderboard's week and month totals, after the wallet upsert (joined to it, so each
  // distributor's wallet row is locked before its totals: the order every writer keeps).
  // A new commission moves them as a reversal from all of it to none would: by its whole amount.
  const rankRows = sql.join(
    sorted.flatMap((c) =>
      rankTotalDeltas(c, c.amountCents, 0).map((d) => sql`(${d.period}::text, ${d.periodStart.toISOString()}::timestamptz, ${d.distributorId}::uuid, ${d.salesCents}::bigint, ${d.commissionCents}::bigint)`),
    ),
    sql`, `,
  );
  // after_offset: how far below the wallet's final available figure the entry's balance was.
  const entryRows = sql.join(
    sorted.flatMap((c) => {
      const row = (type: "commission" | "release", pending: number, available: number, afterOffset: number, reason: string) =>
        sql`(${newId()}::uuid, ${c.distributorId}::uuid, ${type}::text, ${pending}::bigint, ${available}::bigint, ${afterOffset}::bigint, ${c.id}::uuid, ${c.orderId}::uuid, ${reason}::text, ${actor}::text, ${ts(c.createdAt)})`;
      return c.releasedAt
        ? [row("commission", c.amountCents, 0, c.amountCents, "order commission"), row("release", -c.amountCents, c.amountCents, 0, "freed up")]
        : [row("commission", c.amountCents, 0, 0, "order commission")];
    }),
    sql`, `,
  );
  await tx.execute(sql`
    with c as (
      insert into commissions (id, distributor_id, order_id, buyer_id, level, base_cents, rate_bps, amount_cents, status, available_at, released_at, explanation, rule_version_ids, created_at)
      values ${commissionRows}
      returning id
    ), w as (
      insert into distributor_wallets as dw (distributor_id, pending_cents, available_cents, next_release_at, updated_at)
      values ${walletRows}
      on conflict (distributor_id) do update
        set pending_cents = dw.pending_cents + excluded.pending_cents,
            available_cents = dw.available_cents + excluded.available_cents,
            next_release_at = least(dw.next_release_at, excluded.next_release_at), -- least() skips nulls
            updated_at = excluded.updated_at
      returning distributor_id, available_cents
    ), r as (
      insert into distributor_rank_totals as t (period, period_start, distributor_id, sales_cents, commission_cents)
      select v.period, v.period_start, v.distributor_id, v.sales_cents, v.commission_cents
        from (values ${rankRows}) as v(period, period_start, distributor_id, sales_cents, commission_cents)
        join w using (distributor_id)
      on conflict (period, period_start, distributor_id) do update
        set sales_cents = t.sales_cents + excluded.sales_cents, commission_cents = t.commission_cents + excluded.commission_cents
    )
    insert into wallet_entries (id, distributor_id, type, pending_delta, available_delta, available_after, commission_id, order_id, reason, actor, created_at)
    select e.id, e.distributor_id, e.type::wallet_entry_type, e.pending_delta, e.available_delta, w.available_cents - e.after_offset, e.commission_id, e.order_id, e.reason, e.actor, e.created_at
      from (values ${entryRows}) as e(id, distributor_id, type, pending_delta, available_delta, after_offset, commission_id, order_id, reason, actor, created_at)
      join w using (distributor_id)`);
}

export interface ReversalOutcome {
  /** Taken from the commission's own pending or available money. */
  reversedCents: number;
  /** The part that money already withdrawn could not cover: a negative adjustment (available < 0). */
  adjustmentCents: number;
}

/**
 * Takes `cents` of a commission back (a refund). A commission still pending loses it from pending.
 * A released one loses it from available; if available does not cover it — the money was already
 * withdrawn — the rest is a negative `adjustment` that leaves available below zero, which blocks
 * withdrawals and is recovered from future commissions as they free up (they add to available).
 * The caller holds the wallet lock and has released what was due.
 */
export async function reverseCommission(
  tx: Tx,
  c: { id: string; distributorId: string; orderId: string; level: number; baseCents: number; releasedAt: Date | null; amountCents: number; reversedCents: number; createdAt: Date },
  cents: number,
  refs: { actor: string; refundId: string },
  at: Date = clockNow(),
): Promise<ReversalOutcome> {
  if (cents <= 0) return { reversedCents: 0, adjustmentCents: 0 };
  const reversedAfter = c.reversedCents + cents;
  await tx
    .update(commissions)
    .set({ reversedCents: reversedAfter, ...(reversedAfter >= c.amountCents ? { status: "reversed" as const } : {}) })
    .where(eq(commissions.id, c.id));
  // Leaderboards are net of refunds: the commission's week and month lose what it lost.
  await applyRankTotals(tx, rankTotalDeltas(c, c.reversedCents, reversedAfter));
  const base = { actor: refs.actor, commissionId: c.id, orderId: c.orderId, refundId: refs.refundId, reason: "order refunded" };
  if (!c.releasedAt) {
    await applyToWallet(tx, c.distributorId, "reversal", { pending: -cents }, base, { at });
    return { reversedCents: cents, adjustmentCents: 0 };
  }
  const [w] = await tx.select({ available: distributorWallets.availableCents }).from(distributorWallets).where(eq(distributorWallets.distributorId, c.distributorId));
  const covered = Math.min(cents, Math.max(0, w?.available ?? 0));
  const short = cents - covered;
  if (covered > 0) await applyToWallet(tx, c.distributorId, "reversal", { available: -covered }, base, { at });
  if (short > 0) await applyToWallet(tx, c.distributorId, "adjustment", { available: -short, adjustment: -short }, { ...base, reason: "refund after withdrawal" }, { at });
  return { reversedCents: covered, adjustmentCents: short };
}

// ---------------------------------------------------------------- risk holds

/**
 * Puts this (locked) wallet's pending, unreleased commissions on hold for a risk case — only the
 * ones from `buyerId`'s orders (or from one order) when given. Held commissions do not free up (releaseDue, the sweep
 * and getWallet all skip them) until the hold is lifted. Returns the ids held now.
 */
export async function holdCommissions(tx: Tx, distributorId: string, caseId: string, buyerId: string | null, { orderId }: { orderId?: string } = {}): Promise<string[]> {
  const rows = await tx
    .update(commissions)
    .set({ heldByCaseId: caseId })
    .where(and(releasable(distributorId), buyerId ? eq(commissions.buyerId, buyerId) : undefined, orderId ? eq(commissions.orderId, orderId) : undefined))
    .returning({ id: commissions.id });
  if (rows.length) await refreshNextRelease(tx, distributorId);
  return rows.map((r) => r.id);
}

/** Lifts a case's hold on this (locked) wallet; whatever is past its date frees up at once. Returns the cents released. */
export async function liftHold(tx: Tx, wallet: DistributorWallet, caseId: string, actor: string, at: Date = clockNow()): Promise<number> {
  await tx.update(commissions).set({ heldByCaseId: null }).where(and(eq(commissions.distributorId, wallet.distributorId), eq(commissions.heldByCaseId, caseId)));
  await refreshNextRelease(tx, wallet.distributorId);
  const [fresh] = await tx.select().from(distributorWallets).where(eq(distributorWallets.distributorId, wallet.distributorId));
  return releaseDue(tx, fresh!, actor, at);
}

/**
 * Cancels the commissions a case holds on this (locked) wallet: what is left of each (amount −
 * reversed) leaves pending with a `reversal` entry, and the commission is `reversed`. They were
 * held, so none had been released. Returns the cents cancelled.
 */
export async function cancelHeldCommissions(tx: Tx, distributorId: string, caseId: string, refs: { actor: string; reason: string }, at: Date = clockNow()): Promise<number> {
  const held = await tx
    .select()
    .from(commissions)
    .where(and(eq(commissions.distributorId, distributorId), eq(commissions.heldByCaseId, caseId), isNull(commissions.releasedAt), eq(commissions.status, "pending")));
  let total = 0;
  for (const c of held) {
    const rest = c.amountCents - c.reversedCents;
    await tx.update(commissions).set({ reversedCents: c.amountCents, status: "reversed" }).where(eq(commissions.id, c.id));
    await applyRankTotals(tx, rankTotalDeltas(c, c.reversedCents, c.amountCents));
    if (rest > 0) await applyToWallet(tx, distributorId, "reversal", { pending: -rest }, { actor: refs.actor, commissionId: c.id, orderId: c.orderId, reason: refs.reason }, { at });
    total += rest;
  }
  await refreshNextRelease(tx, distributorId);
  return total;
}
