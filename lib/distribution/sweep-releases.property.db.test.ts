// The set-based release sweep (issue 7) against a reference worked out here, commission by
// commission, the way the per-wallet sweep it replaced wrote it: random commissions (pending,
// due, imported as released), partial and full reversals, risk holds and their lifting, clock
// moves; at each sweep, every due wallet must get exactly its due commissions flipped, one
// `release` entry each in (availableAt, id) order with the running available figure, the new
// nextReleaseAt, and nothing else touched; verifyWallets must stay clean. Then races: two sweeps
// and a writer on the same wallets at once (truly concurrent on Postgres), and a wallet a request
// holds is skipped, not waited for.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import { db } from "@/db/client";
import { commissions, distributorWallets, walletEntries, type Commission } from "@/db/schema";
import { onPostgres } from "@/db/testing/database";
import { holdLocks } from "@/db/testing/hold-locks";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { sweepReleases } from "./sweep-releases";
import { verifyWallets } from "./verify-wallets";
import { holdCommissions, liftHold, lockWallet, recordCommissions, releaseDue, reverseCommission } from "./wallet";

type Op =
  | { kind: "commission"; who: number; buyer: number; cents: number; availableInDays: number; imported: boolean }
  | { kind: "reverse"; which: number; percent: number }
  | { kind: "hold"; who: number; buyer: number }
  | { kind: "lift"; which: number }
  | { kind: "advance"; days: number }
  | { kind: "sweep" };

const who = fc.nat(3);
const buyer = fc.nat(2);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant("commission" as const), who, buyer, cents: fc.integer({ min: 1, max: 50_000 }), availableInDays: fc.integer({ min: -20, max: 20 }), imported: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("reverse" as const), which: fc.nat(), percent: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("hold" as const), who, buyer }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("lift" as const), which: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("advance" as const), days: fc.integer({ min: 1, max: 10 }) }) },
  { weight: 2, arbitrary: fc.constant({ kind: "sweep" as const }) },
);

const actor = "prop";
// Every scenario starts well after the last one's commissions are all past their date (≤ 20 days
// after creation), and first sweeps them: the sweep's totals then count this scenario's wallets only.
let lastT = Date.UTC(2026, 0, 5);
async function startScenario() {
  const t = lastT + 100 * DAY_MS;
  lastT = t;
  const clock = freezeClock(new Date(t));
  await sweepReleases();
  return { t, clock };
}

/** A commission on a new order, written the way ingestion writes it (released already when imported past its date). */
async function addCommission(distributorId: string, buyerId: string, cents: number, availableAt: Date, createdAt: Date, imported = false): Promise<string> {
  const id = newId();
  const releasedAt = imported && availableAt <= createdAt ? availableAt : null;
  await db.transaction((tx) =>
    recordCommissions(tx, [{ id, distributorId, orderId: newId(), buyerId, level: 1, baseCents: cents * 10, rateBps: 1000, amountCents: cents, availableAt, releasedAt, explanation: {}, ruleVersionIds: [], createdAt }], actor),
  );
  return id;
}

/** A refund taking `percent` of what is left of a commission, the way refunds do it: wallet locked, due commissions released first. */
async function reverse(commissionId: string, percent: number, at: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [c] = await tx.select().from(commissions).where(eq(commissions.id, commissionId));
    const wallet = await lockWallet(tx, c!.distributorId, at);
    await releaseDue(tx, wallet, actor, at);
    const [fresh] = await tx.select().from(commissions).where(eq(commissions.id, commissionId));
    const left = fresh!.amountCents - fresh!.reversedCents;
    if (left > 0) await reverseCommission(tx, fresh!, Math.max(1, Math.floor((left * percent) / 100)), { actor, refundId: newId() }, at);
  });
}

const releasable = (ids: string[]) => and(inArray(commissions.distributorId, ids), isNull(commissions.releasedAt), eq(commissions.status, "pending"), isNull(commissions.heldByCaseId));

/**
 * What the per-wallet sweep wrote for these wallets at `at`: for each wallet due by its
 * nextReleaseAt, every releasable commission past its date flips (status, releasedAt) with a
 * `release` entry each, in (availableAt, id) order, carrying the available figure after it; pending
 * and available move by the total, updatedAt only if money moved; nextReleaseAt becomes the
 * earliest date among the commissions still releasable.
 */
