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

/** The balance row the open lots give (exact as of `at`). */
function balanceRow(lots: readonly Lot[], at: Date, patch: { debt: number; lifetimeEarned: number }) {
  const b = balanceAt(lots, at, { expiringWithinMs: 0 });
  return { available: b.available, pending: b.pending, debt: patch.debt, lifetimeEarned: patch.lifetimeEarned, nextChangeAt: nextChangeAt(lots, at), updatedAt: at };
}

/** Rewrites the balance row from the open lots (exact as of `at`) and returns the available figure. */
async function writeBalance(tx: Tx, memberId: string, lots: Lot[], at: Date, patch: { debt: number; lifetimeEarned: number }): Promise<number> {
  const row = balanceRow(lots, at, patch);
  await tx.update(pointBalances).set(row).where(eq(pointBalances.memberId, memberId));
  return row.available;
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
  const plan = planDebit(state, input, at);
  if (plan.shortfall > 0 && input.onShortfall === "reject") {
    const available = balanceAt(state.lots, at).available + plan.allocated;
    throw new DomainError("insufficient-points", `needs ${input.points}, has ${available}`, { params: { needed: input.points, available, missing: plan.shortfall } });
  }
  const available = await writeBalance(tx, input.memberId, state.lots, at, plan);
  const entry = await insertEntry(tx, input.memberId, input.type, -input.points, available, input, at);
  await writeAllocations(tx, entry.id, input.memberId, plan.allocations);
  return { entry, allocated: plan.allocated, debt: plan.shortfall };
}

/**
 * Which lots a debit takes and the member's debt and lifetime total after it, from their locked
 * state; takes the points off `state.lots`. Pure: `debit` and the set-based `expireLapsed` share it,
 * so a swept member gets exactly what a `debit` of their lapsed lots would write.
 */
function planDebit(state: Locked, input: Pick<DebitInput, "points" | "type" | "preferLotIds">, at: Date) {
  const preferred = input.preferLotIds?.length ? state.lots.filter((l) => input.preferLotIds!.includes(l.id)) : [];
  // Preferred lots are taken whatever their state (pending points of a refunded order go first).
  const first = allocateDebit(preferred.map((l) => ({ ...l, availableAt: new Date(0), expiresAt: null })), input.points, at);
  applyToLots(state.lots, first.allocations, -1);
  const rest = allocateDebit(state.lots, first.shortfall, at);
  applyToLots(state.lots, rest.allocations, -1);
  const lifetimeEarned = state.lifetimeEarned - (input.type === "reverse" ? input.points : 0);
  return {
    allocations: [...first.allocations, ...rest.allocations],
    allocated: first.allocated + rest.allocated,
    shortfall: rest.shortfall,
    debt: state.debt + rest.shortfall,
    lifetimeEarned: Math.max(0, lifetimeEarned),
  };
}

/**
 * Writes the `expire` entries of many members in one go (the sweep): for each member, what a
 * `debit` of their lapsed lots (type expire, those lots first) writes, plus the lots' expiredAt —
 * in three statements whatever the number of members (lock, read the lots, write). Balance rows
 * are locked in member-id order and one that another transaction holds is skipped, not waited for
 * (that member is left for the next run), so the sweep never queues behind a request nor
 * deadlocks with one. The lapsed lots are read after the lock: a member another instance swept
 * meanwhile has none left.
 * Returns what was written, per member.
 */
