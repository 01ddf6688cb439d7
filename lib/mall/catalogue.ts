// What the member-facing mall reads: the member's position (balance, tier discount), the home
// page's shelves, a category or search listing one keyset page at a time, and one reward's detail.
//
// Every listing reads active rewards through one of the partial indexes on `rewards` (where active):
// rewards_active_price_idx (points_price, id), rewards_active_popular_idx (redeemed_count desc, id),
// rewards_active_new_idx (created_at desc, id) and rewards_active_category_idx (category,
// points_price, id). Keyset pagination (never offsets), so a deep page costs what the first does.
// Cards need nothing per reward beyond its row: no N+1.
import { and, asc, desc, eq, gt, ne, or, sql, sum, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { members, redemptions, rewards, REWARD_TYPES, type Reward, type RewardType } from "@/db/schema";
import { encodeCursor } from "@/lib/api/pagination";
import { getBalance } from "@/lib/points/get-balance";
import { findTier, type Tier, type TiersRule } from "@/lib/rules";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { discountedPrice, type MemberPosition, type RewardTerms } from "./pricing";

// ---------------------------------------------------------------- the member's position

export interface Shopper {
  memberId: string;
  tierCode: string;
  /** The tier held (null when the member's code is not in the tiers rule any more). */
  tier: Tier | null;
  tiers: TiersRule;
  /** Catalogue discount of the tier, in basis points. */
  discountBps: number;
  availablePoints: number;
  frozen: boolean;
}

/** The member as the mall prices them: balance now, tier and its catalogue discount. */
export async function loadShopper(memberId: string, at: Date, ex: Executor = db): Promise<Shopper> {
  const [balance, rules, frozenRows] = await Promise.all([
    getBalance(memberId, ex),
    loadRuleset(at, ex),
    ex.select({ frozenAt: members.frozenAt }).from(members).where(eq(members.id, memberId)),
  ]);
  const tiers = rules.tiers.definition;
  const tier = findTier(tiers, balance.tierCode);
  return {
    memberId,
    tierCode: balance.tierCode,
    tier,
    tiers,
    discountBps: tier?.catalogueDiscountBps ?? 0,
    availablePoints: balance.available,
    frozen: Boolean(frozenRows[0]?.frozenAt),
  };
}

/** quote()'s view of the member, for a reward they already hold `alreadyRedeemed` units of. */
export function positionOf(s: Shopper, alreadyRedeemed = 0): MemberPosition {
  return { tierCode: s.tierCode, discountBps: s.discountBps, availablePoints: s.availablePoints, alreadyRedeemed, frozen: s.frozen };
}

/**
 * The highest LIST price a member can pay with `balance` points after a `discountBps` discount,
 * so "affordable" is a range on the price index (`points_price <= x`) rather than an expression
 * per row. discountedPrice is non-decreasing in the list price, so a binary search finds it.
 */
export function maxListPriceWithin(balance: number, discountBps: number): number {
  if (!Number.isFinite(balance) || balance < 1) return 0;
  let lo = 1; // discountedPrice(1) is 1 ≤ balance
  let hi = Number.MAX_SAFE_INTEGER;
  if (discountedPrice(hi, discountBps) <= balance) return hi;
  // Invariant: discountedPrice(lo) ≤ balance < discountedPrice(hi).
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (discountedPrice(mid, discountBps) <= balance) lo = mid;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------- cards

// The partial indexes are "desc nulls last" (drizzle-kit's default); a plain "desc" means nulls
// FIRST in Postgres, which the planner cannot read from those indexes — so order exactly as built.
const newestFirst = sql`${rewards.createdAt} desc nulls last`;
const mostRedeemedFirst = sql`${rewards.redeemedCount} desc nulls last`;

/** The columns a reward card needs (no descriptions or terms). */
const cardColumns = {
  id: rewards.id,
  name: rewards.name,
  nameEn: rewards.nameEn,
  type: rewards.type,
  category: rewards.category,
  pointsPrice: rewards.pointsPrice,
  stock: rewards.stock,
  perMemberLimit: rewards.perMemberLimit,
  tierCodes: rewards.tierCodes,
  active: rewards.active,
  flash: rewards.flash,
  startsAt: rewards.startsAt,
  endsAt: rewards.endsAt,
  imageUrl: rewards.imageUrl,
  redeemedCount: rewards.redeemedCount,
  createdAt: rewards.createdAt,
};
export type RewardRow = Pick<Reward, keyof typeof cardColumns>;

/** Offered now or later: active and not past its end (an ended reward leaves the shelves). */
function offered(at: Date): SQL {
  // `${rewards.active}` on its own (not "= true") matches the partial indexes' predicate as written.
  return and(sql`${rewards.active}`, sql`(${rewards.endsAt} is null or ${rewards.endsAt} > ${at.toISOString()}::timestamptz)`)!;
}

/** Redeemable by this member as far as the catalogue can tell (window open, in stock, their tier). */
function openTo(s: Shopper, at: Date): SQL {
  return and(
    sql`(${rewards.startsAt} is null or ${rewards.startsAt} <= ${at.toISOString()}::timestamptz)`,
    sql`(${rewards.stock} is null or ${rewards.stock} > 0)`,
    sql`(cardinality(${rewards.tierCodes}) = 0 or ${s.tierCode} = any(${rewards.tierCodes}))`,
  )!;
}

export const SHELF_SIZE = 12;

/** The mall home's shelves that are the same for every member (cached with the page). */
export interface CatalogueShelves {
  newest: RewardRow[];
  popular: RewardRow[];
  /** Flash rewards not yet over: running ones first (ending soonest), then by opening time. */
  flash: RewardRow[];
  categories: { category: string; count: number }[];
}

/** The shelves that depend on the member (read per request for /api/mall/me). */
export interface MemberShelves {
  /** Price after the tier discount ≤ balance, redeemable now; dearest first ("the best you can get"). */
  affordable: RewardRow[];
  /** Rewards reserved for tiers that include the member's. */
  exclusive: RewardRow[];
}

/** The mall home's shared shelves: four small indexed reads. */
export async function catalogueShelves(at: Date, ex: Executor = db): Promise<CatalogueShelves> {
  const live = offered(at);
  const [newest, popular, flash, categories] = await Promise.all([
    ex.select(cardColumns).from(rewards).where(live).orderBy(newestFirst, asc(rewards.id)).limit(SHELF_SIZE),
    ex.select(cardColumns).from(rewards).where(and(live, gt(rewards.redeemedCount, 0))).orderBy(mostRedeemedFirst, asc(rewards.id)).limit(SHELF_SIZE),
    ex
      .select(cardColumns)
      .from(rewards)
      .where(and(live, eq(rewards.flash, true)))
      .orderBy(sql`(${rewards.startsAt} is not null and ${rewards.startsAt} > ${at.toISOString()}::timestamptz)`, asc(rewards.endsAt), asc(rewards.startsAt), asc(rewards.id))
      .limit(SHELF_SIZE),
    mallCategories(at, ex),
  ]);
  return { newest, popular, flash, categories };
}

/** The member's own shelves: two small indexed reads. */
export async function memberShelves(s: Shopper, at: Date, ex: Executor = db): Promise<MemberShelves> {
  const live = offered(at);
  const maxPrice = maxListPriceWithin(s.availablePoints, s.discountBps);
  const [affordable, exclusive] = await Promise.all([
    maxPrice > 0
      ? ex
          .select(cardColumns)
          .from(rewards)
          .where(and(live, openTo(s, at), sql`${rewards.pointsPrice} <= ${maxPrice}`))
          .orderBy(desc(rewards.pointsPrice), desc(rewards.id))
          .limit(SHELF_SIZE)
      : Promise.resolve([]),
    ex
      .select(cardColumns)
      .from(rewards)
      .where(and(live, sql`${s.tierCode} = any(${rewards.tierCodes})`))
      .orderBy(asc(rewards.pointsPrice), asc(rewards.id))
      .limit(SHELF_SIZE),
  ]);
  return { affordable, exclusive };
}

/** Categories that have something on offer, with how many rewards each. */
export async function mallCategories(at: Date, ex: Executor = db): Promise<{ category: string; count: number }[]> {
  const rows = await ex
    .select({ category: rewards.category, count: sql<number>`count(*)::int` })
    .from(rewards)
    .where(offered(at))
    .groupBy(rewards.category)
    .orderBy(asc(rewards.category));
  return rows.map((r) => ({ category: r.category, count: Number(r.count) }));
}

// ---------------------------------------------------------------- listings (category, search)

export const SORTS = ["points-asc", "points-desc", "popular", "newest"] as const;
export type Sort = (typeof SORTS)[number];

export interface ListingQuery {
  category?: string | null;
  /** Matched against the name in both languages (case-insensitive substring). */
  q?: string | null;
  sort: Sort;
  /** Only rewards the member can pay for now (price after discount ≤ balance). */
  affordable?: boolean;
  inStock?: boolean;
  type?: RewardType | null;
}

export const LISTING_PAGE_SIZE = 20;

/** Escapes LIKE's wildcards so a member's "50%" or "a_b" means exactly those characters. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The cursor's sort key: the last row's sort value and id (a number, or an ISO instant for newest). */
const cursorKey = z.object({ v: z.union([z.number().int(), z.iso.datetime()]), id: z.guid() });
export type CursorKey = z.output<typeof cursorKey>;

export function decodeListingCursor(sort: Sort, cursor: string): CursorKey | null {
  try {
    const parsed = cursorKey.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const numeric = typeof parsed.data.v === "number";
    return (sort === "newest") !== numeric ? parsed.data : null;
  } catch {
    return null;
  }
}

function keyOf(sort: Sort, r: RewardRow): CursorKey {
  switch (sort) {
    case "points-asc":
    case "points-desc":
      return { v: r.pointsPrice, id: r.id };
    case "popular":
      return { v: r.redeemedCount, id: r.id };
    case "newest":
      return { v: r.createdAt.toISOString(), id: r.id };
  }
}

/** After the cursor, in the sort's order; the leading bound (≤ / ≥) lets the index seek to it. */
function after(sort: Sort, k: CursorKey | undefined): SQL | undefined {
  if (!k) return undefined;
  switch (sort) {
    case "points-asc":
      return sql`(${rewards.pointsPrice}, ${rewards.id}) > (${k.v}, ${k.id}::uuid)`;
    case "points-desc":
      return sql`(${rewards.pointsPrice}, ${rewards.id}) < (${k.v}, ${k.id}::uuid)`;
    case "popular":
      // Index order is (redeemed_count desc, id asc): mixed directions, so no row comparison.
      return and(sql`${rewards.redeemedCount} <= ${k.v}`, or(sql`${rewards.redeemedCount} < ${k.v}`, sql`${rewards.id} > ${k.id}::uuid`));
    case "newest":
      return and(
        sql`${rewards.createdAt} <= ${k.v}::timestamptz`,
        or(sql`${rewards.createdAt} < ${k.v}::timestamptz`, sql`${rewards.id} > ${k.id}::uuid`),
      );
  }
}

function orderOf(sort: Sort) {
  switch (sort) {
    case "points-asc":
      return [asc(rewards.pointsPrice), asc(rewards.id)];
    case "points-desc":
      return [desc(rewards.pointsPrice), desc(rewards.id)];
    case "popular":
      return [mostRedeemedFirst, asc(rewards.id)];
    case "newest":
      return [newestFirst, asc(rewards.id)];
  }
}

export interface ListingPage {
  rows: RewardRow[];
  nextCursor: string | null;
}

/**
 * One page of a category or search listing. `cursor` is a nextCursor from the previous page for
 * the same query; null when the cursor is not one we issued for this sort. `s` is the member the
 * "affordable" filter is for; a listing without it (the cached pages) is the same for everyone.
 */
export async function listCatalogue(
  s: Shopper | null,
  query: ListingQuery,
  { cursor = null, limit = LISTING_PAGE_SIZE, at }: { cursor?: string | null; limit?: number; at: Date },
  ex: Executor = db,
): Promise<ListingPage | null> {
  const key = cursor ? decodeListingCursor(query.sort, cursor) : undefined;
  if (key === null) return null;
  const rows = await listingQuery(s, query, key, limit + 1, at, ex);
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: encodeCursor(keyOf(query.sort, page[page.length - 1]!)) };
}

/** The listing's SELECT (not yet run): exported so a test can EXPLAIN it. */
export function listingQuery(s: Shopper | null, query: ListingQuery, key: CursorKey | undefined, limit: number, at: Date, ex: Executor = db) {
  const q = query.q?.trim();
  if (query.affordable && !s) throw new Error("the affordable filter needs the member");
  const maxPrice = query.affordable && s ? maxListPriceWithin(s.availablePoints, s.discountBps) : null;
  return ex
    .select(cardColumns)
    .from(rewards)
    .where(
      and(
        offered(at),
        query.category ? eq(rewards.category, query.category) : undefined,
        q ? sql`${rewards.searchText} like lower(${likePattern(q)})` : undefined,
        query.type ? eq(rewards.type, query.type) : undefined,
        query.inStock ? sql`(${rewards.stock} is null or ${rewards.stock} > 0)` : undefined,
        maxPrice !== null && s ? and(sql`${rewards.pointsPrice} <= ${maxPrice}`, openTo(s, at)) : undefined,
        after(query.sort, key),
      ),
    )
    .orderBy(...orderOf(query.sort))
    .limit(limit);
}

export const isRewardType = (v: unknown): v is RewardType => typeof v === "string" && (REWARD_TYPES as readonly string[]).includes(v);
export const isSort = (v: unknown): v is Sort => typeof v === "string" && (SORTS as readonly string[]).includes(v);

// ---------------------------------------------------------------- detail

export interface RewardDetail {
  reward: Reward;
  /** Units of it the member holds (redemptions not cancelled): what the per-member limit counts. */
  alreadyRedeemed: number;
}

/** One reward (active or not: a member may follow a link to one no longer offered) and the member's holding of it. */
export async function rewardForMember(rewardId: string, memberId: string, ex: Executor = db): Promise<RewardDetail | null> {
  const [reward, alreadyRedeemed] = await Promise.all([rewardById(rewardId, ex), unitsHeld(rewardId, memberId, ex)]);
  return reward ? { reward, alreadyRedeemed } : null;
}

/** One reward as it is now, active or not (the detail page, cached for everyone). */
export async function rewardById(rewardId: string, ex: Executor = db): Promise<Reward | null> {
  const [reward] = await ex.select().from(rewards).where(eq(rewards.id, rewardId));
  return reward ?? null;
}

/** Units of a reward the member holds (redemptions not cancelled): what the per-member limit counts. */
export async function unitsHeld(rewardId: string, memberId: string, ex: Executor = db): Promise<number> {
  const [held] = await ex
    .select({ units: sum(redemptions.quantity).mapWith(Number) })
    .from(redemptions)
    .where(and(eq(redemptions.rewardId, rewardId), eq(redemptions.memberId, memberId), ne(redemptions.status, "cancelled")));
  return held?.units ?? 0;
}

/** The reward's terms as quote() reads them. */
export function termsOf(r: Pick<Reward, keyof RewardTerms>): RewardTerms {
  return {
    type: r.type,
    pointsPrice: r.pointsPrice,
    stock: r.stock,
    perMemberLimit: r.perMemberLimit,
    tierCodes: r.tierCodes,
    active: r.active,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
  };
}
