import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

// Orders sent by the merchant's shop. Money is integer minor units (分).
export const orders = pgTable(
  "orders",
  {
    id: uuid().primaryKey(),
    externalId: text().notNull(),
    memberId: uuid().notNull(),
    placedAt: timestamp({ withTimezone: true }).notNull(),
    currency: text().notNull(),
    goodsCents: bigint({ mode: "number" }).notNull(),
    discountCents: bigint({ mode: "number" }).notNull(),
    shippingCents: bigint({ mode: "number" }).notNull(),
    pointsRedeemed: bigint({ mode: "number" }).notNull().default(0),
    pointsCashCents: bigint({ mode: "number" }).notNull().default(0),
    paidCents: bigint({ mode: "number" }).notNull(),
    earningBaseCents: bigint({ mode: "number" }).notNull(),
    refundedCents: bigint({ mode: "number" }).notNull().default(0),
    pointsAwarded: bigint({ mode: "number" }).notNull().default(0),
    pointsReversed: bigint({ mode: "number" }).notNull().default(0),
    pointsRestored: bigint({ mode: "number" }).notNull().default(0),
    // The ledger rows this order wrote: its earn lot, and the spend of points redeemed at checkout.
    earnLotId: uuid(),
    spendEntryId: uuid(),
    ruleVersionIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    // The buyer's upline as it was when the order was placed (commissions pay this chain).
    uplineSnapshot: uuid().array(),
    referralCode: text(),
    source: text().notNull().default("api"),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("orders_external_id_uq").on(t.externalId),
    index("orders_member_idx").on(t.memberId, t.placedAt.desc()),
    index("orders_placed_idx").on(t.placedAt),
    index("orders_created_idx").on(t.createdAt),
  ],
);
export type Order = typeof orders.$inferSelect;

export const orderLines = pgTable(
  "order_lines",
  {
    orderId: uuid().notNull(),
    lineNo: integer().notNull(),
    memberId: uuid().notNull(),
    sku: text().notNull(),
    name: text().notNull().default(""),
    category: text(),
    quantity: integer().notNull(),
    unitPriceCents: bigint({ mode: "number" }).notNull(),
    discountCents: bigint({ mode: "number" }).notNull(),
    // This line's share of the cash value of points redeemed, and its earning base.
    pointsCashCents: bigint({ mode: "number" }).notNull().default(0),
    baseCents: bigint({ mode: "number" }).notNull().default(0),
    refundedQuantity: integer().notNull().default(0),
  },
  (t) => [uniqueIndex("order_lines_pk").on(t.orderId, t.lineNo)],
);

export const refunds = pgTable(
  "refunds",
  {
    id: uuid().primaryKey(),
    orderId: uuid().notNull(),
    memberId: uuid().notNull(),
    amountCents: bigint({ mode: "number" }).notNull(),
    items: jsonb().$type<{ sku: string; quantity: number }[]>(),
    reason: text().notNull().default(""),
    pointsReversed: bigint({ mode: "number" }).notNull().default(0),
    pointsRestored: bigint({ mode: "number" }).notNull().default(0),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("refunds_order_idx").on(t.orderId), index("refunds_created_idx").on(t.createdAt)],
);
