// Backtest results equal what ingestion produced for the same orders: replaying with the versions in
// force reproduces every order's points and commissions exactly, and replaying with the draft gives
// what ingestion gives when the draft is in force (the same orders ingested again for twin members).
import { describe, expect, test } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { backtestRuns, commissions, members, orders } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { distributorChain, newMember } from "@/lib/distribution/testing";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { createOrderSchema } from "@/lib/orders/schemas";
import { credit } from "@/lib/points/ledger";
import { campaignRuleSchema, earningRuleSchema } from "../schema";
import { cancelBacktest } from "./cancel-backtest";
import { getBacktest, latestBacktest } from "./get-backtest";
import { publishRule } from "./publish-rule";
import { runBacktest, type BacktestResults } from "./run-backtest";
import { startBacktest } from "./start-backtest";
import { newAdmin } from "./testing";

const END = new Date("2026-11-23T04:00:00Z");
const START = new Date(END.getTime() - 10 * DAY_MS);
const MID = new Date(END.getTime() - 5 * DAY_MS + 3_600_000); // a scheduled earning change inside the window
const actor = "test";

/** The draft under test: 2 points per ¥1, tea ×1.5, points paid no longer taken off the base. */
const DRAFT = earningRuleSchema.parse({ pointsPerUnit: 2, categoryMultipliersBps: { tea: 15_000 }, base: { minusPointsPaid: false } });

interface Buyer {
  tier: string;
  frozen: boolean;
  referred: boolean;
}
const BUYERS: Buyer[] = [
  { tier: "regular", frozen: false, referred: true },
  { tier: "silver", frozen: false, referred: true },
  { tier: "gold", frozen: false, referred: false },
  { tier: "gold", frozen: true, referred: true },
];

/** 24 orders over the window: several a day for some members (the daily campaign cap binds), points paid on some. */
function plan(): { buyer: number; placedAt: Date; items: { sku: string; category: string; quantity: number; unitPriceCents: number; discountCents: number }[]; pointsRedeemed: number }[] {
  const out = [];
  for (let i = 0; i < 24; i++) {
    const placedAt = new Date(START.getTime() + 3_600_000 + Math.floor(i / 3) * (DAY_MS + 7_200_000) + (i % 3) * 600_000);
    out.push({
      buyer: i % BUYERS.length,
      placedAt,
      items: [
        { sku: `TEA-${i % 3}`, category: i % 2 ? "tea" : "snacks", quantity: 1 + (i % 3), unitPriceCents: 3_333 + i * 101, discountCents: i % 4 === 0 ? 250 : 0 },
        ...(i % 5 === 0 ? [{ sku: "CUP-1", category: "ware", quantity: 1, unitPriceCents: 1_999, discountCents: 0 }] : []),
      ],
      pointsRedeemed: i % 6 === 1 ? 1_000 : 0,
    });
  }
  return out;
}

async function buyers(chainCode: string): Promise<string[]> {
  const ids: string[] = [];
  for (const b of BUYERS) {
    const id = await newMember(b.referred ? chainCode : undefined);
    await db.update(members).set({ tierCode: b.tier, frozenAt: b.frozen ? START : null }).where(eq(members.id, id));
    // Points to pay with at checkout (available before the window).
    await db.transaction((tx) => credit(tx, { memberId: id, points: 50_000, type: "adjust", availableAt: new Date(START.getTime() - DAY_MS), expiresAt: null, reason: "test", actor }));
    ids.push(id);
  }
  return ids;
}

async function ingestAll(ids: string[], tag: string): Promise<string[]> {
  const out: string[] = [];
  for (const [i, p] of plan().entries()) {
    const r = await ingestOrder(createOrderSchema.parse({ externalId: `${tag}-${i}`, memberId: ids[p.buyer], placedAt: p.placedAt.toISOString(), items: p.items, shippingCents: 800, pointsRedeemed: p.pointsRedeemed }), { actor });
    out.push(r.id);
  }
  return out;
}

const totalsOf = async (orderIds: string[]) => {
  const [o] = await db.select({ points: sql<number>`coalesce(sum(${orders.pointsAwarded}), 0)::bigint` }).from(orders).where(inArray(orders.id, orderIds));
  const [c] = await db.select({ cents: sql<number>`coalesce(sum(${commissions.amountCents}), 0)::bigint` }).from(commissions).where(inArray(commissions.orderId, orderIds));
  return { points: Number(o!.points), commissionCents: Number(c!.cents) };
};
const perMember = async (orderIds: string[]) =>
  Object.fromEntries(
    (await db.select({ memberId: orders.memberId, points: sql<number>`sum(${orders.pointsAwarded})::bigint` }).from(orders).where(inArray(orders.id, orderIds)).groupBy(orders.memberId)).map((r) => [r.memberId, Number(r.points)]),
  );

