import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const REWARD_TYPES = ["physical", "coupon", "virtual"] as const;
export type RewardType = (typeof REWARD_TYPES)[number];

export const rewards = pgTable(
  "rewards",
  {
    id: uuid().primaryKey(),
    sku: text().notNull(),
    name: text().notNull(),
    nameEn: text(),
    description: text().notNull().default(""),
    descriptionEn: text(),
    /** Redemption terms shown on the detail page (plain text). */
    terms: text().notNull().default(""),
    termsEn: text(),
    type: text().$type<RewardType>().notNull(),
    category: text().notNull().default("general"),
    pointsPrice: bigint({ mode: "number" }).notNull(),
    // null = unlimited
    stock: integer(),
    perMemberLimit: integer(),
    tierCodes: text().array().notNull().default(sql`'{}'::text[]`),
    active: boolean().notNull().default(true),
    /** A flash reward: shown with a countdown; its stock opens at startsAt. */
    flash: boolean().notNull().default(false),
    startsAt: timestamp({ withTimezone: true }),
    endsAt: timestamp({ withTimezone: true }),
    imageUrl: text(),
    /** More images after imageUrl, in display order. */
    images: text().array().notNull().default(sql`'{}'::text[]`),
    /**
     * Coupons: "pool" hands out imported codes; "pattern" generates one per redemption from
     * couponPattern (X = letter or digit, A = letter, 9 = digit, anything else literal).
     */
    couponSource: text().$type<"pool" | "pattern">(),
    couponPattern: text(),
    /** Days a coupon stays valid after it is issued (null: no end). */
    couponValidDays: integer(),
    redeemedCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }),
    /**
     * Both names, lower-cased once when written: the search's `like` reads it instead of two
     * `ilike`s, which case-fold every row on every search (~5× slower over 10k rewards). A
     * newline between them, which a search box cannot send, so no match spans the two.
     */
    searchText: text().generatedAlwaysAs(sql`lower(name || chr(10) || coalesce(name_en, ''))`),
  },
  (t) => [
    uniqueIndex("rewards_sku_uq").on(t.sku),
    index("rewards_category_idx").on(t.category),
    // Catalogue shelves: newest, popular and by price, among active rewards.
    index("rewards_active_new_idx").on(t.createdAt.desc(), t.id).where(sql`${t.active}`),
    index("rewards_active_popular_idx").on(t.redeemedCount.desc(), t.id).where(sql`${t.active}`),
    index("rewards_active_price_idx").on(t.pointsPrice, t.id).where(sql`${t.active}`),
    index("rewards_active_category_idx").on(t.category, t.pointsPrice, t.id).where(sql`${t.active}`),
    check("rewards_stock_nonneg", sql`${t.stock} is null or ${t.stock} >= 0`),
    check("rewards_price_pos", sql`${t.pointsPrice} > 0`),
    check("rewards_limit_pos", sql`${t.perMemberLimit} is null or ${t.perMemberLimit} > 0`),
  ],
);
export type Reward = typeof rewards.$inferSelect;

export const REDEMPTION_STATUSES = ["placed", "processing", "shipped", "delivered", "cancelled"] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

export const redemptions = pgTable(
  "redemptions",
  {
    id: uuid().primaryKey(),
    memberId: uuid().notNull(),
    rewardId: uuid().notNull(),
    quantity: integer().notNull(),
    /** Price per unit after the member's tier discount (what was charged). */
    unitPoints: bigint({ mode: "number" }).notNull().default(0),
    /** Tier discount applied, in basis points, and the tier that gave it. */
    discountBps: integer().notNull().default(0),
    tierCode: text(),
    pointsSpent: bigint({ mode: "number" }).notNull(),
    /** The ledger entry that spent the points (a cancellation restores exactly its lots). */
    spendEntryId: uuid(),
    status: text().$type<RedemptionStatus>().notNull().default("placed"),
    shippingAddress: jsonb().$type<Record<string, unknown>>(),
    carrier: text(),
    trackingNumber: text(),
    /**
     * The member's confirmation token (or the API's idempotency scope): one redemption per token,
     * so a double click, a retry or a duplicated tab of the confirm page never redeems twice.
     */
    requestKey: text(),
    source: text().notNull().default("web"),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("redemptions_member_idx").on(t.memberId, t.createdAt.desc()),
    index("redemptions_reward_idx").on(t.rewardId, t.memberId),
    index("redemptions_status_idx").on(t.status, t.createdAt),
    index("redemptions_updated_idx").on(t.updatedAt),
    // The analytics refresh reads one local day of redemptions by creation time (without it, every
    // refresh of today scanned the whole table).
    index("redemptions_created_idx").on(t.createdAt),
    uniqueIndex("redemptions_request_uq").on(t.memberId, t.requestKey),
    check("redemptions_quantity_pos", sql`${t.quantity} > 0`),
  ],
);
export type Redemption = typeof redemptions.$inferSelect;

// The status timeline of a redemption: one row per change, with who made it and why.
export const redemptionEvents = pgTable(
  "redemption_events",
  {
    id: uuid().primaryKey(),
    redemptionId: uuid().notNull(),
    memberId: uuid().notNull(),
    status: text().$type<RedemptionStatus>().notNull(),
    note: text(),
    actor: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("redemption_events_redemption_idx").on(t.redemptionId, t.createdAt)],
);
export type RedemptionEvent = typeof redemptionEvents.$inferSelect;

// Every stock change (redemption, cancellation, admin adjustment, coupon import) with its reason.
export const stockMovements = pgTable(
  "stock_movements",
  {
    id: uuid().primaryKey(),
    rewardId: uuid().notNull(),
    delta: integer().notNull(),
    /** Stock after the change (null: unlimited). */
    stockAfter: integer(),
    reason: text().notNull(),
    redemptionId: uuid(),
    actor: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("stock_movements_reward_idx").on(t.rewardId, t.createdAt.desc())],
);
export type StockMovement = typeof stockMovements.$inferSelect;

export const COUPON_STATUSES = ["available", "issued", "used", "void"] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];

// Coupon codes: imported into a pool ("available") or generated at redemption ("issued").
export const couponCodes = pgTable(
  "coupon_codes",
  {
    id: uuid().primaryKey(),
    rewardId: uuid().notNull(),
    code: text().notNull(),
    status: text().$type<CouponStatus>().notNull(),
    memberId: uuid(),
    redemptionId: uuid(),
    issuedAt: timestamp({ withTimezone: true }),
    validUntil: timestamp({ withTimezone: true }),
    usedAt: timestamp({ withTimezone: true }),
    /** What the shop sent when it marked the code used (e.g. its order number). */
    usedReference: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("coupon_codes_code_uq").on(t.code),
    index("coupon_codes_pool_idx").on(t.rewardId, t.id).where(sql`${t.status} = 'available'`),
    index("coupon_codes_member_idx").on(t.memberId, t.issuedAt.desc()),
    index("coupon_codes_redemption_idx").on(t.redemptionId),
  ],
);
export type CouponCode = typeof couponCodes.$inferSelect;

// The member's address book for physical rewards; a redemption keeps a copy of the address used.
export const memberAddresses = pgTable(
  "member_addresses",
  {
    id: uuid().primaryKey(),
    memberId: uuid().notNull(),
    recipient: text().notNull(),
    phone: text().notNull(),
    region: text().notNull(),
    line: text().notNull(),
    postalCode: text(),
    isDefault: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("member_addresses_member_idx").on(t.memberId, t.createdAt)],
);
export type MemberAddress = typeof memberAddresses.$inferSelect;
