import { afterEach, describe, expect, test } from "vitest";
import fc from "fast-check";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, commissions, distributors, memberAddresses, members, riskCases } from "@/db/schema";
import { onPostgres } from "@/db/testing/database";
import { DAY_MS, freezeClock, now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { getWallet, upcomingReleases } from "./get-wallet";
import { requestWithdrawal } from "./request-withdrawal";
import { decideRiskCase, isHighRefundRate, isRefundSoonAfterRelease, listRiskCases } from "./risk";
import { sweepReleases } from "./sweep-releases";
import { newDistributor, newMember, testOrder } from "./testing";
import { verifyWallets } from "./verify-wallets";

const T0 = new Date("2026-11-23T04:00:00Z");
const admin = { userId: newId(), email: "risk@test" };
// An order of 100.00 (no shipping): 10 % = 1000 to level 1, 5 % = 500 to level 2. Free-up: return window + 7 days.
const order = (buyer: string, placedAt?: Date) => testOrder(buyer, { items: [{ sku: "X", quantity: 1, unitPriceCents: 10_000 }], shippingCents: 0, ...(placedAt ? { placedAt: placedAt.toISOString() } : {}) });
const address = (memberId: string, line: string, phone: string) =>
  db.insert(memberAddresses).values({ id: newId(), memberId, recipient: "R", phone, region: "上海市 浦东新区", line, createdAt: T0, updatedAt: T0 });
const casesOf = (distributorId: string) => db.select().from(riskCases).where(eq(riskCases.distributorId, distributorId));

afterEach(async () => {
  expect((await verifyWallets()).mismatches).toEqual([]);
});

describe("pure signal rules", () => {
  test.each([
    { orders: 4, amountCents: 1000, reversedCents: 1000, high: false },
    { orders: 5, amountCents: 1000, reversedCents: 299, high: false },
    { orders: 5, amountCents: 1000, reversedCents: 300, high: true },
    { orders: 50, amountCents: 0, reversedCents: 0, high: false },
  ])("refund rate $reversedCents / $amountCents over $orders orders → $high", ({ high, ...s }) => expect(isHighRefundRate(s)).toBe(high));

  test.each([
    { releasedAgoDays: null, high: false },
    { releasedAgoDays: 1, high: true },
    { releasedAgoDays: 3, high: true },
    { releasedAgoDays: 3.01, high: false },
  ])("refund $releasedAgoDays days after release → $high", ({ releasedAgoDays, high }) =>
    expect(isRefundSoonAfterRelease(releasedAgoDays === null ? null : new Date(T0.getTime() - releasedAgoDays * DAY_MS), T0)).toBe(high));
});

describe("shared phone / address at ingestion", () => {
  test("a buyer sharing a phone with their direct upline: a case opens, that commission is held past its date; release frees it", async () => {
    const clock = freezeClock(T0);
    const top = await newDistributor();
    const d = await newDistributor(top.code);
    const buyer = await newMember(d.code);
    await db.update(members).set({ phone: "13800000001" }).where(eq(members.id, buyer));
    await address(d.id, "Elsewhere 1", "13800000001");

    const o = await ingestOrder(order(buyer), { actor: "t" });
    const [c] = await casesOf(d.id);
    expect(c).toMatchObject({ signal: "shared-phone", buyerId: buyer, status: "open" });
    expect(await casesOf(top.id)).toEqual([]); // level 2 shares nothing with the buyer
    const mine = o.commissions.find((x) => x.distributorId === d.id)!;
    const [held] = await db.select().from(commissions).where(eq(commissions.id, mine.id));
    expect(held!.heldByCaseId).toBe(c!.id);

    // Past the free-up date: the held one stays pending for every reader and writer; level 2's frees up.
    clock.set(new Date(new Date(mine.availableAt).getTime() + DAY_MS));
    expect(await getWallet(d.id)).toMatchObject({ pendingCents: 1000, availableCents: 0 });
    expect(await getWallet(top.id)).toMatchObject({ pendingCents: 0, availableCents: 500 });
    await sweepReleases();
    expect(await getWallet(d.id)).toMatchObject({ pendingCents: 1000, availableCents: 0 });
    await expect(requestWithdrawal(d.id, { amountCents: 1000 }, { actor: "t" })).rejects.toMatchObject({ code: "invalid-request" });
    expect(await upcomingReleases(d.id)).toEqual([]);

    // The next order of the same buyer joins the same open case.
    const o2 = await ingestOrder(order(buyer), { actor: "t" });
    expect(await casesOf(d.id)).toHaveLength(1);
    const [held2] = await db.select().from(commissions).where(eq(commissions.id, o2.commissions.find((x) => x.distributorId === d.id)!.id));
    expect(held2!.heldByCaseId).toBe(c!.id);

    const q = await listRiskCases();
    expect(q.rows.find((r) => r.riskCase.id === c!.id)).toMatchObject({ heldCount: 2, heldCents: 2000 });

    await expect(decideRiskCase(c!.id, { decision: "release", reason: "" }, admin)).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "reason" }] });
    await decideRiskCase(c!.id, { decision: "release", reason: "family member, checked" }, admin);
    // The first is past its date: freed at once; the second waits for its own date.
    expect(await getWallet(d.id)).toMatchObject({ pendingCents: 1000, availableCents: 1000 });
    await expect(decideRiskCase(c!.id, { decision: "cancel", reason: "late" }, admin)).rejects.toMatchObject({ code: "conflict" });
    const [a] = await db.select().from(auditLog).where(and(eq(auditLog.targetId, c!.id), eq(auditLog.action, "risk-case.release")));
    expect(a).toMatchObject({ actorId: admin.userId, after: { status: "released", releasedCents: 1000 } });
  });

  test("a shared shipping address (whitespace and case aside): cancel reverses the held commissions through the wallet", async () => {
    freezeClock(T0);
    const d = await newDistributor();
    const buyer = await newMember(d.code);
    await address(buyer, "Lane 5 Room 301", "13900000001");
    await address(d.id, "lane 5  room 301", "13900000002");
    await ingestOrder(order(buyer), { actor: "t" });
    const [c] = await casesOf(d.id);
    expect(c).toMatchObject({ signal: "shared-address" });
    await decideRiskCase(c!.id, { decision: "cancel", reason: "self-dealing" }, admin);
    expect(await getWallet(d.id)).toMatchObject({ pendingCents: 0, availableCents: 0 });
    const rows = await db.select().from(commissions).where(eq(commissions.distributorId, d.id));
    expect(rows.map((r) => [r.status, r.reversedCents])).toEqual([["reversed", 1000]]);
  });

  test("freeze: withdrawals frozen, the hold lifted", async () => {
    freezeClock(T0);
    const d = await newDistributor();
    const buyer = await newMember(d.code);
    await db.update(members).set({ phone: "13700000001" }).where(eq(members.id, buyer));
    await db.update(members).set({ phone: "13700000001" }).where(eq(members.id, d.id));
    await ingestOrder(order(buyer), { actor: "t" });
    const [c] = await casesOf(d.id);
    await decideRiskCase(c!.id, { decision: "freeze", reason: "pattern across buyers" }, admin);
    const [row] = await db.select().from(distributors).where(eq(distributors.memberId, d.id));
    expect(row!.withdrawalsFrozenAt).toEqual(T0);
    expect((await db.select().from(commissions).where(eq(commissions.distributorId, d.id)))[0]!.heldByCaseId).toBeNull();
  });

  test("no shared data: no case, nothing held", async () => {
    freezeClock(T0);
    const d = await newDistributor();
    const buyer = await newMember(d.code);
    await address(buyer, "A road 1", "13600000001");
    await address(d.id, "B road 2", "13600000002");
    await ingestOrder(order(buyer), { actor: "t" });
    expect(await casesOf(d.id)).toEqual([]);
  });
});