describe("backtest", () => {
  test("replays exactly what ingestion produced, and the draft as ingestion would apply it", async () => {
    const clock = freezeClock(new Date(START.getTime() - 2 * DAY_MS));
    const admin = await newAdmin();
    const chain = await distributorChain(2);
    // Versions that change inside the window, and a capped campaign the replay must count like ingestion.
    await publishRule({ ruleKey: "earning", definition: earningRuleSchema.parse({ pointsPerUnit: 3, unitCents: 200 }), effectiveAt: MID, action: "rule.publish" }, admin);
    await publishRule(
      {
        ruleKey: "campaign.bt-cap",
        definition: campaignRuleSchema.parse({ name: { en: "Cap", "zh-CN": "上限" }, startsAt: "2026-01-01T00:00", award: { kind: "multiplier", bps: 20_000 }, caps: { perMemberPerDay: 60 } }),
        effectiveAt: "now",
        action: "rule.publish",
      },
      admin,
    );
    const ids = await buyers(chain.at(-1)!.code);
    clock.set(END);
    const originals = await ingestAll(ids, "BT-A");
    const issued = await totalsOf(originals);
    expect(issued.points).toBeGreaterThan(0);
    expect(issued.commissionCents).toBeGreaterThan(0);
    // Tiers changed since: the replay uses the tier each order earned with (its earn entry), not today's.
    await db.update(members).set({ tierCode: "regular" }).where(inArray(members.id, ids));

    const run = await startBacktest({ ruleKey: "earning", definition: DRAFT, days: 30 }, admin);
    expect(run).toMatchObject({ status: "running", total: 24, processed: 0 });
    const done = await runBacktest(run.id, { batchSize: 5 }); // several batches: the keyset and the carried counters
    expect(done.status).toBe("done");
    const r = done.results as unknown as BacktestResults;
    expect(r).toMatchObject({ orders: 24, issued: issued.points, before: issued.points, mismatches: 0, skipped: 0 });
    expect(r.commission).toMatchObject({ paid: issued.commissionCents, before: issued.commissionCents });
    expect(r.after).toBeGreaterThan(r.before);
    expect(r.liability).toEqual({ pointsPerCurrencyUnitBefore: 100, pointsPerCurrencyUnitAfter: 100, beforeCents: r.before, afterCents: r.after, deltaCents: r.after - r.before });

    // Twins of the members ingest the same orders with the draft in force at every time.
    const twins = await buyers(chain.at(-1)!.code);
    clock.set(END);
    await publishRule({ ruleKey: "earning", definition: DRAFT, effectiveAt: "now", action: "rule.publish" }, admin);
    await db.execute(sql`update rule_versions set effective_at = '2000-01-01T00:00:00Z' where rule_key = 'earning' and version = 3`);
    const copies = await ingestAll(twins, "BT-B");
    const withDraft = await totalsOf(copies);
    expect(r.after).toBe(withDraft.points);
    expect(r.commission.after).toBe(withDraft.commissionCents);
    expect(r.commission.after).not.toBe(r.commission.before); // the base changed (points paid stay in it)

    // Members most affected: each original's change equals their twin's actual total minus their own.
    const mine = await perMember(originals);
    const theirs = await perMember(copies);
    const expected = ids
      .map((id, i) => ({ memberId: id, before: mine[id] ?? 0, after: theirs[twins[i]!] ?? 0 }))
      .filter((m) => m.after !== m.before)
      .map((m) => ({ ...m, delta: m.after - m.before }))
      .sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta));
    expect(r.members.map(({ memberId, before, after, delta }) => ({ memberId, before, after, delta }))).toEqual(expected);
    expect(r.membersAffected).toBe(3); // the frozen member earns nothing either way
    expect(r.members[0]!.email).toContain("@dist.test");
    expect(await latestBacktest("earning", admin)).toMatchObject({ id: run.id, status: "done", processed: 24, total: 24 });
  });

  test("a run can be cancelled between batches; progress is kept; only its author sees it", async () => {
    freezeClock(END);
    const admin = await newAdmin();
    const other = await newAdmin("other");
    const run = await startBacktest({ ruleKey: "earning", definition: DRAFT, days: 30 }, admin);
    await expect(startBacktest({ ruleKey: "earning", definition: DRAFT, days: 30 }, admin)).rejects.toMatchObject({ code: "conflict" });
    expect(await cancelBacktest(run.id, other)).toBe(false);
    expect(await cancelBacktest(run.id, admin)).toBe(true);
    const stopped = await runBacktest(run.id, { batchSize: 10 });
    expect(stopped).toMatchObject({ status: "cancelled", processed: 10 });
    expect(await getBacktest(run.id, other)).toBeNull();
    expect(await getBacktest(run.id, admin)).toMatchObject({ status: "cancelled", processed: 10, results: { orders: 10 } });
    await expect(startBacktest({ ruleKey: "earning", definition: { pointsPerUnit: -1 }, days: 30 }, admin)).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "definition.pointsPerUnit" }] });
    await expect(startBacktest({ ruleKey: "earning", definition: DRAFT, days: 0 }, admin)).rejects.toMatchObject({ errors: [{ path: "days" }] });
    expect((await db.select().from(backtestRuns).where(eq(backtestRuns.createdBy, admin.userId))).length).toBe(1);
  });

  test("the keyset reads every order once, even orders in the same millisecond (Postgres keeps microseconds)", async () => {
    freezeClock(END);
    const admin = await newAdmin("keyset");
    // Every order of the window at one millisecond, microseconds apart.
    await db.execute(sql`update orders set placed_at = timestamptz '2026-11-20T01:02:03.004Z' + (random() * 999)::int * interval '1 microsecond' where placed_at >= ${START.toISOString()}::timestamptz`);
    const run = await startBacktest({ ruleKey: "earning", definition: DRAFT, days: 30 }, admin);
    const done = await runBacktest(run.id, { batchSize: 7 });
    expect(done).toMatchObject({ status: "done", processed: run.total });
    expect((done.results as unknown as BacktestResults).orders).toBe(run.total);
  });
});
