import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, users } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { listDistributors, setWithdrawalsFrozen } from "./admin-distributors";
import { getWallet } from "./get-wallet";
import { requestWithdrawal } from "./request-withdrawal";
import { newDistributor, newMember, testOrder } from "./testing";

const T0 = new Date("2026-11-23T04:00:00Z");
const admin = { userId: newId(), email: "admin@test" };

describe("distributor list", () => {
  test("search by code, name or email; team counts by level; direct sales net of refunds; wallet as the distributor sees it", async () => {
    freezeClock(T0);
    const top = await newDistributor();
    const mid = await newDistributor(top.code);
    await newMember(mid.code);
    const buyer = await newMember(top.code);
    await db.update(users).set({ name: `Zhou ${top.code}` }).where(eq(users.id, top.id));
    // An old order (released) and a recent one (pending), 10 % of 100.00 each; half of the old one refunded.
    const old = testOrder(buyer, { items: [{ sku: "X", quantity: 1, unitPriceCents: 10_000 }], shippingCents: 0, placedAt: new Date(T0.getTime() - 40 * DAY_MS).toISOString() });
    await ingestOrder(old, { actor: "t" });
    await ingestOrder(testOrder(buyer, { items: [{ sku: "X", quantity: 1, unitPriceCents: 10_000 }], shippingCents: 0 }), { actor: "t" });
    await refundOrder(old.externalId, { amountCents: 5000 }, { actor: "t" });

    const byCode = await listDistributors({ q: top.code.toLowerCase() });
    expect(byCode.rows.map((r) => r.memberId)).toEqual([top.id]);
    const row = byCode.rows[0]!;
    expect(row).toMatchObject({ team1: 2, team2: 1, salesCents: 15_000 });
    const w = await getWallet(top.id);
    expect(row).toMatchObject({ pendingCents: w.pendingCents, availableCents: w.availableCents, withdrawingCents: 0, withdrawnCents: 0 });
    expect(row.availableCents).toBe(500);
    expect(row.pendingCents).toBe(1000);
    expect((await listDistributors({ q: `zhou ${top.code}` })).rows.map((r) => r.memberId)).toEqual([top.id]);
    expect((await listDistributors({ q: `${mid.id}@dist` })).rows.map((r) => r.memberId)).toEqual([mid.id]);
    expect((await listDistributors({ q: "100%" })).rows).toEqual([]);
  });

  test("keyset pages cover everyone once", async () => {
    for (let i = 0; i < 5; i++) await newDistributor();
    const seen: string[] = [];
    let after: { createdAt: Date; id: string } | undefined;
    for (;;) {
      const p = await listDistributors({ after, limit: 2 });
      seen.push(...p.rows.map((r) => r.memberId));
      if (!p.next) break;
      after = p.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe((await listDistributors({ limit: 1000 })).rows.length);
  });
});

describe("freezing withdrawals", () => {
  test("a frozen distributor's request is refused with a clear reason; unfreezing lets it through; both audited", async () => {
    freezeClock(T0);
    const d = await newDistributor();
    const buyer = await newMember(d.code);
    await ingestOrder(testOrder(buyer, { items: [{ sku: "X", quantity: 1, unitPriceCents: 50_000 }], shippingCents: 0, placedAt: new Date(T0.getTime() - 40 * DAY_MS).toISOString() }), { actor: "t" });

    await expect(setWithdrawalsFrozen(d.id, true, { reason: " " }, admin)).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "reason" }] });
    expect(await setWithdrawalsFrozen(d.id, true, { reason: "shared address with buyers" }, admin)).toEqual({ changed: true });
    expect(await setWithdrawalsFrozen(d.id, true, { reason: "again" }, admin)).toEqual({ changed: false });
    await expect(requestWithdrawal(d.id, { amountCents: 2000 }, { actor: "t" })).rejects.toMatchObject({ code: "not-eligible", params: { reason: "frozen" } });
    expect((await getWallet(d.id)).availableCents).toBe(5000);
    expect((await listDistributors({ q: d.code })).rows[0]!.withdrawalsFrozenAt).toEqual(T0);

    expect(await setWithdrawalsFrozen(d.id, false, { reason: "checked" }, admin)).toEqual({ changed: true });
    await requestWithdrawal(d.id, { amountCents: 2000 }, { actor: "t" });
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, d.id));
    expect(audits.map((a) => a.action).sort()).toEqual(["distributor.freeze-withdrawals", "distributor.unfreeze-withdrawals"]);
    await expect(setWithdrawalsFrozen(newId(), true, { reason: "x" }, admin)).rejects.toMatchObject({ code: "not-found" });
  });
});
