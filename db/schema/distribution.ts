import { bigint, index, integer, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const distributors = pgTable(
  "distributors",
  {
    memberId: uuid().primaryKey(),
    code: text().notNull(),
    levelCode: text().notNull().default("junior"),
    status: text().notNull().default("active"),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("distributors_code_uq").on(t.code)],
);
export type Distributor = typeof distributors.$inferSelect;

// Closure table of the referral tree: one row per (ancestor, descendant) pair, depth ≥ 1.
export const referralPaths = pgTable(
  "referral_paths",
  {
    ancestorId: uuid().notNull(),
    descendantId: uuid().notNull(),
    depth: smallint().notNull(),
  },
  (t) => [primaryKey({ columns: [t.ancestorId, t.descendantId] }), index("referral_paths_descendant_idx").on(t.descendantId, t.depth)],
);

// Commissions on orders: pending → available → withdrawn | reversed.
export const commissions = pgTable(
  "commissions",
  {
    id: uuid().primaryKey(),
    distributorId: uuid().notNull(),
    orderId: uuid().notNull(),
    buyerId: uuid().notNull(),
    level: smallint().notNull(),
    baseCents: bigint({ mode: "number" }).notNull(),
    rateBps: integer().notNull(),
    amountCents: bigint({ mode: "number" }).notNull(),
    reversedCents: bigint({ mode: "number" }).notNull().default(0),
    status: text().notNull().default("pending"),
    availableAt: timestamp({ withTimezone: true }).notNull(),
    ruleVersionIds: uuid().array().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("commissions_distributor_idx").on(t.distributorId, t.createdAt.desc()), index("commissions_order_idx").on(t.orderId)],
);