export async function expireLapsed(tx: Tx, memberIds: readonly string[], at: Date, refs: { reason: string; actor: string }): Promise<{ memberId: string; lots: number; points: number }[]> {
  const ids = [...new Set(memberIds)].sort();
  if (!ids.length) return [];
  const locked = await tx
    .select({ memberId: pointBalances.memberId, debt: pointBalances.debt, lifetimeEarned: pointBalances.lifetimeEarned })
    .from(pointBalances)
    .where(inArray(pointBalances.memberId, ids))
    .orderBy(asc(pointBalances.memberId))
    .for("update", { skipLocked: true });
  if (!locked.length) return [];
  const open = await tx
    .select({ id: pointLots.id, memberId: pointLots.memberId, amount: pointLots.amount, remaining: pointLots.remaining, availableAt: pointLots.availableAt, expiresAt: pointLots.expiresAt, expiredAt: pointLots.expiredAt })
    .from(pointLots)
    .where(and(inArray(pointLots.memberId, locked.map((m) => m.memberId)), gt(pointLots.remaining, 0)));
  const lotsOf = new Map<string, typeof open>();
  for (const l of open) {
    const list = lotsOf.get(l.memberId);
    if (list) list.push(l);
    else lotsOf.set(l.memberId, [l]);
  }
  const out: { memberId: string; lots: number; points: number }[] = [];
  const balances: Record<string, unknown>[] = [];
  const entries: Record<string, unknown>[] = [];
  const allocations: Record<string, unknown>[] = [];
  const expired: { id: string; points: number }[] = [];
  for (const m of locked) {
    const lots = lotsOf.get(m.memberId) ?? [];
    const lapsed = lots.filter((l) => l.expiredAt === null && l.expiresAt !== null && l.expiresAt.getTime() <= at.getTime());
    if (!lapsed.length) continue;
    const points = lapsed.reduce((s, l) => s + l.remaining, 0);
    const plan = planDebit({ ...m, lots }, { points, type: "expire", preferLotIds: lapsed.map((l) => l.id) }, at);
    const row = balanceRow(lots, at, plan);
    const entryId = newId();
    balances.push({ member_id: m.memberId, available: row.available, pending: row.pending, debt: row.debt, lifetime_earned: row.lifetimeEarned, next_change_at: row.nextChangeAt });
    entries.push({ id: entryId, member_id: m.memberId, points: -points, balance_after: row.available });
    // The lapsed lots cover the debit whole, so its allocations are exactly those lots, each emptied.
    for (const a of plan.allocations) {
      allocations.push({ entry_id: entryId, lot_id: a.lotId, member_id: m.memberId, points: a.points });
      expired.push({ id: a.lotId, points: a.points });
    }
    out.push({ memberId: m.memberId, lots: lapsed.length, points });
  }
  if (!out.length) return out;
  const ts = sql`${at.toISOString()}::timestamptz`;
  const json = (rows: unknown[]) => sql`${JSON.stringify(rows)}::jsonb`;
  // One statement (data-modifying CTEs run exactly once each, referenced or not).
  await tx.execute(sql`
    with b as (
      update point_balances b
         set available = x.available, pending = x.pending, debt = x.debt, lifetime_earned = x.lifetime_earned, next_change_at = x.next_change_at, updated_at = ${ts}
        from jsonb_to_recordset(${json(balances)}) as x(member_id uuid, available bigint, pending bigint, debt bigint, lifetime_earned bigint, next_change_at timestamptz)
       where b.member_id = x.member_id
    ), e as (
      insert into point_entries (id, member_id, type, points, balance_after, reason, actor, created_at)
      select x.id, x.member_id, 'expire'::ledger_entry_type, x.points, x.balance_after, ${refs.reason}, ${refs.actor}, ${ts}
        from jsonb_to_recordset(${json(entries)}) as x(id uuid, member_id uuid, points bigint, balance_after bigint)
    ), a as (
      insert into point_allocations (entry_id, lot_id, member_id, points)
      select x.entry_id, x.lot_id, x.member_id, x.points from jsonb_to_recordset(${json(allocations)}) as x(entry_id uuid, lot_id uuid, member_id uuid, points integer)
    )
    update point_lots l set remaining = l.remaining - x.points, expired_at = ${ts}
      from jsonb_to_recordset(${json(expired)}) as x(id uuid, points bigint)
     where l.id = x.id`);
  return out;
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
