import { beforeEach, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db, rowsOf } from "@/db/client";
import { rewards, type Reward } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import {
  decodeListingCursor,
  listingQuery,
  listCatalogue,
  loadShopper,
  catalogueShelves,
  mallCategories,
  memberShelves,
  rewardForMember,
  SORTS,
  type ListingQuery,
  type RewardRow,
  type Shopper,
  type Sort,
} from "./catalogue";
import { cancelRedemption } from "./cancel-redemption";
import { discountedPrice } from "./pricing";
import { redeemReward } from "./redeem-reward";
import type { CreateRewardInput } from "./reward-schema";
import { memberWithPoints, testReward } from "./testing";

const T0 = new Date("2026-06-01T04:00:00Z");
const iso = (ms: number) => new Date(T0.getTime() + ms).toISOString();

// Shelves and listings read the whole catalogue: every test starts from an empty one.
beforeEach(async () => {
  await db.delete(rewards);
});

/** Rewards created one minute apart (so "newest" has an order), in the order given. */
async function catalogue(specs: Record<string, Partial<CreateRewardInput>>): Promise<Record<string, Reward>> {
  const clock = freezeClock(new Date(T0.getTime() - 60 * 60_000));
  const out: Record<string, Reward> = {};
  for (const [key, spec] of Object.entries(specs)) {
    clock.advance(60_000);
    out[key] = await testReward({ name: `奖品 ${key}`, nameEn: `Reward ${key}`, ...spec });
  }
  freezeClock(T0);
  return out;
}

const ids = (rows: RewardRow[]) => rows.map((r) => r.id);

describe("loadShopper", () => {
  test("balance, tier and the tier's catalogue discount", async () => {
    freezeClock(T0);
    const m = await memberWithPoints(1_234, { tierCode: "gold" });
    const s = await loadShopper(m, T0);
    expect(s).toMatchObject({ memberId: m, tierCode: "gold", availablePoints: 1_234, discountBps: 1_000, frozen: false });
    expect(s.tier?.code).toBe("gold");
  });
});

describe("catalogueShelves and memberShelves", () => {
  test("each shelf holds what it says, and nothing ended or inactive shows anywhere", async () => {
    const r = await catalogue({
      dear: { pointsPrice: 1_050 }, // 998 after Silver's 5 %: affordable with 1 000
      tooDear: { pointsPrice: 1_100 }, // 1 045: not
      soldOut: { pointsPrice: 100, stock: 0 },
      goldOnly: { pointsPrice: 200, tierCodes: ["gold"] },
      silverOnly: { pointsPrice: 300, tierCodes: ["silver", "gold"], category: "perks" },
      ended: { pointsPrice: 100, endsAt: iso(-1) },
      inactive: { pointsPrice: 100, active: false },
      notYet: { pointsPrice: 400, startsAt: iso(DAY_MS) },
      flashSoon: { pointsPrice: 150, flash: true, startsAt: iso(DAY_MS), endsAt: iso(2 * DAY_MS) },
      flashNow: { pointsPrice: 500, stock: 5, flash: true, startsAt: iso(-DAY_MS), endsAt: iso(DAY_MS) },
    });
    await db.update(rewards).set({ redeemedCount: 7 }).where(eq(rewards.id, r.tooDear!.id));
    await db.update(rewards).set({ redeemedCount: 3 }).where(eq(rewards.id, r.soldOut!.id));
    await db.update(rewards).set({ redeemedCount: 99 }).where(eq(rewards.id, r.ended!.id));

    const m = await memberWithPoints(1_000, { tierCode: "silver" });
    const s = await loadShopper(m, T0);
    const shelves = { ...(await catalogueShelves(T0)), ...(await memberShelves(s, T0)) };

    expect(ids(shelves.affordable)).toEqual([r.dear, r.flashNow, r.silverOnly].map((x) => x!.id));
    for (const row of shelves.affordable) expect(discountedPrice(row.pointsPrice, s.discountBps)).toBeLessThanOrEqual(1_000);
    expect(ids(shelves.newest)).toEqual(["flashNow", "flashSoon", "notYet", "silverOnly", "goldOnly", "soldOut", "tooDear", "dear"].map((k) => r[k]!.id));
    expect(ids(shelves.popular)).toEqual([r.tooDear!.id, r.soldOut!.id]);
    expect(ids(shelves.exclusive)).toEqual([r.silverOnly!.id]);
    expect(ids(shelves.flash)).toEqual([r.flashNow!.id, r.flashSoon!.id]);
    expect(shelves.categories).toEqual([
      { category: "general", count: 7 },
      { category: "perks", count: 1 },
    ]);
  });

  test("a member without points can afford nothing; a frozen member's shelves still show", async () => {
    await catalogue({ cheap: { pointsPrice: 1 } });
    const s = await loadShopper(await memberWithPoints(0), T0);
    expect((await memberShelves(s, T0)).affordable).toEqual([]);
    expect((await catalogueShelves(T0)).newest).toHaveLength(1);
  });
});

