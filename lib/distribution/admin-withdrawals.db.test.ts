import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { exportPayouts, withdrawalTotals } from "./admin-withdrawals";
import { requestWithdrawal } from "./request-withdrawal";
import { approveWithdrawal, rejectWithdrawal } from "./review-withdrawal";
import { newDistributor, newMember, testOrder } from "./testing";

const T0 = new Date("2026-11-23T04:00:00Z"); // 12:00 in Shanghai
const finance = { userId: newId(), email: "finance@test" };

async function funded(cents: number) {
  const d = await newDistributor();
  const buyer = await newMember(d.code);
  await ingestOrder(testOrder(buyer, { items: [{ sku: "X", quantity: 1, unitPriceCents: cents * 10 }], shippingCents: 0, placedAt: new Date(T0.getTime() - 30 * DAY_MS).toISOString() }), { actor: "test" });
  return d;
}

describe("admin withdrawals", () => {
  test("totals per status follow the decisions; the payouts CSV has the day's approved payouts and is audited", async () => {
    freezeClock(T0);
    const before = await withdrawalTotals();
    const d = await funded(10_000);
    const a = await requestWithdrawal(d.id, { amountCents: 3000, payoutAccount: { method: "alipay", account: "=13800000000", name: "Wang" } }, { actor: "test" });
    const b = await requestWithdrawal(d.id, { amountCents: 2000 }, { actor: "test" });
    expect((await withdrawalTotals()).requested).toEqual({ count: before.requested.count + 2, amountCents: before.requested.amountCents + 5000, netCents: before.requested.netCents + 5000 });
    await approveWithdrawal(a.id, { payoutReference: "ALI-001" }, { reviewer: finance });
    await rejectWithdrawal(b.id, { reason: "wrong account" }, { reviewer: finance });
    const after = await withdrawalTotals();
    expect(after.requested.count).toBe(before.requested.count);
    expect(after.approved.amountCents - before.approved.amountCents).toBe(3000);
    expect(after.rejected.count - before.rejected.count).toBe(1);

    const { csv } = await exportPayouts({ from: "2026-11-23", to: "2026-11-23" }, finance);
    const lines = csv.trimEnd().split("\n");
    expect(lines[0]).toContain("amount,fee,net");
    const row = lines.find((l) => l.startsWith(a.id))!;
    expect(row).toContain(d.code);
    expect(row).toContain("30.00,0.00,30.00");
    expect(row).toContain("'=13800000000"); // formula defused
    expect(row).toContain("ALI-001");
    expect(lines.some((l) => l.startsWith(b.id))).toBe(false);
    // The next day's range does not include it.
    expect((await exportPayouts({ from: "2026-11-24", to: "2026-11-24" }, finance)).csv.includes(a.id)).toBe(false);
    const audits = await db.select().from(auditLog).where(eq(auditLog.actorId, finance.userId));
    expect(audits.map((x) => x.action).sort()).toEqual(["withdrawal.approve", "withdrawal.export", "withdrawal.export", "withdrawal.reject"]);
  });

  test.each([
    { what: "no dates", input: {}, path: "from" },
    { what: "end before start", input: { from: "2026-11-23", to: "2026-11-01" }, path: "to" },
    { what: "not a date", input: { from: "yesterday", to: "2026-11-01" }, path: "from" },
    { what: "over a year", input: { from: "2024-01-01", to: "2026-11-01" }, path: "to" },
  ])("a bad range ($what) is refused and not audited", async ({ input, path }) => {
    const actor = { userId: newId(), email: "x@test" };
    await expect(exportPayouts(input, actor)).rejects.toMatchObject({ code: "invalid-request", errors: expect.arrayContaining([expect.objectContaining({ path })]) });
    expect(await db.select().from(auditLog).where(eq(auditLog.actorId, actor.userId))).toEqual([]);
  });
});
