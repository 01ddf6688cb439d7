import { afterEach, describe, expect, test } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, distributors, walletEntries, withdrawals } from "@/db/schema";
import { onPostgres } from "@/db/testing/database";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { getWallet } from "./get-wallet";
import { approvedPayoutsCsv, listWithdrawals } from "./list-withdrawals";
import { requestWithdrawal } from "./request-withdrawal";
import { approveWithdrawal, markPayoutFailed, rejectWithdrawal, retryPayout, returnWithdrawal } from "./review-withdrawal";
import { newDistributor, newMember, publishDistribution, testOrder } from "./testing";
import { verifyWallets } from "./verify-wallets";

const T0 = new Date("2026-11-23T04:00:00Z"); // midday in Shanghai
const actor = "test";
const reviewer = { userId: newId(), email: "admin@test" };

/** A distributor whose wallet holds `cents` available now (10 % of an old order's base). */
async function funded(cents: number): Promise<{ id: string; code: string; buyer: string; orderExternalId: string }> {
  const d = await newDistributor();
  const buyer = await newMember(d.code);
  const o = testOrder(buyer, { items: [{ sku: "X", quantity: 1, unitPriceCents: cents * 10 }], shippingCents: 0, placedAt: new Date(T0.getTime() - 30 * DAY_MS).toISOString() });
  await ingestOrder(o, { actor });
  expect((await getWallet(d.id)).availableCents).toBe(cents);
  return { ...d, buyer, orderExternalId: o.externalId };
}

const entriesOf = (id: string) => db.select().from(walletEntries).where(eq(walletEntries.distributorId, id));

afterEach(async () => {
  await publishDistribution({});
  expect((await verifyWallets()).mismatches).toEqual([]);
});