describe("listCatalogue", () => {
  async function shopper(points = 10_000, tierCode = "regular"): Promise<Shopper> {
    return loadShopper(await memberWithPoints(points, { tierCode }), T0);
  }

  /** Every page of a listing, following nextCursor, with a small page size. */
  async function all(s: Shopper, query: ListingQuery, limit = 2): Promise<RewardRow[]> {
    const out: RewardRow[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 50; i++) {
      const page = await listCatalogue(s, query, { cursor, limit, at: T0 });
      expect(page).not.toBeNull();
      out.push(...page!.rows);
      cursor = page!.nextCursor;
      if (!cursor) return out;
    }
    throw new Error("too many pages");
  }

  test.each(SORTS)("sorted by %s, page by page: every reward once, in order, ties broken by id", async (sort) => {
    // Ties on every sort key: equal prices, equal counts, and (frozen clock) equal creation times.
    freezeClock(T0);
    const made: Reward[] = [];
    for (const [i, price] of [300, 100, 300, 200, 100, 300, 500].entries()) made.push(await testReward({ pointsPrice: price, name: `R${i}` }));
    for (const [i, r] of made.entries()) await db.update(rewards).set({ redeemedCount: [5, 5, 0, 9, 5, 0, 1][i]! }).where(eq(rewards.id, r.id));
    const fresh = await db.select().from(rewards);
    const expected = [...fresh].sort(comparator(sort)).map((r) => r.id);
    const s = await shopper();
    expect(ids(await all(s, { sort }))).toEqual(expected);
    expect(ids(await all(s, { sort }, 3))).toEqual(expected);
  });

  test("search matches the name in either language, case-insensitively, with wildcards taken literally", async () => {
    const r = await catalogue({
      tea: { name: "西湖龙井", nameEn: "West Lake Longjing tea" },
      mug: { name: "陶瓷马克杯", nameEn: "Ceramic MUG" },
      fifty: { name: "满 50% 立减", nameEn: "50% off" },
      five: { name: "满 500 立减", nameEn: "500 off" },
      under: { name: "a_b", nameEn: null },
      plain: { name: "axb", nameEn: null },
    });
    const s = await shopper();
    const search = async (q: string) => ids(await all(s, { q, sort: "points-asc" }, 10)).sort();
    expect(await search("龙井")).toEqual([r.tea!.id]);
    expect(await search("longjing")).toEqual([r.tea!.id]);
    expect(await search("mug")).toEqual([r.mug!.id]);
    expect(await search("50%")).toEqual([r.fifty!.id]);
    expect(await search("a_b")).toEqual([r.under!.id]);
    expect(await search("  ")).toHaveLength(6);
    expect(await search("nothing like it")).toEqual([]);
  });

  test("filters: category, type, in stock, affordable now (after the tier discount, redeemable now)", async () => {
    const r = await catalogue({
      a: { category: "home", type: "physical", pointsPrice: 1_000, stock: 3 },
      b: { category: "home", type: "physical", pointsPrice: 1_100, stock: 0 },
      c: { category: "home", type: "coupon", pointsPrice: 500 },
      d: { category: "drinks", type: "virtual", pointsPrice: 100 },
      e: { category: "home", type: "virtual", pointsPrice: 200, tierCodes: ["gold"] },
      f: { category: "home", type: "virtual", pointsPrice: 200, startsAt: iso(DAY_MS) },
    });
    const s = await shopper(1_045, "silver"); // 1 100 → 1 045 for Silver
    const list = async (q: Omit<ListingQuery, "sort">) => ids(await all(s, { sort: "points-asc", ...q }, 10));
    expect(await list({ category: "home" })).toEqual(["e", "f", "c", "a", "b"].map((k) => r[k]!.id));
    expect(await list({ category: "home", type: "physical" })).toEqual([r.a!.id, r.b!.id]);
    expect(await list({ category: "home", inStock: true })).toEqual(["e", "f", "c", "a"].map((k) => r[k]!.id));
    // b is affordable by price but sold out; e is Gold-only; f opens tomorrow.
    expect(await list({ affordable: true })).toEqual(["d", "c", "a"].map((k) => r[k]!.id));
    expect(await list({ category: "nowhere" })).toEqual([]);
  });

  test("a cursor we did not issue for this sort is refused (null), never an error", async () => {
    await catalogue({ a: {}, b: {}, c: {} });
    const s = await shopper();
    const first = await listCatalogue(s, { sort: "newest" }, { limit: 1, at: T0 });
    expect(first!.nextCursor).toBeTruthy();
    expect(decodeListingCursor("points-asc", first!.nextCursor!)).toBeNull(); // a date where a number belongs
    expect(await listCatalogue(s, { sort: "popular" }, { cursor: first!.nextCursor, at: T0 })).toBeNull();
    expect(await listCatalogue(s, { sort: "newest" }, { cursor: "not-a-cursor", at: T0 })).toBeNull();
    expect(await listCatalogue(s, { sort: "newest" }, { cursor: Buffer.from('{"v":1,"id":"x"}').toString("base64url"), at: T0 })).toBeNull();
  });

  // The planner takes a sequential scan on a table this small, so the test forbids it: what is
  // left must be an index that serves both the filter and the order (no separate sort step).
  test.each<[string, ListingQuery, string]>([
    ["price ascending", { sort: "points-asc" }, "rewards_active_price_idx"],
    ["price descending", { sort: "points-desc" }, "rewards_active_price_idx"],
    ["popular", { sort: "popular" }, "rewards_active_popular_idx"],
    ["newest", { sort: "newest" }, "rewards_active_new_idx"],
    ["a category by price", { sort: "points-asc", category: "home" }, "rewards_active_category_idx"],
  ])("%s reads %s in order", async (_what, query, index) => {
    await catalogue({ a: { category: "home" }, b: {} });
    const s = await shopper();
    const key = { v: query.sort === "newest" ? T0.toISOString() : 100, id: "0190a000-0000-7000-8000-000000000000" };
    for (const k of [undefined, key]) {
      const plan = await db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        await tx.execute(sql`set local enable_sort = off`);
        await tx.execute(sql`set local enable_bitmapscan = off`);
        const rows = rowsOf<Record<string, string>>(await tx.execute(sql`explain ${listingQuery(s, query, k, 21, T0, tx)}`));
        return rows.map((r) => Object.values(r)[0]).join("\n");
      });
      expect(plan).toContain(index);
      expect(plan).not.toMatch(/\bSort\b/);
    }
  });
});

