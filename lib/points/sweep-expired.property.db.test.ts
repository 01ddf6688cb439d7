// The set-based expiry sweep against the per-member code it replaced (issue 7). Random ledgers on
// pairs of twin members (every operation done to both): one twin is swept member by member the
// old way — a `debit` of the lapsed lots in a transaction each, kept here as the oracle — the
// other by sweepExpired in small batches. The twins must come out row for row the same, every
// lapsed lot must be expired exactly once with its remaining points, and verifyLedger must stay
// clean. Then races: two sweeps and a writer on the same members at once (truly concurrent on
// Postgres), and a member whose balance row a request holds is skipped, not waited for.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { and, asc, eq, gt, inArray, isNull, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { members, pointAllocations, pointBalances, pointEntries, pointLots, users } from "@/db/schema";
import { onPostgres } from "@/db/testing/database";
import { holdLocks } from "@/db/testing/hold-locks";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { isDomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { credit, debit, lockBalance, restore } from "./ledger";
import { sweepExpired } from "./sweep-expired";
import { verifyLedger } from "./verify-ledger";

type Op =
  | { kind: "earn"; who: number; points: number; pendingDays: number; expiryDays: number | null }
  | { kind: "spend"; who: number; points: number }
  | { kind: "reverse"; who: number; points: number }
  | { kind: "restore"; which: number; fraction: number }
  | { kind: "advance"; days: number }
  | { kind: "sweep" };

const who = fc.nat(3);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("earn" as const), who, points: fc.integer({ min: 1, max: 500 }), pendingDays: fc.integer({ min: 0, max: 10 }), expiryDays: fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("spend" as const), who, points: fc.integer({ min: 1, max: 600 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reverse" as const), who, points: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("restore" as const), which: fc.nat(), fraction: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("advance" as const), days: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "sweep" as const }) },
);

const refs = { reason: "prop", actor: "prop" };
// Every scenario starts well after the last one's lots have all lapsed (expiry ≤ 50 days after an
// earn), and first sweeps them: the sweep's totals then count this scenario's members only.
let lastT = Date.UTC(2026, 0, 1);
async function startScenario() {
  const t = lastT + 100 * DAY_MS;
  lastT = t;
  const clock = freezeClock(new Date(t));
  await sweepExpired();
  return { t, clock };
}

async function freshMember(at: Date) {
  const id = newId();
  await db.insert(users).values({ id, email: `${id}@sweep.test`, createdAt: at, updatedAt: at });
  await db.insert(members).values({ id, createdAt: at });
  return id;
}

const lapsedWhere = (memberIds: string[], at: Date) => and(inArray(pointLots.memberId, memberIds), gt(pointLots.remaining, 0), isNull(pointLots.expiredAt), lte(pointLots.expiresAt, at));

/** The per-member sweep the set-based one replaced: the oracle. */
async function sweepMemberTheOldWay(memberId: string, at: Date) {
  await db.transaction(async (tx) => {
    await tx.select({ id: pointBalances.memberId }).from(pointBalances).where(eq(pointBalances.memberId, memberId)).for("update");
    const lots = await tx.select({ id: pointLots.id, remaining: pointLots.remaining }).from(pointLots).where(lapsedWhere([memberId], at));
    const points = lots.reduce((s, l) => s + l.remaining, 0);
    if (!points) return;
    await debit(tx, { memberId, points, type: "expire", onShortfall: "reject", preferLotIds: lots.map((l) => l.id), reason: "expired", actor: "system:sweep" });
    await tx.update(pointLots).set({ expiredAt: at }).where(inArray(pointLots.id, lots.map((l) => l.id)));
  });
}

/** A member's whole ledger with ids replaced by positions, so two twins can be compared row for row. */
async function ledgerOf(memberId: string) {
  const lots = await db.select().from(pointLots).where(eq(pointLots.memberId, memberId)).orderBy(asc(pointLots.createdAt), asc(pointLots.id));
  const entries = await db.select().from(pointEntries).where(eq(pointEntries.memberId, memberId)).orderBy(asc(pointEntries.createdAt), asc(pointEntries.id));
  const allocations = await db.select().from(pointAllocations).where(eq(pointAllocations.memberId, memberId));
  const [balance] = await db.select().from(pointBalances).where(eq(pointBalances.memberId, memberId));
  const lotAt = new Map(lots.map((l, i) => [l.id, i]));
  const entryAt = new Map(entries.map((e, i) => [e.id, i]));
  // Ids differ between twins: blanked (toEqual takes undefined as absent), references become positions.
  const ids = { id: undefined, memberId: undefined };
  return {
    lots: lots.map((l) => ({ ...l, ...ids, entryId: entryAt.get(l.entryId) })),
    entries: entries.map((e) => ({ ...e, ...ids })),
    allocations: allocations
      .map((a) => ({ ...a, memberId: undefined, entryId: entryAt.get(a.entryId)!, lotId: lotAt.get(a.lotId)! }))
      .sort((a, b) => a.entryId - b.entryId || a.lotId - b.lotId),
    balance: { ...balance, memberId: undefined },
  };
}

/** Each lot of `before` was emptied by exactly one `expire` allocation of its remaining points, at `at`. */
async function expectExpiredOnce(before: { id: string; remaining: number }[], at: Date) {
  if (!before.length) return;
  const ids = before.map((l) => l.id);
  const lots = await db.select({ id: pointLots.id, remaining: pointLots.remaining, expiredAt: pointLots.expiredAt }).from(pointLots).where(inArray(pointLots.id, ids));
  expect(lots.every((l) => l.remaining === 0 && l.expiredAt?.getTime() === at.getTime())).toBe(true);
  const taken = await db
    .select({ lotId: pointAllocations.lotId, points: pointAllocations.points })
    .from(pointAllocations)
    .innerJoin(pointEntries, eq(pointEntries.id, pointAllocations.entryId))
    .where(and(inArray(pointAllocations.lotId, ids), eq(pointEntries.type, "expire"), eq(pointEntries.createdAt, at)));
  expect(taken.map((a) => [a.lotId, a.points]).sort()).toEqual(before.map((l) => [l.id, l.remaining]).sort());
}

describe("set-based expiry sweep", () => {
  test("twins swept the old way and by sweepExpired in small batches come out the same", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.array(opArb, { minLength: 5, maxLength: 30 }), async (n, batchSize, ops) => {
        const { clock, ...start } = await startScenario();
        let t = start.t;
        const pairs: [string, string][] = [];
        for (let i = 0; i < n; i++) pairs.push([await freshMember(new Date(t)), await freshMember(new Date(t))]);
        const spends: { ids: [string, string]; member: number; left: number }[] = [];
        const both = async <T>(who: number, f: (memberId: string) => Promise<T>) => [await f(pairs[who % n]![0]), await f(pairs[who % n]![1])] as const;
        const refused = async (f: () => Promise<unknown>) => f().then(() => null, (e: unknown) => (isDomainError(e) ? e.code : Promise.reject(e)));

        const sweepAndCompare = async () => {
          const at = new Date(t);
          const ours = pairs.map((p) => p[0]);
          const before = await db.select({ id: pointLots.id, memberId: pointLots.memberId, remaining: pointLots.remaining }).from(pointLots).where(lapsedWhere(ours, at));
          for (const [, twin] of pairs) await sweepMemberTheOldWay(twin, at);
          expect(await sweepExpired({ batchSize })).toEqual({
            lots: before.length,
            points: before.reduce((s, l) => s + l.remaining, 0),
            members: new Set(before.map((l) => l.memberId)).size,
          });
          await expectExpiredOnce(before, at);
          for (const [ours, twin] of pairs) expect(await ledgerOf(ours)).toEqual(await ledgerOf(twin));
        };

        for (const op of ops) {
          if (op.kind === "earn") {
            const availableAt = new Date(t + op.pendingDays * DAY_MS);
            const expiresAt = op.expiryDays === null ? null : new Date(availableAt.getTime() + op.expiryDays * DAY_MS);
            await both(op.who, (memberId) => db.transaction((tx) => credit(tx, { ...refs, memberId, points: op.points, type: "earn", availableAt, expiresAt })));
          } else if (op.kind === "spend") {
            const ids: string[] = [];
            const outcome = await both(op.who, (memberId) =>
              refused(() => db.transaction(async (tx) => ids.push((await debit(tx, { ...refs, memberId, points: op.points, type: "spend", onShortfall: "reject" })).entry.id))),
            );
            expect(outcome[0]).toBe(outcome[1]);
            if (ids.length === 2) spends.push({ ids: [ids[0]!, ids[1]!], member: op.who % n, left: op.points });
          } else if (op.kind === "reverse") {
            await both(op.who, (memberId) => db.transaction((tx) => debit(tx, { ...refs, memberId, points: op.points, type: "reverse", onShortfall: "debt" })));
          } else if (op.kind === "restore") {
            const s = spends[op.which % Math.max(1, spends.length)];
            const points = s ? Math.ceil((s.left * op.fraction) / 100) : 0;
            if (!s || !points) continue;
            s.left -= points;
            for (const twin of [0, 1] as const) {
              await db.transaction((tx) => restore(tx, { ...refs, memberId: pairs[s.member]![twin], debitEntryId: s.ids[twin], points }));
            }
          } else if (op.kind === "advance") {
            t += op.days * DAY_MS;
            lastT = t;
            clock.set(new Date(t));
          } else {
            await sweepAndCompare();
          }
        }
        await sweepAndCompare();
        expect((await verifyLedger()).mismatches).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  test("two sweeps and a writer on the same members at once: every lapsed lot is expired once", async () => {
    const { t } = await startScenario();
    const at = new Date(t);
    const start = new Date(t - 60 * DAY_MS);
    const clock = freezeClock(start);
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const m = await freshMember(start);
      ids.push(m);
      // One to three lots that will have lapsed by `at`, one partly spent, and one that never expires.
      for (let k = 0; k <= i % 3; k++) {
        await db.transaction((tx) => credit(tx, { ...refs, memberId: m, points: 10 + i + k, type: "earn", availableAt: start, expiresAt: new Date(t - k * DAY_MS) }));
      }
      await db.transaction((tx) => credit(tx, { ...refs, memberId: m, points: 100, type: "earn", availableAt: start, expiresAt: null }));
      await db.transaction((tx) => debit(tx, { ...refs, memberId: m, points: 5 + (i % 7), type: "spend", onShortfall: "reject" }));
    }
    clock.set(at);
    const before = await db.select({ id: pointLots.id, remaining: pointLots.remaining }).from(pointLots).where(lapsedWhere(ids, at));
    expect(before.length).toBeGreaterThan(40);

    // A request stream on the same members while two instances sweep them.
    const writer = async () => {
      for (let i = 0; i < 60; i++) {
        const memberId = ids[(i * 7) % ids.length]!;
        if (i % 3 === 0) await db.transaction((tx) => credit(tx, { ...refs, memberId, points: 4, type: "earn", availableAt: at, expiresAt: new Date(t + 30 * DAY_MS) }));
        else if (i % 3 === 1) await db.transaction((tx) => debit(tx, { ...refs, memberId, points: 3, type: "spend", onShortfall: "reject" }));
        else await db.transaction((tx) => debit(tx, { ...refs, memberId, points: 2, type: "reverse", onShortfall: "debt" }));
      }
    };
    const [a, b] = await Promise.all([sweepExpired({ batchSize: 3 }), sweepExpired({ batchSize: 4 }), writer()]);
    const rest = await sweepExpired(); // whoever the racing sweeps skipped
    expect(a.lots + b.lots + rest.lots).toBe(before.length);
    expect(a.points + b.points + rest.points).toBe(before.reduce((s, l) => s + l.remaining, 0));
    await expectExpiredOnce(before, at);
    expect((await verifyLedger()).mismatches).toEqual([]);
  });

  test.skipIf(!onPostgres())("a member whose balance row a request holds is skipped, not waited for, and swept next time", async () => {
    const { t } = await startScenario();
    const at = new Date(t);
    const clock = freezeClock(new Date(t - 10 * DAY_MS));
    const [held, free] = [await freshMember(at), await freshMember(at)];
    for (const memberId of [held, free]) await db.transaction((tx) => credit(tx, { ...refs, memberId, points: 50, type: "earn", availableAt: new Date(t - 10 * DAY_MS), expiresAt: at }));
    clock.set(at);
    const heldLots = await db.select({ id: pointLots.id, remaining: pointLots.remaining }).from(pointLots).where(lapsedWhere([held], at));
    const freeLots = await db.select({ id: pointLots.id, remaining: pointLots.remaining }).from(pointLots).where(lapsedWhere([free], at));

    const release = await holdLocks((tx) => lockBalance(tx, held, at));
    expect(await sweepExpired({ batchSize: 1 })).toEqual({ lots: 1, points: 50, members: 1 });
    await expectExpiredOnce(freeLots, at);
    expect(await db.select({ id: pointLots.id, remaining: pointLots.remaining }).from(pointLots).where(lapsedWhere([held], at))).toEqual(heldLots);
    await release();
    expect(await sweepExpired()).toEqual({ lots: 1, points: 50, members: 1 });
    await expectExpiredOnce(heldLots, at);
    expect((await verifyLedger()).mismatches).toEqual([]);
  });
});