describe("requesting a withdrawal", () => {
  test("the amount leaves available at once and waits in withdrawing", async () => {
    freezeClock(T0);
    const d = await funded(5000);
    const w = await requestWithdrawal(d.id, { amountCents: 2000, payoutAccount: { method: "alipay", account: "13800000000" } }, { actor });
    expect(w).toMatchObject({ amountCents: 2000, feeCents: 0, netCents: 2000, status: "requested" });
    expect(await getWallet(d.id)).toMatchObject({ availableCents: 3000, withdrawingCents: 2000, withdrawnCents: 0 });
  });

  test.each([
    { what: "below the ¥10 minimum", amountCents: 999, code: "invalid-request", path: "amountCents" },
    { what: "above the available amount", amountCents: 3001, code: "invalid-request", path: "amountCents" },
    { what: "a negative amount", amountCents: -100, code: "invalid-request", path: "amountCents" },
    { what: "zero", amountCents: 0, code: "invalid-request", path: "amountCents" },
    { what: "a fraction of a cent", amountCents: 1000.5, code: "invalid-request", path: "amountCents" },
  ])("bad input ($what): a clear error, nothing written", async ({ amountCents, code, path }) => {
    freezeClock(T0);
    const d = await funded(3000);
    const before = await entriesOf(d.id);
    await expect(requestWithdrawal(d.id, { amountCents }, { actor })).rejects.toMatchObject({ code, errors: [{ path }] });
    expect(await entriesOf(d.id)).toHaveLength(before.length);
    expect(await db.select().from(withdrawals).where(eq(withdrawals.distributorId, d.id))).toEqual([]);
  });

  test("not a distributor → not-found; frozen withdrawals → not-eligible", async () => {
    freezeClock(T0);
    await expect(requestWithdrawal(newId(), { amountCents: 1000 }, { actor })).rejects.toMatchObject({ code: "not-found" });
    const d = await funded(3000);
    await db.update(distributors).set({ withdrawalsFrozenAt: T0 }).where(eq(distributors.memberId, d.id));
    await expect(requestWithdrawal(d.id, { amountCents: 1000 }, { actor })).rejects.toMatchObject({ code: "not-eligible" });
  });

  test("the fee (rounded down) is kept from the amount sent; the whole amount leaves the wallet", async () => {
    freezeClock(T0);
    await publishDistribution({ withdrawal: { feeBps: 60 } });
    const d = await funded(5000);
    expect(await requestWithdrawal(d.id, { amountCents: 1999 }, { actor })).toMatchObject({ amountCents: 1999, feeCents: 11, netCents: 1988 });
    expect((await getWallet(d.id)).availableCents).toBe(3001);
  });

  test("at most 3 requests a local day (rejected ones do not count); the next day starts afresh", async () => {
    const clock = freezeClock(T0);
    const d = await funded(10_000);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await requestWithdrawal(d.id, { amountCents: 1000 }, { actor })).id);
    await expect(requestWithdrawal(d.id, { amountCents: 1000 }, { actor })).rejects.toMatchObject({ code: "limit-reached" });
    await rejectWithdrawal(ids[0]!, { reason: "wrong account" }, { reviewer });
    await requestWithdrawal(d.id, { amountCents: 1000 }, { actor });
    await expect(requestWithdrawal(d.id, { amountCents: 1000 }, { actor })).rejects.toMatchObject({ code: "limit-reached" });
    clock.set(new Date("2026-11-23T16:00:00Z")); // 00:00 on the 24th in Shanghai
    await requestWithdrawal(d.id, { amountCents: 1000 }, { actor });
  });

  test("a daily amount cap", async () => {
    freezeClock(T0);
    await publishDistribution({ withdrawal: { dailyCapCents: 2500, maxRequestsPerDay: null } });
    const d = await funded(10_000);
    await requestWithdrawal(d.id, { amountCents: 1500 }, { actor });
    await expect(requestWithdrawal(d.id, { amountCents: 1001 }, { actor })).rejects.toMatchObject({ code: "limit-reached" });
    await requestWithdrawal(d.id, { amountCents: 1000 }, { actor });
  });

  test("commission that freed up since the last write can be withdrawn (the flip is written then)", async () => {
    const clock = freezeClock(T0);
    const d = await newDistributor();
    const buyer = await newMember(d.code);
    await ingestOrder(testOrder(buyer, { items: [{ sku: "X", quantity: 1, unitPriceCents: 20_000 }], shippingCents: 0 }), { actor });
    await expect(requestWithdrawal(d.id, { amountCents: 2000 }, { actor })).rejects.toMatchObject({ code: "invalid-request" });
    clock.set(new Date(T0.getTime() + 14 * DAY_MS));
    await requestWithdrawal(d.id, { amountCents: 2000 }, { actor });
    expect(await getWallet(d.id)).toMatchObject({ pendingCents: 0, availableCents: 0, withdrawingCents: 2000 });
    expect((await entriesOf(d.id)).map((e) => e.type).sort()).toEqual(["commission", "release", "withdrawal"]);
  });
});

describe("a refund of commission already withdrawn", () => {
  test("becomes a negative adjustment that blocks withdrawals until future commissions cover it", async () => {
    const clock = freezeClock(T0);
    const d = await funded(2000);
    const w = await requestWithdrawal(d.id, { amountCents: 2000 }, { actor });
    await approveWithdrawal(w.id, { payoutReference: "ALI-1" }, { reviewer });
    const refund = await refundOrder(d.orderExternalId, {}, { actor });
    expect(refund.commissionsReversed.map((r) => r.amountCents)).toEqual([2000]);
    expect(await getWallet(d.id)).toMatchObject({ availableCents: -2000, adjustmentCents: -2000, withdrawnCents: 2000 });
    const adj = (await entriesOf(d.id)).find((e) => e.type === "adjustment");
    expect(adj).toMatchObject({ availableDelta: -2000, adjustmentDelta: -2000, availableAfter: -2000 });
    await expect(requestWithdrawal(d.id, { amountCents: 1000 }, { actor })).rejects.toMatchObject({ code: "not-eligible", params: { reason: "negative-wallet" } });

    // A new order's commission (¥30) frees up and nets against the debt: ¥10 left to withdraw.
    await ingestOrder(testOrder(d.buyer, { items: [{ sku: "X", quantity: 1, unitPriceCents: 30_000 }], shippingCents: 0 }), { actor });
    expect((await getWallet(d.id)).availableCents).toBe(-2000);
    clock.set(new Date(T0.getTime() + 14 * DAY_MS));
    expect((await getWallet(d.id)).availableCents).toBe(1000);
    await expect(requestWithdrawal(d.id, { amountCents: 1001 }, { actor })).rejects.toMatchObject({ code: "invalid-request" });
    await requestWithdrawal(d.id, { amountCents: 1000 }, { actor });
  });

  test("a partial refund takes from what is still available before going negative", async () => {
    freezeClock(T0);
    const d = await funded(3000);
    await requestWithdrawal(d.id, { amountCents: 2000 }, { actor }); // 1000 left
    // 2/3 of the order refunded → 2000 of the commission reversed: 1000 from available, 1000 adjustment
    const refund = await refundOrder(d.orderExternalId, { amountCents: 20_000 }, { actor });
    expect(refund.commissionsReversed.map((r) => r.amountCents)).toEqual([2000]);
    expect(await getWallet(d.id)).toMatchObject({ availableCents: -1000, adjustmentCents: -1000, withdrawingCents: 2000 });
  });
});