async function expectedSweep(ids: string[], at: Date) {
  const wallets = await db.select().from(distributorWallets).where(inArray(distributorWallets.distributorId, ids));
  const open = await db.select().from(commissions).where(releasable(ids)).orderBy(asc(commissions.availableAt), asc(commissions.id));
  const after = new Map<string, typeof wallets[number]>();
  const entries = new Map<string, Record<string, unknown>[]>();
  const released = new Set<string>();
  let cents = 0;
  let due = 0;
  for (const w of wallets) {
    const mine = open.filter((c) => c.distributorId === w.distributorId);
    if (!w.nextReleaseAt || w.nextReleaseAt > at) {
      after.set(w.distributorId, w);
      entries.set(w.distributorId, []);
      continue;
    }
    due++;
    let available = w.availableCents;
    const list: Record<string, unknown>[] = [];
    for (const c of mine.filter((c) => c.availableAt <= at)) {
      const net = c.amountCents - c.reversedCents;
      available += net;
      released.add(c.id);
      list.push({ type: "release", pendingDelta: -net, availableDelta: net, withdrawingDelta: 0, withdrawnDelta: 0, adjustmentDelta: 0, availableAfter: available, commissionId: c.id, orderId: c.orderId, refundId: null, withdrawalId: null, reason: "freed up", actor: "sweep", createdAt: at });
    }
    const moved = available - w.availableCents;
    cents += moved;
    const later = mine.filter((c) => c.availableAt > at);
    after.set(w.distributorId, { ...w, pendingCents: w.pendingCents - moved, availableCents: available, nextReleaseAt: later[0]?.availableAt ?? null, updatedAt: moved ? at : w.updatedAt });
    entries.set(w.distributorId, list);
  }
  return { after, entries, released, result: { wallets: due, cents } };
}

const commissionsOf = (ids: string[]) => db.select().from(commissions).where(inArray(commissions.distributorId, ids)).orderBy(asc(commissions.id));
const entriesOf = (ids: string[]) => db.select().from(walletEntries).where(inArray(walletEntries.distributorId, ids)).orderBy(asc(walletEntries.createdAt), asc(walletEntries.id));