describe("refund signals", () => {
  test("a refund within 3 days after the commission freed up holds the distributor's pending commissions", async () => {
    const clock = freezeClock(T0);
    const d = await newDistributor();
    const buyer = await newMember(d.code);
    const first = order(buyer);
    const o1 = await ingestOrder(first, { actor: "t" });
    clock.set(new Date(new Date(o1.commissions[0]!.availableAt).getTime() + DAY_MS));
    await sweepReleases(); // released now
    await ingestOrder(order(buyer), { actor: "t" }); // a pending one
    clock.advance(DAY_MS);
    await refundOrder(first.externalId, { amountCents: 10_000 }, { actor: "t" });
    const cases = await casesOf(d.id);
    expect(cases.map((c) => c.signal)).toContain("refund-after-release");
    const pending = await db.select().from(commissions).where(and(eq(commissions.distributorId, d.id), eq(commissions.status, "pending")));
    expect(pending.every((p) => p.heldByCaseId !== null)).toBe(true);
  });

  test("a high refund rate (≥ 30 % over ≥ 5 orders) opens a case", async () => {
    freezeClock(T0);
    const d = await newDistributor();
    const buyer = await newMember(d.code);
    const orders = Array.from({ length: 5 }, () => order(buyer));
    for (const o of orders) await ingestOrder(o, { actor: "t" });
    await refundOrder(orders[0]!.externalId, {}, { actor: "t" });
    expect((await casesOf(d.id)).map((c) => c.signal)).not.toContain("high-refund-rate"); // 20 %
    await refundOrder(orders[1]!.externalId, {}, { actor: "t" });
    expect((await casesOf(d.id)).map((c) => c.signal)).toContain("high-refund-rate"); // 40 %
  });
});

