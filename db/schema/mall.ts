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
    type: text().$type<RewardType>().notNull(),
    category: text().notNull().default("general"),
    pointsPrice: bigint({ mode: "number" }).notNull(),
    // null = unlimited
    stock: integer(),
    perMemberLimit: integer(),
    tierCodes: text().array().notNull().default(sql`'{}'::text[]`),
    active: boolean().notNull().default(true),
    startsAt: timestamp({ withTimezone: true }),
    endsAt: timestamp({ withTimezone: true }),
    imageUrl: text(),
    redeemedCount: integer().notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("rewards_sku_uq").on(t.sku),
    index("rewards_category_idx").on(t.category),
    check("rewards_stock_nonneg", sql`${t.stock} is null or ${t.stock} >= 0`),
    check("rewards_price_pos", sql`${t.pointsPrice} > 0`),
  ],
);
export type Reward = typeof rewards.$inferSelect;

export const redemptions = pgTable(
  "redemptions",
  {
    id: uuid().primaryKey(),
    memberId: uuid().notNull(),
    rewardId: uuid().notNull(),
    quantity: integer().notNull(),
    pointsSpent: bigint({ mode: "number" }).notNull(),
    status: text().notNull().default("placed"),
    shippingAddress: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("redemptions_member_idx").on(t.memberId, t.createdAt.desc()), index("redemptions_reward_idx").on(t.rewardId, t.memberId)],
);
