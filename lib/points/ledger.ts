// The points ledger: the only code that writes point_entries, point_lots, point_allocations and
// point_balances. Every write happens inside the caller's transaction with the member's balance
// row locked first (FOR UPDATE), so concurrent writes for one member queue up instead of racing
// (DESIGN invariant 4), and the balance row changes in the same transaction as its entry (inv. 2).
import { and, asc, eq, gt, inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { pointAllocations, pointBalances, pointEntries, pointLots, type LedgerEntryType, type PointEntry } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { allocateDebit, balanceAt, nextChangeAt, type Lot } from "./math";

export interface EntryRefs {
  reason: string;
  actor: string;
  explanation?: Record<string, unknown> | null;
  orderId?: string | null;
  redemptionId?: string | null;
  refundId?: string | null;
  ruleVersionIds?: string[];
}

interface Locked {
  debt: number;
  lifetimeEarned: number;
  lots: (Lot & { amount: number })[];
}

/**
 * Takes the member's ledger lock (their balance row, created on first use). Use cases that read
 * per-member counters before deciding an award (caps, check-in streaks) take it first, so two
 * concurrent requests for one member decide one after the other.
 */
export async function lockBalance(tx: Tx, memberId: string, at: Date = clockNow()) {
  // One round trip: the upsert creates the row on first use and, either way, locks and returns it.
  const [bal] = await tx
    .insert(pointBalances)
    .values({ memberId, updatedAt: at })
    .onConflictDoUpdate({ target: pointBalances.memberId, set: { memberId: sql`excluded.member_id` } })
    .returning();
  return bal!;
}

/** Locks the member's balance row (creating it on first use) and loads their open lots. */
async function lockMember(tx: Tx, memberId: string, at: Date): Promise<Locked> {
  const bal = await lockBalance(tx, memberId, at);
  const lots = await tx
    .select({ id: pointLots.id, amount: pointLots.amount, remaining: pointLots.remaining, availableAt: pointLots.availableAt, expiresAt: pointLots.expiresAt })
    .from(pointLots)
    .where(and(eq(pointLots.memberId, memberId), gt(pointLots.remaining, 0)));
  return { debt: bal.debt, lifetimeEarned: bal.lifetimeEarned, lots };
}

/** Rewrites the balance row from the open lots (exact as of `at`) and returns the available figure. */
async function writeBalance(tx: Tx, memberId: string, lots: Lot[], at: Date, patch: { debt: number; lifetimeEarned: number }): Promise<number> {
  const b = balanceAt(lots, at, { expiringWithinMs: 0 });
  await tx
    .update(pointBalances)
    .set({ available: b.available, pending: b.pending, debt: patch.debt, lifetimeEarned: patch.lifetimeEarned, nextChangeAt: nextChangeAt(lots, at), updatedAt: at })
    .where(eq(pointBalances.memberId, memberId));
  return b.available;
}

async function insertEntry(tx: Tx, memberId: string, type: LedgerEntryType, points: number, balanceAfter: number, refs: EntryRefs, at: Date): Promise<PointEntry> {
  const [entry] = await tx
    .insert(pointEntries)
    .values({
      id: newId(),
      memberId,
      type,
      points,
      balanceAfter,
      reason: refs.reason,
      explanation: refs.explanation ?? null,
      actor: refs.actor,
      orderId: refs.orderId ?? null,
      redemptionId: refs.redemptionId ?? null,
      refundId: refs.refundId ?? null,
      ruleVersionIds: refs.ruleVersionIds ?? [],
      createdAt: at,
    })
    .returning();
  return entry!;
}

function applyToLots(lots: Lot[], allocations: { lotId: string; points: number }[], sign: 1 | -1): void {
  for (const a of allocations) {
    const lot = lots.find((l) => l.id === a.lotId);
    if (lot) lot.remaining += sign * a.points;
  }
}

async function writeAllocations(tx: Tx, entryId: string, memberId: string, allocations: { lotId: string; points: number }[]): Promise<void> {
  if (!allocations.length) return;
  await tx.insert(pointAllocations).values(allocations.map((a) => ({ entryId, lotId: a.lotId, memberId, points: a.points })));
  for (const a of allocations) {
    await tx.update(pointLots).set({ remaining: sql`${pointLots.remaining} - ${a.points}` }).where(eq(pointLots.id, a.lotId));
  }
}

export interface CreditInput extends EntryRefs {
  memberId: string;
  points: number;
  type: "earn" | "adjust" | "restore";
  availableAt: Date;
  expiresAt: Date | null;
  /** Pre-allocated id of the new lot (lets the caller reference it before the credit). */
  lotId?: string;
}

/**
 * Adds a lot. Outstanding debt is settled first from the new lot (recorded as an allocation of the
 * credit's own entry, so lot.remaining = amount − Σ allocations still holds). Earned points count
 * towards lifetimeEarned.
 */
export async function credit(tx: Tx, input: CreditInput): Promise<{ entry: PointEntry; lotId: string; settledDebt: number; lifetimeEarned: number }> {
  if (!Number.isSafeInteger(input.points) || input.points <= 0) throw new DomainError("invalid-request", "credit must be a positive integer");
  const at = clockNow();
  const state = await lockMember(tx, input.memberId, at);
  const lotId = input.lotId ?? newId();
  const settledDebt = Math.min(state.debt, input.points);
  const lot: Lot & { amount: number } = { id: lotId, amount: input.points, remaining: input.points - settledDebt, availableAt: input.availableAt, expiresAt: input.expiresAt };
  const lifetimeEarned = state.lifetimeEarned + (input.type === "earn" ? input.points : 0);
  const available = await writeBalance(tx, input.memberId, [...state.lots, lot], at, { debt: state.debt - settledDebt, lifetimeEarned });
  const entry = await insertEntry(tx, input.memberId, input.type, input.points, available, input, at);
  await tx.insert(pointLots).values({
    id: lotId,
    memberId: input.memberId,
    entryId: entry.id,
    amount: input.points,
    remaining: input.points,
    availableAt: input.availableAt,
    expiresAt: input.expiresAt,
    createdAt: at,
  });
  if (settledDebt > 0) await writeAllocations(tx, entry.id, input.memberId, [{ lotId, points: settledDebt }]);
  return { entry, lotId, settledDebt, lifetimeEarned };
}

export interface DebitInput extends EntryRefs {
  memberId: string;
  points: number;
  type: "spend" | "adjust" | "reverse" | "expire";
  /** What to do when available points do not cover the debit. */
  onShortfall: "reject" | "debt";
  /** Take from these lots first (e.g. an order's own earn lot when its points are reversed). */
  preferLotIds?: string[];
}

/**
 * Takes points from available lots, soonest-to-expire first, recording which lots it used.
 * A shortfall is refused (insufficient-points, nothing written) or recorded as debt.
 */
export async function debit(tx: Tx, input: DebitInput): Promise<{ entry: PointEntry; allocated: number; debt: number }> {
  if (!Number.isSafeInteger(input.points) || input.points <= 0) throw new DomainError("invalid-request", "debit must be a positive integer");
  const at = clockNow();
  const state = await lockMember(tx, input.memberId, at);
  const preferred = input.preferLotIds?.length ? state.lots.filter((l) => input.preferLotIds!.includes(l.id)) : [];
  // Preferred lots are taken whatever their state (pending points of a refunded order go first).
  const first = allocateDebit(preferred.map((l) => ({ ...l, availableAt: new Date(0), expiresAt: null })), input.points, at);
  applyToLots(state.lots, first.allocations, -1);
  const rest = allocateDebit(state.lots, first.shortfall, at);
  applyToLots(state.lots, rest.allocations, -1);
  const allocations = [...first.allocations, ...rest.allocations];
  const shortfall = rest.shortfall;
  if (shortfall > 0 && input.onShortfall === "reject") {
    const available = balanceAt(state.lots, at).available + first.allocated + rest.allocated;
    throw new DomainError("insufficient-points", `needs ${input.points}, has ${available}`, { params: { needed: input.points, available, missing: shortfall } });
  }
  const debt = state.debt + shortfall;
  const lifetimeEarned = state.lifetimeEarned - (input.type === "reverse" ? input.points : 0);
  const available = await writeBalance(tx, input.memberId, state.lots, at, { debt, lifetimeEarned: Math.max(0, lifetimeEarned) });
  const entry = await insertEntry(tx, input.memberId, input.type, -input.points, available, input, at);
  await writeAllocations(tx, entry.id, input.memberId, allocations);
  return { entry, allocated: input.points - shortfall, debt: shortfall };
}

/**
 * Gives back `points` of an earlier debit to exactly the lots it used, lot by lot in the order the
 * lots were created (a partial restore fills the oldest first). A restored lot that has expired
 * meanwhile stays expired: its points come back as expired and the sweep writes them off.
 */
export async function restore(tx: Tx, input: EntryRefs & { memberId: string; debitEntryId: string; points: number }): Promise<PointEntry | null> {
  if (input.points <= 0) return null;
  const at = clockNow();
  const state = await lockMember(tx, input.memberId, at);
  const allocs = await tx
    .select()
    .from(pointAllocations)
    .where(eq(pointAllocations.entryId, input.debitEntryId))
    .orderBy(asc(pointAllocations.lotId))
    .for("update");
  let left = input.points;
  const restored: { lotId: string; points: number }[] = [];
  for (const a of allocs) {
    if (left === 0) break;
    const take = Math.min(a.points - a.restored, left);
    if (take <= 0) continue;
    restored.push({ lotId: a.lotId, points: take });
    left -= take;
  }
  if (left > 0) throw new DomainError("conflict", `cannot restore ${input.points}: only ${input.points - left} left to restore`);
  for (const r of restored) {
    await tx.update(pointAllocations).set({ restored: sql`${pointAllocations.restored} + ${r.points}` }).where(and(eq(pointAllocations.entryId, input.debitEntryId), eq(pointAllocations.lotId, r.lotId)));
    // expiredAt goes back to null: a refilled lot holds points again, and if its expiry has passed
    // the next sweep must write their `expire` entry (a swept lot is otherwise never looked at again,
    // and the restored points would sit in `remaining` forever without a record of expiring).
    await tx.update(pointLots).set({ remaining: sql`${pointLots.remaining} + ${r.points}`, expiredAt: null }).where(eq(pointLots.id, r.lotId));
  }
  // Lots with remaining 0 were not loaded as open: fetch the ones we refilled.
  const refilledIds = restored.map((r) => r.lotId).filter((id) => !state.lots.some((l) => l.id === id));
  const refilled = refilledIds.length
    ? await tx.select({ id: pointLots.id, amount: pointLots.amount, remaining: pointLots.remaining, availableAt: pointLots.availableAt, expiresAt: pointLots.expiresAt }).from(pointLots).where(inArray(pointLots.id, refilledIds))
    : [];
  applyToLots(state.lots, restored.filter((r) => !refilledIds.includes(r.lotId)), 1);
  const available = await writeBalance(tx, input.memberId, [...state.lots, ...refilled], at, { debt: state.debt, lifetimeEarned: state.lifetimeEarned });
  return insertEntry(tx, input.memberId, "restore", input.points, available, input, at);
}
