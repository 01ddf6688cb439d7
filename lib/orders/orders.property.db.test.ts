// Property test over the use cases: random sequences of orders (some paid partly with points),
// partial and full refunds, events and clock moves. After every step the ledger verifies, no
// balance is negative, and no order ever takes back more points than it earned or gives back more
// than was paid with — refunds never create points out of nothing.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { members, orders, users } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { isDomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { getBalance } from "@/lib/points/get-balance";
import { credit } from "@/lib/points/ledger";
import { recordEvent } from "@/lib/points/record-event";
import { verifyLedger } from "@/lib/points/verify-ledger";
import { ingestOrder } from "./ingest-order";
import { refundOrder } from "./refund-order";
import { createOrderSchema } from "./schemas";

type Op =
  | { kind: "order"; cents: number; qty: number; pointsRedeemed: number }
  | { kind: "refund"; which: number; percent: number }
  | { kind: "event"; type: "check-in" | "review" | "share" }
  | { kind: "advance"; days: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("order" as const), cents: fc.integer({ min: 1, max: 50_000 }), qty: fc.integer({ min: 1, max: 3 }), pointsRedeemed: fc.constantFrom(0, 0, 100, 500, 2000) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("refund" as const), which: fc.nat(), percent: fc.integer({ min: 1, max: 100 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("event" as const), type: fc.constantFrom("check-in" as const, "review" as const, "share" as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("advance" as const), days: fc.integer({ min: 1, max: 40 }) }) },
);

describe("orders and refunds property", () => {
  test("the ledger verifies and refunds never create points after every step", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 4, maxLength: 18 }), async (ops) => {
        let t = Date.UTC(2026, 0, 5) + Math.floor(Math.random() * 500) * DAY_MS;
        const clock = freezeClock(new Date(t));
        const m = newId();
        await db.insert(users).values({ id: m, email: `${m}@o.test`, createdAt: new Date(t), updatedAt: new Date(t) });
        await db.insert(members).values({ id: m, createdAt: new Date(t) });
        // Start with spendable points so orders paid partly with points happen often.
        await db.transaction((tx) => credit(tx, { memberId: m, points: 6000, type: "adjust", availableAt: new Date(t), expiresAt: null, reason: "start", actor: "prop" }));
        const placed: string[] = [];
        for (const op of ops) {
          if (op.kind === "order") {
            const externalId = `P-${newId()}`;
            try {
              await ingestOrder(createOrderSchema.parse({ externalId, memberId: m, items: [{ sku: "S", quantity: op.qty, unitPriceCents: op.cents }], shippingCents: 500, pointsRedeemed: op.pointsRedeemed }), { actor: "prop" });
              placed.push(externalId);
            } catch (e) {
              // Not enough points, or more than the 50% cap: refused, and nothing may have been written.
              if (!isDomainError(e) || !["insufficient-points", "invalid-request"].includes(e.code)) throw e;
              expect(await db.select().from(orders).where(eq(orders.externalId, externalId))).toHaveLength(0);
            }
          } else if (op.kind === "refund") {
            const externalId = placed[op.which % Math.max(1, placed.length)];
            if (!externalId) continue;
            const [o] = await db.select().from(orders).where(eq(orders.externalId, externalId));
            const left = o!.paidCents - o!.refundedCents;
            if (left <= 0) {
              await expect(refundOrder(externalId, { amountCents: 1 }, { actor: "prop" })).rejects.toMatchObject({ code: "refund-exceeds-order" });
              continue;
            }
            const amount = Math.max(1, Math.floor((left * op.percent) / 100));
            await refundOrder(externalId, op.percent === 100 ? {} : { amountCents: amount }, { actor: "prop" });
          } else if (op.kind === "event") {
            await recordEvent({ memberId: m, type: op.type }, { actor: "prop" });
          } else {
            t += op.days * DAY_MS;
            clock.set(new Date(t));
          }
          const b = await getBalance(m);
          expect(b.available).toBeGreaterThanOrEqual(0);
          expect(b.pending).toBeGreaterThanOrEqual(0);
          expect(b.debt).toBeGreaterThanOrEqual(0);
          for (const o of await db.select().from(orders).where(eq(orders.memberId, m))) {
            expect(o.pointsReversed).toBeLessThanOrEqual(o.pointsAwarded);
            expect(o.pointsRestored).toBeLessThanOrEqual(o.pointsRedeemed);
            expect(o.refundedCents).toBeLessThanOrEqual(o.paidCents);
            if (o.refundedCents === o.paidCents && o.paidCents > 0) expect(o.pointsRestored).toBe(o.pointsRedeemed);
          }
        }
        expect((await verifyLedger()).mismatches).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
