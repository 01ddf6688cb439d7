// The distributor wallet: the only code that writes distributor_wallets and wallet_entries. Every
// change is one wallet_entries row plus the same deltas on the wallet row, in the caller's
// transaction (DESIGN invariant 2), with the wallet row locked first (invariant 4). Lock order
// across use cases: order row → member's point balance → wallets (by distributor id) → commissions.
import { and, eq, isNull, lte, min, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { commissions, distributorWallets, walletEntries, type DistributorWallet, type WalletEntryType } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { newId } from "@/lib/ids";

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
  for (const id of ids) {
    // The upsert creates the row on first use and, either way, locks and returns it (one round trip).
    const [w] = await tx
      .insert(distributorWallets)
      .values({ distributorId: id, updatedAt: at })
      .onConflictDoUpdate({ target: distributorWallets.distributorId, set: { distributorId: sql`excluded.distributor_id` } })
      .returning();
    out.set(id, w!);
  }
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

/** Keeps nextReleaseAt = the earliest availableAt among the wallet's unreleased commissions. */
async function refreshNextRelease(tx: Tx, distributorId: string): Promise<void> {
  const [row] = await tx
    .select({ next: min(commissions.availableAt) })
    .from(commissions)
    .where(and(eq(commissions.distributorId, distributorId), isNull(commissions.releasedAt), eq(commissions.status, "pending")));
  await tx.update(distributorWallets).set({ nextReleaseAt: row?.next ?? null }).where(eq(distributorWallets.distributorId, distributorId));
}

/**
 * Writes the lazy pending → available flip for every commission of this (locked) wallet whose
 * availableAt has passed: status, releasedAt, one `release` entry each. Cheap when nothing is due
 * (the wallet's nextReleaseAt says so without touching commissions). Returns the cents released.
 */
export async function releaseDue(tx: Tx, wallet: DistributorWallet, actor: string, at: Date = clockNow()): Promise<number> {
  if (!wallet.nextReleaseAt || wallet.nextReleaseAt.getTime() > at.getTime()) return 0;
  const released = await tx
    .update(commissions)
    .set({ status: "available", releasedAt: at })
    .where(and(eq(commissions.distributorId, wallet.distributorId), isNull(commissions.releasedAt), eq(commissions.status, "pending"), lte(commissions.availableAt, at)))
    .returning({ id: commissions.id, orderId: commissions.orderId, amountCents: commissions.amountCents, reversedCents: commissions.reversedCents, availableAt: commissions.availableAt });
  released.sort((a, b) => a.availableAt.getTime() - b.availableAt.getTime() || (a.id < b.id ? -1 : 1));
  let total = 0;
  for (const c of released) {
    const net = c.amountCents - c.reversedCents;
    total += net;
    await applyToWallet(tx, wallet.distributorId, "release", { pending: -net, available: net }, { actor, commissionId: c.id, orderId: c.orderId, reason: "freed up" }, { at });
  }
  await refreshNextRelease(tx, wallet.distributorId);
  return total;
}

/** A commission just written: into pending (and released at once when its date has passed). */
export async function creditCommission(
  tx: Tx,
  wallet: DistributorWallet,
  c: { id: string; orderId: string; amountCents: number; availableAt: Date },
  actor: string,
  at: Date = clockNow(),
): Promise<void> {
  await applyToWallet(tx, wallet.distributorId, "commission", { pending: c.amountCents }, { actor, commissionId: c.id, orderId: c.orderId, reason: "order commission" }, { at });
  if (c.availableAt.getTime() <= at.getTime()) {
    await tx.update(commissions).set({ status: "available", releasedAt: at }).where(eq(commissions.id, c.id));
    await applyToWallet(tx, wallet.distributorId, "release", { pending: -c.amountCents, available: c.amountCents }, { actor, commissionId: c.id, orderId: c.orderId, reason: "freed up" }, { at });
  } else if (!wallet.nextReleaseAt || c.availableAt.getTime() < wallet.nextReleaseAt.getTime()) {
    await tx.update(distributorWallets).set({ nextReleaseAt: c.availableAt }).where(eq(distributorWallets.distributorId, wallet.distributorId));
    wallet.nextReleaseAt = c.availableAt;
  }
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
  c: { id: string; distributorId: string; orderId: string; releasedAt: Date | null; amountCents: number; reversedCents: number },
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
