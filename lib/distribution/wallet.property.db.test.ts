// Property test over the money path: random sequences of orders, partial and full refunds,
// withdrawal requests, admin decisions and clock moves on a small tree. After every step the
// wallets verify against their history and their commissions, no commission is reversed beyond
// itself, a fully refunded order keeps no commission, and a wallet only goes below zero by the
// negative adjustments it recorded.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { commissions, orders, withdrawals } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { isDomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { getWallet } from "./get-wallet";
import { requestWithdrawal } from "./request-withdrawal";
import { approveWithdrawal, markPayoutFailed, rejectWithdrawal, retryPayout, returnWithdrawal } from "./review-withdrawal";
import { distributorChain, newMember, testOrder } from "./testing";
import { verifyWallets } from "./verify-wallets";

type Op =
  | { kind: "order"; buyer: number; cents: number; daysAgo: number }
  | { kind: "refund"; which: number; percent: number }
  | { kind: "withdraw"; who: number; cents: number }
  | { kind: "review"; which: number; decision: "approve" | "reject" | "fail" | "retry" | "return" }
  | { kind: "advance"; days: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("order" as const), buyer: fc.nat(2), cents: fc.integer({ min: 1, max: 80_000 }), daysAgo: fc.constantFrom(0, 5, 30, 30) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("refund" as const), which: fc.nat(), percent: fc.integer({ min: 1, max: 100 }) }) },
    // cents 0: everything available (so refunds often meet money already withdrawn)
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("withdraw" as const), who: fc.nat(1), cents: fc.oneof(fc.constant(0), fc.integer({ min: 1000, max: 6000 })) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("review" as const), which: fc.nat(), decision: fc.constantFrom("approve" as const, "reject" as const, "fail" as const, "retry" as const, "return" as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("advance" as const), days: fc.integer({ min: 1, max: 20 }) }) },
);

const reviewer = { userId: newId(), email: "prop@test" };
const actor = "prop";

describe("wallet property", () => {
  test("wallets verify, reversals stay within commissions, negatives only by recorded adjustments", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 5, maxLength: 20 }), async (ops) => {
        let t = Date.UTC(2026, 0, 5) + Math.floor(Math.random() * 300) * DAY_MS;
        const clock = freezeClock(new Date(t));
        const [top, mid] = await distributorChain(2);
        const dists = [top!.id, mid!.id];
        // buyers: under mid (pays mid + top), under top (pays top), mid buying (pays top)
        const buyers = [await newMember(mid!.code), await newMember(top!.code), mid!.id];
        const placed: string[] = [];
        for (const op of ops) {
          if (op.kind === "order") {
            const o = testOrder(buyers[op.buyer]!, { items: [{ sku: "S", quantity: 1, unitPriceCents: op.cents }], shippingCents: 300, placedAt: new Date(t - op.daysAgo * DAY_MS).toISOString() });
            await ingestOrder(o, { actor });
            placed.push(o.externalId);
          } else if (op.kind === "refund") {
            const externalId = placed[op.which % Math.max(1, placed.length)];
            if (!externalId) continue;
            const [o] = await db.select().from(orders).where(eq(orders.externalId, externalId));
            const left = o!.paidCents - o!.refundedCents;
            if (left <= 0) continue;
            await refundOrder(externalId, op.percent === 100 ? {} : { amountCents: Math.max(1, Math.floor((left * op.percent) / 100)) }, { actor });
          } else if (op.kind === "withdraw") {
            const who = dists[op.who]!;
            const before = await getWallet(who);
            const cents = op.cents || Math.max(1000, before.availableCents);
            try {
              await requestWithdrawal(who, { amountCents: cents }, { actor });
              expect(before.availableCents).toBeGreaterThanOrEqual(cents);
            } catch (e) {
              if (!isDomainError(e) || !["invalid-request", "not-eligible", "limit-reached"].includes(e.code)) throw e;
              if (e.code === "invalid-request") expect(before.availableCents).toBeLessThan(cents);
              if (e.code === "not-eligible") expect(before.availableCents).toBeLessThan(0);
            }
          } else if (op.kind === "review") {
            const all = await db.select().from(withdrawals).where(inArray(withdrawals.distributorId, dists)).orderBy(withdrawals.requestedAt, withdrawals.id);
            const w = all[op.which % Math.max(1, all.length)];
            if (!w) continue;
            const opts = { reviewer };
            const decide = {
              approve: () => approveWithdrawal(w.id, { payoutReference: "P" }, opts),
              reject: () => rejectWithdrawal(w.id, { reason: "r" }, opts),
              fail: () => markPayoutFailed(w.id, { reason: "f" }, opts),
              retry: () => retryPayout(w.id, { payoutReference: "P2" }, opts),
              return: () => returnWithdrawal(w.id, { reason: "back" }, opts),
            }[op.decision];
            try {
              await decide();
            } catch (e) {
              if (!isDomainError(e) || e.code !== "conflict") throw e; // not in the state this decision starts from
            }
          } else {
            t += op.days * DAY_MS;
            clock.set(new Date(t));
          }

          for (const d of dists) {
            const w = await getWallet(d);
            expect(w.pendingCents).toBeGreaterThanOrEqual(0);
            expect(w.withdrawingCents).toBeGreaterThanOrEqual(0);
            expect(w.availableCents).toBeGreaterThanOrEqual(w.adjustmentCents);
            const mine = await db.select().from(commissions).where(eq(commissions.distributorId, d));
            const net = mine.reduce((s, c) => s + c.amountCents - c.reversedCents, 0);
            expect(w.pendingCents + w.availableCents + w.withdrawingCents + w.withdrawnCents).toBe(net);
          }
          for (const o of await db.select().from(orders).where(inArray(orders.externalId, placed))) {
            const cs = await db.select().from(commissions).where(eq(commissions.orderId, o.id));
            for (const c of cs) {
              expect(c.reversedCents).toBeLessThanOrEqual(c.amountCents);
              if (o.refundedCents >= o.paidCents) expect(c.reversedCents).toBe(c.amountCents);
              else expect(c.reversedCents).toBe(Math.floor((c.amountCents * o.refundedCents) / o.paidCents));
            }
          }
          expect((await verifyWallets()).mismatches).toEqual([]);
        }
      }),
      { numRuns: 20 },
    );
  });
});
