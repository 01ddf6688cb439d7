import { afterAll, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { distributors } from "@/db/schema";
import { freezeClock } from "@/lib/clock";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { progressToNext, readLevelMetrics } from "./levels";
import { newDistributor, newMember, publishDistribution, testOrder } from "./testing";

const item = (cents: number) => [{ sku: "X", quantity: 1, unitPriceCents: cents }];
const actor = "test";
const name = { "zh-CN": "x", en: "x" };
const levelOf = async (id: string) => (await db.select({ l: distributors.levelCode, at: distributors.levelChangedAt }).from(distributors).where(eq(distributors.memberId, id)))[0]!;

afterAll(async () => {
  await publishDistribution({});
});

describe("automatic level upgrades", () => {
  test("an order that lifts the upline's team sales over the threshold upgrades them in its transaction; refunds never downgrade", async () => {
    freezeClock(new Date("2026-11-20T04:00:00Z"));
    const levels = [
      { code: "junior", name },
      { code: "middle", name, ratesBps: [2000, 1000], upgrade: { minTeamSize: 2, minTeamSalesCents: 100_000, periodDays: 30 } },
      { code: "senior", name, upgrade: { minTeamSize: 1000 } },
    ];
    await publishDistribution({ levels });
    const top = await newDistributor();
    const mid = await newDistributor(top.code);
    const buyer = await newMember(mid.code);

    const first = testOrder(buyer, { items: item(60_000), shippingCents: 0 }); // top: team base 60 000 (L2)
    await ingestOrder(first, { actor });
    expect((await levelOf(top.id)).l).toBe("junior");
    const parsed = (await import("@/lib/rules/schema")).distributionRuleSchema.parse({ levels }).levels;
    const metrics = await readLevelMetrics(top.id, "junior", parsed);
    expect(metrics).toMatchObject({ teamSize: 2, sales: { 30: { teamCents: 60_000, ownCents: 0 } } });
    expect(progressToNext(metrics, parsed)?.conditions.map((c) => [c.kind, c.have, c.need])).toEqual([
      ["teamSize", 2, 2],
      ["teamSales", 60_000, 100_000],
    ]);

    const second = testOrder(buyer, { items: item(40_000), shippingCents: 0 }); // 100 000: qualifies
    const res = await ingestOrder(second, { actor });
    expect((await levelOf(top.id)).l).toBe("middle");
    expect((await levelOf(top.id)).at).not.toBeNull();
    expect((await levelOf(mid.id)).l).toBe("junior"); // mid's team is 1 member
    // The order that upgraded top was paid at the old level's rate (5 % at level 2).
    expect(res.commissions.find((c) => c.distributorId === top.id)?.amountCents).toBe(2_000);

    // A full refund takes the sales back below the threshold: still middle.
    await refundOrder(second.externalId, {}, { actor });
    await refundOrder(first.externalId, {}, { actor });
    const third = testOrder(buyer, { items: item(1_000), shippingCents: 0 });
    const after = await ingestOrder(third, { actor });
    expect((await levelOf(top.id)).l).toBe("middle");
    // …and the new level's own rates apply now (10 % at level 2).
    expect(after.commissions.find((c) => c.distributorId === top.id)?.amountCents).toBe(100);
  });
});