describe("holds under random clock moves and decisions (property)", () => {
  test("a held commission never reaches available until released; the wallet always verifies", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom("advance", "sweep", "order", "release", "cancel"), { minLength: 3, maxLength: 10 }), async (steps) => {
        const clock = freezeClock(T0);
        const d = await newDistributor();
        const buyer = await newMember(d.code);
        await db.update(members).set({ phone: `p-${d.id}` }).where(eq(members.id, buyer));
        await db.update(members).set({ phone: `p-${d.id}` }).where(eq(members.id, d.id));
        for (const step of steps) {
          if (step === "advance") clock.advance(10 * DAY_MS);
          else if (step === "sweep") await sweepReleases();
          else if (step === "order") await ingestOrder(order(buyer), { actor: "t" });
          else {
            const [open] = await db.select().from(riskCases).where(and(eq(riskCases.distributorId, d.id), eq(riskCases.status, "open")));
            if (open) await decideRiskCase(open.id, { decision: step, reason: "p" }, admin);
          }
          const rows = await db.select().from(commissions).where(eq(commissions.distributorId, d.id));
          const heldOpen = rows.filter((r) => r.heldByCaseId !== null && r.status === "pending");
          expect(heldOpen.every((r) => r.releasedAt === null)).toBe(true);
          const w = await getWallet(d.id);
          const heldCents = heldOpen.reduce((s, r) => s + r.amountCents - r.reversedCents, 0);
          expect(w.pendingCents).toBeGreaterThanOrEqual(heldCents);
          // Available never exceeds what commissions not held (and past their date) could have freed.
          const free = rows.filter((r) => r.heldByCaseId === null && r.status !== "reversed" && r.availableAt.getTime() <= now().getTime()).reduce((s, r) => s + r.amountCents - r.reversedCents, 0);
          expect(w.availableCents).toBeLessThanOrEqual(free);
        }
        expect((await verifyWallets()).mismatches).toEqual([]);
      }),
      { numRuns: 8 },
    );
  });
});

describe.runIf(onPostgres())("deciding a case under concurrency (real Postgres)", () => {
  test("release + cancel at once: one decision, and the wallet verifies", async () => {
    freezeClock(T0);
    const d = await newDistributor();
    const buyer = await newMember(d.code);
    await db.update(members).set({ phone: `c-${d.id}` }).where(eq(members.id, buyer));
    await db.update(members).set({ phone: `c-${d.id}` }).where(eq(members.id, d.id));
    await ingestOrder(order(buyer), { actor: "t" });
    const [c] = await casesOf(d.id);
    const results = await Promise.allSettled(["release", "cancel", "freeze", "cancel"].map((decision) => decideRiskCase(c!.id, { decision, reason: "x" }, admin)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.select().from(auditLog).where(eq(auditLog.targetId, c!.id))).toHaveLength(1);
  });
});