describe("set-based release sweep", () => {
  test("every due wallet gets exactly what the per-wallet sweep wrote, and nothing else moves", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 3 }), fc.array(opArb, { minLength: 5, maxLength: 30 }), async (batchSize, ops) => {
        const start = await startScenario();
        let t = start.t;
        const dists = [newId(), newId(), newId(), newId()];
        const buyers = [newId(), newId(), newId()];
        const made: string[] = [];
        const cases: { id: string; distributorId: string }[] = [];

        const sweepAndCheck = async () => {
          const at = new Date(t);
          const want = await expectedSweep(dists, at);
          const commissionsBefore = await commissionsOf(dists);
          const entriesBefore = new Set((await entriesOf(dists)).map((e) => e.id));
          expect(await sweepReleases({ batchSize, at })).toEqual(want.result);
          const wallets = await db.select().from(distributorWallets).where(inArray(distributorWallets.distributorId, dists));
          for (const w of wallets) expect(w).toEqual(want.after.get(w.distributorId));
          const added = (await entriesOf(dists)).filter((e) => !entriesBefore.has(e.id));
          for (const d of dists) expect(added.filter((e) => e.distributorId === d).map((e) => ({ ...e, id: undefined, distributorId: undefined }))).toEqual(want.entries.get(d) ?? []);
          expect(await commissionsOf(dists)).toEqual(commissionsBefore.map((c): Commission => (want.released.has(c.id) ? { ...c, status: "available", releasedAt: at } : c)));
        };

        for (const op of ops) {
          const at = new Date(t);
          if (op.kind === "commission") {
            made.push(await addCommission(dists[op.who]!, buyers[op.buyer]!, op.cents, new Date(t + op.availableInDays * DAY_MS), at, op.imported));
          } else if (op.kind === "reverse") {
            const id = made[op.which % Math.max(1, made.length)];
            if (id) await reverse(id, op.percent, at);
          } else if (op.kind === "hold") {
            const caseId = newId();
            const distributorId = dists[op.who]!;
            await db.transaction(async (tx) => {
              await lockWallet(tx, distributorId, at);
              await holdCommissions(tx, distributorId, caseId, buyers[op.buyer]!);
            });
            cases.push({ id: caseId, distributorId });
          } else if (op.kind === "lift") {
            const c = cases.splice(op.which % Math.max(1, cases.length), 1)[0];
            if (c) await db.transaction(async (tx) => liftHold(tx, await lockWallet(tx, c.distributorId, at), c.id, actor, at));
          } else if (op.kind === "advance") {
            t += op.days * DAY_MS;
            lastT = t;
            start.clock.set(new Date(t));
          } else {
            await sweepAndCheck();
          }
        }
        await sweepAndCheck();
        expect((await verifyWallets()).mismatches).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  test("two sweeps and a writer on the same wallets at once: every due commission is released once", async () => {
    const { t } = await startScenario();
    const at = new Date(t);
    const dists = Array.from({ length: 30 }, () => newId());
    const buyerId = newId();
    const made: string[] = [];
    for (const [i, d] of dists.entries()) {
      for (let k = 0; k <= i % 3; k++) made.push(await addCommission(d, buyerId, 100 + i * 10 + k, new Date(t - k * DAY_MS), new Date(t - 20 * DAY_MS)));
      made.push(await addCommission(d, buyerId, 500, new Date(t + 5 * DAY_MS), new Date(t - DAY_MS)));
    }
    // Refunds and new orders (some already past their date) on the same wallets, while two instances sweep.
    const writer = async () => {
      for (let i = 0; i < 40; i++) {
        const d = dists[(i * 7) % dists.length]!;
        if (i % 2 === 0) await reverse(made[(i * 5) % made.length]!, 30 + i, at);
        else made.push(await addCommission(d, buyerId, 50 + i, new Date(t - (i % 3) * DAY_MS), new Date(t - 15 * DAY_MS)));
      }
    };
    const [a, b] = await Promise.all([sweepReleases({ batchSize: 3, at }), sweepReleases({ batchSize: 4, at }), writer()]);
    const rest = await sweepReleases({ at }); // whatever the racing sweeps skipped or the writer added

    const releases = (await entriesOf(dists)).filter((e) => e.type === "release");
    const count = new Map<string, number>();
    for (const e of releases) count.set(e.commissionId!, (count.get(e.commissionId!) ?? 0) + 1);
    for (const c of await commissionsOf(dists)) {
      if (c.availableAt <= at) expect(c.releasedAt !== null || c.status === "reversed").toBe(true);
      else expect(c.releasedAt).toBeNull();
      expect(count.get(c.id) ?? 0).toBe(c.releasedAt ? 1 : 0);
    }
    // The sweeps' totals are exactly their entries' (the writer's refunds release some themselves).
    const bySweep = releases.filter((e) => e.actor === "sweep").reduce((s, e) => s + e.availableDelta, 0);
    expect(a.cents + b.cents + rest.cents).toBe(bySweep);
    expect(await db.select().from(distributorWallets).where(and(inArray(distributorWallets.distributorId, dists), lte(distributorWallets.nextReleaseAt, at)))).toEqual([]);
    expect((await verifyWallets()).mismatches).toEqual([]);
  });

  test.skipIf(!onPostgres())("a wallet a request holds is skipped, not waited for, and released next time", async () => {
    const { t } = await startScenario();
    const at = new Date(t);
    const [held, free] = [newId(), newId()];
    for (const d of [held, free]) await addCommission(d, newId(), 700, new Date(t - DAY_MS), new Date(t - 15 * DAY_MS));
    const release = await holdLocks((tx) => lockWallet(tx, held, at));
    expect(await sweepReleases({ batchSize: 1, at })).toEqual({ wallets: 1, cents: 700 });
    const [stillHeld] = await db.select().from(distributorWallets).where(eq(distributorWallets.distributorId, held));
    expect(stillHeld).toMatchObject({ pendingCents: 700, availableCents: 0 });
    await release();
    expect(await sweepReleases({ at })).toEqual({ wallets: 1, cents: 700 });
    expect((await verifyWallets()).mismatches).toEqual([]);
  });
});