function comparator(sort: Sort) {
  const byId = (a: Reward, b: Reward) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  switch (sort) {
    case "points-asc":
      return (a: Reward, b: Reward) => a.pointsPrice - b.pointsPrice || byId(a, b);
    case "points-desc":
      return (a: Reward, b: Reward) => b.pointsPrice - a.pointsPrice || byId(b, a);
    case "popular":
      return (a: Reward, b: Reward) => b.redeemedCount - a.redeemedCount || byId(a, b);
    case "newest":
      return (a: Reward, b: Reward) => b.createdAt.getTime() - a.createdAt.getTime() || byId(a, b);
  }
}

describe("mallCategories", () => {
  test("only categories with something on offer", async () => {
    await catalogue({ a: { category: "home" }, b: { category: "home" }, c: { category: "gone", active: false } });
    expect(await mallCategories(T0)).toEqual([{ category: "home", count: 2 }]);
  });
});

describe("rewardForMember", () => {
  test("counts the units the member holds, not cancelled ones, not other members'", async () => {
    freezeClock(T0);
    const reward = await testReward({ type: "physical", pointsPrice: 100, perMemberLimit: 5 });
    const m = await memberWithPoints(1_000);
    const other = await memberWithPoints(1_000);
    const web = { source: "web" as const, actor: "t" };
    await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 2 });
    const gone = await redeemReward({ ...web, memberId: m, rewardId: reward.id, quantity: 1 });
    await cancelRedemption({ redemptionId: gone.id, by: "member", memberId: m, actor: "t" });
    await redeemReward({ ...web, memberId: other, rewardId: reward.id, quantity: 3 });
    expect((await rewardForMember(reward.id, m))!.alreadyRedeemed).toBe(2);
    expect((await rewardForMember(reward.id, await memberWithPoints(0)))!.alreadyRedeemed).toBe(0);
    expect(await rewardForMember("0190a000-0000-7000-8000-000000000000", m)).toBeNull();
  });
});