describe("the admin review", () => {
  test("approve records the payout reference; reject with a reason gives the funds back; every decision is audited", async () => {
    freezeClock(T0);
    const d = await funded(5000);
    const a = await requestWithdrawal(d.id, { amountCents: 2000 }, { actor });
    const b = await requestWithdrawal(d.id, { amountCents: 1500 }, { actor });
    expect(await approveWithdrawal(a.id, { payoutReference: " WX-20261123-01 " }, { reviewer })).toMatchObject({ status: "approved", payoutReference: "WX-20261123-01", paidAt: T0.toISOString() });
    expect(await rejectWithdrawal(b.id, { reason: "account name mismatch" }, { reviewer })).toMatchObject({ status: "rejected", reason: "account name mismatch" });
    expect(await getWallet(d.id)).toMatchObject({ availableCents: 3000, withdrawingCents: 0, withdrawnCents: 2000 });
    await expect(approveWithdrawal(a.id, { payoutReference: "again" }, { reviewer })).rejects.toMatchObject({ code: "conflict" });
    await expect(rejectWithdrawal(a.id, { reason: "too late" }, { reviewer })).rejects.toMatchObject({ code: "conflict" });
    await expect(rejectWithdrawal(b.id, { reason: "" }, { reviewer })).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "reason" }] });
    await expect(approveWithdrawal(newId(), { payoutReference: "x" }, { reviewer })).rejects.toMatchObject({ code: "not-found" });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.targetType, "withdrawal"), eq(auditLog.actorId, reviewer.userId)));
    expect(audits.filter((x) => x.targetId === a.id || x.targetId === b.id).map((x) => x.action).sort()).toEqual(["withdrawal.approve", "withdrawal.reject"]);
  });

  test("a failed payout is held, then retried (new reference) or returned to the wallet", async () => {
    freezeClock(T0);
    const d = await funded(5000);
    const a = await requestWithdrawal(d.id, { amountCents: 2000 }, { actor });
    const b = await requestWithdrawal(d.id, { amountCents: 1000 }, { actor });
    await approveWithdrawal(a.id, { payoutReference: "P-1" }, { reviewer });
    await approveWithdrawal(b.id, { payoutReference: "P-2" }, { reviewer });
    await markPayoutFailed(a.id, { reason: "bank returned it" }, { reviewer });
    await markPayoutFailed(b.id, { reason: "closed account" }, { reviewer });
    expect(await getWallet(d.id)).toMatchObject({ availableCents: 2000, withdrawingCents: 3000, withdrawnCents: 0 });
    expect(await retryPayout(a.id, { payoutReference: "P-1b" }, { reviewer })).toMatchObject({ status: "approved", payoutReference: "P-1b" });
    expect(await returnWithdrawal(b.id, { reason: "closed account" }, { reviewer })).toMatchObject({ status: "returned" });
    expect(await getWallet(d.id)).toMatchObject({ availableCents: 3000, withdrawingCents: 0, withdrawnCents: 2000 });
    const [row] = await db.select().from(withdrawals).where(eq(withdrawals.id, a.id));
    expect(row!.attempts).toBe(2);
  });
});

