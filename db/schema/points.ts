import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const ledgerEntryType = pgEnum("ledger_entry_type", ["earn", "spend", "expire", "reverse", "restore", "adjust"]);
export type LedgerEntryType = (typeof ledgerEntryType.enumValues)[number];

// One row per member, updated in the same transaction as every ledger entry (invariant 2).
// `available` counts lots that were available and unexpired when last written; reads correct it
// by time (pending lots whose availableAt passed, lots whose expiresAt passed) — see lib/points.
export const pointBalances = pgTable(
  "point_balances",
  {
    memberId: uuid().primaryKey(),
    available: bigint({ mode: "number" }).notNull().default(0),
    pending: bigint({ mode: "number" }).notNull().default(0),
    lifetimeEarned: bigint({ mode: "number" }).notNull().default(0),
    debt: bigint({ mode: "number" }).notNull().default(0),
    // Earliest time at which a lot of this member becomes available or expires: until then the
    // stored figures are exact, so a read is one primary-key lookup.
    nextChangeAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [check("point_balances_nonneg", sql`${t.pending} >= 0 and ${t.debt} >= 0`)],
);

// Append-only. `points` is signed; `balanceAfter` is the available balance after the entry.
export const pointEntries = pgTable(
  "point_entries",
  {
    id: uuid().primaryKey(),
    memberId: uuid().notNull(),
    type: ledgerEntryType().notNull(),
    points: bigint({ mode: "number" }).notNull(),
    balanceAfter: bigint({ mode: "number" }).notNull(),
    reason: text().notNull(),
    // Structured "why": base, multipliers, campaign, caps — rendered in the member's language.
    explanation: jsonb().$type<Record<string, unknown>>(),
    actor: text().notNull(),
    orderId: uuid(),
    redemptionId: uuid(),
    refundId: uuid(),
    ruleVersionIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("point_entries_member_idx").on(t.memberId, t.createdAt.desc(), t.id.desc()),
    index("point_entries_order_idx").on(t.orderId),
    // Analytics rollups find the days touched since their last refresh by this.
    index("point_entries_created_idx").on(t.createdAt),
  ],
);
export type PointEntry = typeof pointEntries.$inferSelect;

// Credits. Debits consume lots soonest-to-expire first; `remaining` never goes below zero.
export const pointLots = pgTable(
  "point_lots",
  {
    id: uuid().primaryKey(),
    memberId: uuid().notNull(),
    entryId: uuid().notNull(),
    amount: bigint({ mode: "number" }).notNull(),
    remaining: bigint({ mode: "number" }).notNull(),
    availableAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    // Set when the sweep wrote the `expire` entry for this lot.
    expiredAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check("point_lots_remaining", sql`${t.remaining} >= 0 and ${t.remaining} <= ${t.amount}`),
    index("point_lots_open_idx").on(t.memberId, t.expiresAt).where(sql`${t.remaining} > 0`),
    index("point_lots_expiry_idx").on(t.expiresAt).where(sql`${t.remaining} > 0 and ${t.expiredAt} is null`),
  ],
);
export type PointLot = typeof pointLots.$inferSelect;

// Which lots a debit used, so a refund or cancellation restores exactly those lots.
export const pointAllocations = pgTable(
  "point_allocations",
  {
    entryId: uuid().notNull(),
    lotId: uuid().notNull(),
    memberId: uuid().notNull(),
    points: integer().notNull(),
    restored: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.lotId] }), index("point_allocations_lot_idx").on(t.lotId)],
);
