// Property test: random sequences of earn / spend / reverse / restore / clock moves / sweeps against
// a tiny reference model. After every step the database must agree with the model lot by lot, the
// balance read must match, and the verifier must find nothing (DESIGN invariants 1–3).
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { members, pointLots, users } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { getBalance } from "./get-balance";
import { credit, debit, restore } from "./ledger";
import { sweepExpired } from "./sweep-expired";
import { verifyLedger } from "./verify-ledger";

type Op =
  | { kind: "earn"; points: number; pendingDays: number; expiryDays: number | null }
  | { kind: "spend"; points: number }
  | { kind: "reverse"; points: number }
  | { kind: "restore"; which: number; fraction: number }
  | { kind: "advance"; days: number }
  | { kind: "sweep" };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("earn" as const), points: fc.integer({ min: 1, max: 500 }), pendingDays: fc.integer({ min: 0, max: 10 }), expiryDays: fc.option(fc.integer({ min: 1, max: 60 }), { nil: null }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("spend" as const), points: fc.integer({ min: 1, max: 600 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reverse" as const), points: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("restore" as const), which: fc.nat(), fraction: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("advance" as const), days: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: "sweep" as const }) },
);

interface ModelLot { id: string; remaining: number; availableAt: number; expiresAt: number | null }
interface ModelSpend { entryId: string; used: { lotId: string; points: number; restored: number }[] }

class Model {
  lots: ModelLot[] = [];
  debt = 0;
  spends: ModelSpend[] = [];
  usable(t: number) {
    return this.lots
      .filter((l) => l.remaining > 0 && l.availableAt <= t && (l.expiresAt === null || l.expiresAt > t))
      .sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity) || a.availableAt - b.availableAt || (a.id < b.id ? -1 : 1));
  }
  available(t: number) { return this.usable(t).reduce((s, l) => s + l.remaining, 0); }
  pending(t: number) { return this.lots.filter((l) => l.remaining > 0 && l.availableAt > t && (l.expiresAt === null || l.expiresAt > t)).reduce((s, l) => s + l.remaining, 0); }
  take(points: number, t: number) {
    const used: { lotId: string; points: number; restored: number }[] = [];
    let left = points;
    for (const l of this.usable(t)) {
      if (!left) break;
      const n = Math.min(l.remaining, left);
      l.remaining -= n; left -= n;
      used.push({ lotId: l.id, points: n, restored: 0 });
    }
    return { used, shortfall: left };
  }
}

async function freshMember(at: Date) {
  const id = newId();
  await db.insert(users).values({ id, email: `${id}@p.test`, createdAt: at, updatedAt: at });
  await db.insert(members).values({ id, createdAt: at });
  return id;
}

describe("ledger property", () => {
  test("the database agrees with the reference model after every step", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 25 }), async (ops) => {
        let t = Date.UTC(2026, 0, 1) + Math.floor(Math.random() * 1000) * DAY_MS; // each run on its own stretch of time
        const clock = freezeClock(new Date(t));
        const m = await freshMember(new Date(t));
        const model = new Model();
        const refs = { reason: "prop", actor: "prop" };
        for (const op of ops) {
          if (op.kind === "earn") {
            const availableAt = t + op.pendingDays * DAY_MS;
            const expiresAt = op.expiryDays === null ? null : availableAt + op.expiryDays * DAY_MS;
            const r = await db.transaction((tx) => credit(tx, { ...refs, memberId: m, points: op.points, type: "earn", availableAt: new Date(availableAt), expiresAt: expiresAt === null ? null : new Date(expiresAt) }));
            const settle = Math.min(model.debt, op.points);
            model.debt -= settle;
            model.lots.push({ id: r.lotId, remaining: op.points - settle, availableAt, expiresAt });
          } else if (op.kind === "spend") {
            if (op.points > model.available(t)) {
              await expect(db.transaction((tx) => debit(tx, { ...refs, memberId: m, points: op.points, type: "spend", onShortfall: "reject" }))).rejects.toMatchObject({ code: "insufficient-points" });
            } else {
              const r = await db.transaction((tx) => debit(tx, { ...refs, memberId: m, points: op.points, type: "spend", onShortfall: "reject" }));
              model.spends.push({ entryId: r.entry.id, used: model.take(op.points, t).used.sort((a, b) => (a.lotId < b.lotId ? -1 : 1)) });
            }
          } else if (op.kind === "reverse") {
            await db.transaction((tx) => debit(tx, { ...refs, memberId: m, points: op.points, type: "reverse", onShortfall: "debt" }));
            model.debt += model.take(op.points, t).shortfall;
          } else if (op.kind === "restore") {
            const s = model.spends[op.which % Math.max(1, model.spends.length)];
            if (!s) continue;
            const left = s.used.reduce((sum, u) => sum + u.points - u.restored, 0);
            const points = Math.ceil((left * op.fraction) / 100);
            if (!points) continue;
            await db.transaction((tx) => restore(tx, { ...refs, memberId: m, debitEntryId: s.entryId, points }));
            let todo = points;
            for (const u of s.used) {
              const n = Math.min(u.points - u.restored, todo);
              u.restored += n; todo -= n;
              model.lots.find((l) => l.id === u.lotId)!.remaining += n;
            }
          } else if (op.kind === "advance") {
            t += op.days * DAY_MS;
            clock.set(new Date(t));
          } else {
            await sweepExpired();
            for (const l of model.lots) if (l.expiresAt !== null && l.expiresAt <= t) l.remaining = 0;
          }
          // After every step: lot by lot, the balance read, and the verifier.
          const dbLots = await db.select({ id: pointLots.id, remaining: pointLots.remaining }).from(pointLots).where(eq(pointLots.memberId, m));
          const want = Object.fromEntries(model.lots.map((l) => [l.id, l.remaining]));
          expect(Object.fromEntries(dbLots.map((l) => [l.id, l.remaining]))).toEqual(want);
          expect(await getBalance(m)).toMatchObject({ available: model.available(t), pending: model.pending(t), debt: model.debt });
          expect(dbLots.every((l) => l.remaining >= 0)).toBe(true);
        }
        expect((await verifyLedger()).mismatches).toEqual([]);
      }),
      {
        numRuns: 25,
        // Counterexamples found before, replayed on every run: a restore into a lot that expired and
        // was swept (CI on Postgres, seed -1361461500).
        examples: [[[
          { kind: "earn", points: 2, pendingDays: 0, expiryDays: 1 }, { kind: "spend", points: 1 }, { kind: "advance", days: 1 }, { kind: "sweep" },
          { kind: "restore", which: 0, fraction: 100 }, { kind: "advance", days: 2 }, { kind: "sweep" },
        ]]],
      },
    );
  });
});