describe("the queue and the payouts CSV", () => {
  test("requested oldest first with keyset pages; approved payouts of a period as CSV (fee and net in yuan)", async () => {
    const clock = freezeClock(new Date("2026-12-01T02:00:00Z"));
    await publishDistribution({ withdrawal: { feeBps: 100, maxRequestsPerDay: null } });
    const d = await funded(10_000);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      clock.set(new Date(Date.parse("2026-12-01T02:00:00Z") + i * 60_000));
      ids.push((await requestWithdrawal(d.id, { amountCents: 1500 + i, payoutAccount: { method: "alipay", account: i === 2 ? "=cmd()" : `acct-${i}`, name: "张, 三" } }, { actor })).id);
    }
    const first = await listWithdrawals({ status: "requested", distributorId: d.id, limit: 2 });
    expect(first.items.map((w) => w.id)).toEqual(ids.slice(0, 2));
    expect(first.items[0]).toMatchObject({ code: d.code, payoutAccount: { method: "alipay" } });
    const second = await listWithdrawals({ status: "requested", distributorId: d.id, limit: 2, after: first.next! });
    expect(second).toMatchObject({ items: [{ id: ids[2] }], next: null });

    for (const id of ids) await approveWithdrawal(id, { payoutReference: `REF-${id.slice(-4)}` }, { reviewer });
    const csv = await approvedPayoutsCsv({ from: new Date("2026-12-01T00:00:00Z"), to: new Date("2026-12-02T00:00:00Z") });
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("withdrawal_id,distributor_code,name,email,amount,fee,net,method,account,account_name,payout_reference,requested_at,paid_at");
    const mine = lines.filter((l) => ids.some((id) => l.startsWith(id)));
    expect(mine).toHaveLength(3);
    expect(mine[0]).toContain(",15.00,0.15,14.85,alipay,acct-0,\"张, 三\",");
    expect(mine[2]).toContain(",'=cmd(),"); // a formula is defused
    clock.set(T0);
  });
});

describe.runIf(onPostgres())("withdrawals under concurrency (real Postgres)", () => {
  test("20 concurrent requests over a wallet that covers 3: exactly 3 succeed", async () => {
    freezeClock(T0);
    await publishDistribution({ withdrawal: { maxRequestsPerDay: null } });
    const d = await funded(3000);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => requestWithdrawal(d.id, { amountCents: 1000 }, { actor })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "invalid-request")).toBe(true);
    expect(await getWallet(d.id)).toMatchObject({ availableCents: 0, withdrawingCents: 3000 });
  });

  test("20 concurrent requests against the daily limit of 3: exactly 3 succeed", async () => {
    freezeClock(T0);
    const d = await funded(100_000);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => requestWithdrawal(d.id, { amountCents: 1000 }, { actor })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "limit-reached")).toBe(true);
  });

  test("concurrent refunds, withdrawals and reviews on one wallet keep it consistent", async () => {
    const clock = freezeClock(T0);
    await publishDistribution({ withdrawal: { maxRequestsPerDay: null, minCents: 100 } });
    const d = await funded(5000);
    const orders = [];
    for (let i = 0; i < 5; i++) {
      const o = testOrder(d.buyer, { items: [{ sku: "X", quantity: 1, unitPriceCents: 10_000 }], shippingCents: 0, placedAt: new Date(T0.getTime() - 20 * DAY_MS).toISOString() });
      await ingestOrder(o, { actor });
      orders.push(o.externalId);
    }
    clock.set(T0);
    const ops = [
      ...Array.from({ length: 10 }, () => () => requestWithdrawal(d.id, { amountCents: 700 }, { actor })),
      ...orders.map((x) => () => refundOrder(x, {}, { actor })),
      () => refundOrder(d.orderExternalId, { amountCents: 25_000 }, { actor }),
    ];
    await Promise.allSettled(ops.map((op) => op()));
    const requested = await db.select().from(withdrawals).where(eq(withdrawals.distributorId, d.id));
    await Promise.allSettled(requested.map((w, i) => (i % 2 ? approveWithdrawal(w.id, { payoutReference: `P-${i}` }, { reviewer }) : rejectWithdrawal(w.id, { reason: "test" }, { reviewer }))));
    expect((await verifyWallets()).mismatches).toEqual([]);
  });
});
