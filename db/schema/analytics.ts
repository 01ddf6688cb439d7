import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// Daily rollups for the analytics dashboard, one row per local day (DEPLOYMENT_TZ). Every column
// is a flow of that day (never a running total), so a day can be recomputed on its own from the
// raw tables: the refresh rewrites only the days touched since it last ran (lib/admin/analytics).
// Running figures (points outstanding, tier distribution) are prefix sums of these flows.
export const analyticsDaily = pgTable("analytics_daily", {
  day: date({ mode: "string" }).primaryKey(),
  // Ledger, by the entry's day: earn, restore (refund/cancel gives back spent points), −spend,
  // −expire, −reverse, Σ adjust (signed), and Σ of every entry (signed).
  pointsIssued: bigint({ mode: "number" }).notNull().default(0),
  pointsRestored: bigint({ mode: "number" }).notNull().default(0),
  pointsRedeemed: bigint({ mode: "number" }).notNull().default(0),
  pointsExpired: bigint({ mode: "number" }).notNull().default(0),
  pointsReversed: bigint({ mode: "number" }).notNull().default(0),
  pointsAdjusted: bigint({ mode: "number" }).notNull().default(0),
  pointsNet: bigint({ mode: "number" }).notNull().default(0),
  // Orders by the day they were placed; refunds by the day they were made.
  orders: integer().notNull().default(0),
  salesCents: bigint({ mode: "number" }).notNull().default(0),
  // Paid minus refunded so far, by the order's day: a late refund changes an old day.
  netSalesCents: bigint({ mode: "number" }).notNull().default(0),
  refundsCents: bigint({ mode: "number" }).notNull().default(0),
  // Orders with a distributor upline (commissionable sales).
  distributorOrders: integer().notNull().default(0),
  distributorSalesCents: bigint({ mode: "number" }).notNull().default(0),
  // Mall redemptions by the day they were placed, cancelled ones excluded.
  redemptions: integer().notNull().default(0),
  redemptionPoints: bigint({ mode: "number" }).notNull().default(0),
  // Commissions: accrued by creation day, reversals by the day they happened, payouts by paidAt.
  commissionsAccruedCents: bigint({ mode: "number" }).notNull().default(0),
  commissionsReversedCents: bigint({ mode: "number" }).notNull().default(0),
  withdrawalsPaidCents: bigint({ mode: "number" }).notNull().default(0),
  newMembers: integer().notNull().default(0),
  referredMembers: integer().notNull().default(0),
  // Distinct members with a ledger entry or an order that day.
  activeMembers: integer().notNull().default(0),
  refreshedAt: timestamp({ withTimezone: true }).notNull(),
});
export type AnalyticsDay = typeof analyticsDaily.$inferSelect;

export const ANALYTICS_ITEM_KINDS = ["reward", "distributor", "tier", "tier-move"] as const;
export type AnalyticsItemKind = (typeof ANALYTICS_ITEM_KINDS)[number];

// Per-day breakdowns by a key:
//   reward      key = reward id;       count = units redeemed, amount = points spent
//   distributor key = distributor id;  count = commissioned orders, amount = commission net of reversals
//   tier        key = tier code;       count = net change in members at that tier (new members + moves)
//   tier-move   key = "from>to";       count = members who moved
export const analyticsDailyItems = pgTable(
  "analytics_daily_items",
  {
    day: date({ mode: "string" }).notNull(),
    kind: text().$type<AnalyticsItemKind>().notNull(),
    key: text().notNull(),
    count: bigint({ mode: "number" }).notNull().default(0),
    amount: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.day, t.key] }), index("analytics_daily_items_day_idx").on(t.day)],
);

// The same breakdowns summed per local calendar month (month = its first day), rewritten from the
// daily items for every month a refresh touches. Why a second grain: the top-reward and
// top-distributor lists must sum every key over the range, and a key shows up on most days — at
// 1M members a year of daily items is ~600k distributor rows and ~275k reward rows, which is most
// of a 365-day dashboard's time. A long range reads its whole months here (≤ one row per key per
// month) and only its partial first and last months from the daily items (see rangeParts).
export const analyticsMonthlyItems = pgTable(
  "analytics_monthly_items",
  {
    month: date({ mode: "string" }).notNull(),
    kind: text().$type<AnalyticsItemKind>().notNull(),
    key: text().notNull(),
    count: bigint({ mode: "number" }).notNull().default(0),
    amount: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.month, t.key] })],
);

// The top lists (top rewards, top distributors) of each preset range ending on `through`, written
// by every rollup refresh: summing a year of items per key is most of a 1M-member dashboard's time
// (~0.9 s for 50k distributors), so the presets read these ≤ 10 rows instead. Custom ranges still
// sum the items (lib/admin/analytics/items.ts).
export const analyticsTopItems = pgTable(
  "analytics_top_items",
  {
    kind: text().$type<AnalyticsItemKind>().notNull(),
    /** The preset: the last `days` days up to and including `through`. */
    days: integer().notNull(),
    rank: integer().notNull(),
    through: date({ mode: "string" }).notNull(),
    key: text().notNull(),
    count: bigint({ mode: "number" }).notNull(),
    amount: bigint({ mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.days, t.rank] })],
);
