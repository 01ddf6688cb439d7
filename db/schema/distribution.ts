import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const distributors = pgTable(
  "distributors",
  {
    memberId: uuid().primaryKey(),
    code: text().notNull(),
    levelCode: text().notNull().default("junior"),
    status: text().notNull().default("active"),
    // Set by an admin (risk review): no withdrawal requests while set.
    withdrawalsFrozenAt: timestamp({ withTimezone: true }),
    // Leaderboard privacy, chosen by the distributor: listed as "anonymous", and/or without amounts.
    rankAnonymous: boolean().notNull().default(false),
    rankHideAmounts: boolean().notNull().default(false),
    // When the level last changed (automatic upgrades only go up; see lib/distribution/levels.ts).
    levelChangedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("distributors_code_uq").on(t.code),
    // Admin member search by code prefix, in byte order whatever the database's collation.
    index("distributors_code_prefix_idx").on(sql`(${t.code} collate "C")`),
  ],
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
  (t) => [
    primaryKey({ columns: [t.ancestorId, t.descendantId] }),
    index("referral_paths_descendant_idx").on(t.descendantId, t.depth),
    // Team by level (level 1 / level 2 lists and counts) without visiting deeper descendants.
    index("referral_paths_ancestor_depth_idx").on(t.ancestorId, t.depth, t.descendantId),
  ],
);

export const COMMISSION_STATUSES = ["pending", "available", "reversed"] as const;
export type StoredCommissionStatus = (typeof COMMISSION_STATUSES)[number];

// Commissions on orders. Always a share of a sale (amount ≤ base, tied to an order): recruiting
// alone never creates one. `status`/`releasedAt` are the stored flip into the wallet's available
// figure, written lazily (by any wallet write, or the sweep); reads derive the state from
// availableAt, so a commission is available on time without a cron.
export const commissions = pgTable(
  "commissions",
  {
    id: uuid().primaryKey(),
    distributorId: uuid().notNull(),
    orderId: uuid().notNull(),
    buyerId: uuid().notNull(),
    level: smallint().notNull(),
    baseCents: bigint({ mode: "number" }).notNull(),
    // The rate when every line had the same one; null when overrides mixed rates (see explanation).
    rateBps: integer(),
    amountCents: bigint({ mode: "number" }).notNull(),
    reversedCents: bigint({ mode: "number" }).notNull().default(0),
    status: text().$type<StoredCommissionStatus>().notNull().default("pending"),
    availableAt: timestamp({ withTimezone: true }).notNull(),
    // When the commission moved from the wallet's pending figure to its available one (null: not yet).
    releasedAt: timestamp({ withTimezone: true }),
    // An open risk case holds this commission: it does not free up until the case is released.
    heldByCaseId: uuid(),
    explanation: jsonb().$type<Record<string, unknown>>(),
    ruleVersionIds: uuid().array().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("commissions_distributor_idx").on(t.distributorId, t.createdAt.desc()),
    index("commissions_order_idx").on(t.orderId),
    // Leaderboards and the analytics refresh (commissions since): every commission of a week or month, index-only (all the columns they sum).
    index("commissions_ranking_idx").on(t.createdAt, t.distributorId, t.level, t.amountCents, t.reversedCents, t.baseCents),
    uniqueIndex("commissions_order_level_uq").on(t.orderId, t.level),
    index("commissions_unreleased_idx").on(t.distributorId, t.availableAt).where(sql`${t.releasedAt} is null and ${t.status} = 'pending'`),
    index("commissions_held_idx").on(t.heldByCaseId).where(sql`${t.heldByCaseId} is not null`),
    check("commissions_share_of_sale", sql`${t.amountCents} > 0 and ${t.amountCents} <= ${t.baseCents}`),
    check("commissions_reversed", sql`${t.reversedCents} >= 0 and ${t.reversedCents} <= ${t.amountCents}`),
    check("commissions_level", sql`${t.level} between 1 and 3`),
  ],
);
export type Commission = typeof commissions.$inferSelect;

// One wallet per distributor, changed only together with a wallet_entries row (same transaction).
// Figures in cents:
//   pending     = Σ (amount − reversed) of commissions not yet released
//   available   = released commissions − money requested for withdrawal; SIGNED: it goes below
//                 zero when a refund reverses commission money that was already withdrawn (the
//                 negative part is an `adjustment`), and future commissions net against it
//   withdrawing = requested (or failed) withdrawals not yet paid or returned
//   withdrawn   = paid out (gross, fees included)
//   adjustment  = Σ negative adjustments ever made (≤ 0; informational)
export const distributorWallets = pgTable(
  "distributor_wallets",
  {
    distributorId: uuid().primaryKey(),
    pendingCents: bigint({ mode: "number" }).notNull().default(0),
    availableCents: bigint({ mode: "number" }).notNull().default(0),
    withdrawingCents: bigint({ mode: "number" }).notNull().default(0),
    withdrawnCents: bigint({ mode: "number" }).notNull().default(0),
    adjustmentCents: bigint({ mode: "number" }).notNull().default(0),
    // Earliest availableAt among unreleased commissions: until then the stored figures are exact.
    nextReleaseAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check(
      "distributor_wallets_nonneg",
      sql`${t.pendingCents} >= 0 and ${t.withdrawingCents} >= 0 and ${t.withdrawnCents} >= 0 and ${t.adjustmentCents} <= 0`,
    ),
  ],
);
export type DistributorWallet = typeof distributorWallets.$inferSelect;

export const walletEntryType = pgEnum("wallet_entry_type", [
  "commission",
  "release",
  "reversal",
  "adjustment",
  "withdrawal",
  "withdrawal-rejected",
  "withdrawal-paid",
  "withdrawal-failed",
  "withdrawal-returned",
]);
export type WalletEntryType = (typeof walletEntryType.enumValues)[number];

// Append-only history of every wallet change: each row carries its deltas, so the wallet is
// Σ deltas per distributor (checked by verifyWallets).
export const walletEntries = pgTable(
  "wallet_entries",
  {
    id: uuid().primaryKey(),
    distributorId: uuid().notNull(),
    type: walletEntryType().notNull(),
    pendingDelta: bigint({ mode: "number" }).notNull().default(0),
    availableDelta: bigint({ mode: "number" }).notNull().default(0),
    withdrawingDelta: bigint({ mode: "number" }).notNull().default(0),
    withdrawnDelta: bigint({ mode: "number" }).notNull().default(0),
    adjustmentDelta: bigint({ mode: "number" }).notNull().default(0),
    availableAfter: bigint({ mode: "number" }).notNull(),
    commissionId: uuid(),
    orderId: uuid(),
    refundId: uuid(),
    withdrawalId: uuid(),
    reason: text().notNull().default(""),
    actor: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("wallet_entries_distributor_idx").on(t.distributorId, t.createdAt.desc(), t.id.desc()),
    index("wallet_entries_commission_idx").on(t.commissionId),
    index("wallet_entries_created_idx").on(t.createdAt),
    check("wallet_entries_commission_ref", sql`${t.type} not in ('commission', 'release', 'reversal', 'adjustment') or (${t.commissionId} is not null and ${t.orderId} is not null)`),
    check("wallet_entries_withdrawal_ref", sql`${t.type} in ('commission', 'release', 'reversal', 'adjustment') or ${t.withdrawalId} is not null`),
  ],
);
export type WalletEntry = typeof walletEntries.$inferSelect;

export const WITHDRAWAL_STATUSES = ["requested", "approved", "rejected", "failed", "returned"] as const;
export type WithdrawalStatus = (typeof WITHDRAWAL_STATUSES)[number];

// Withdrawal requests: requested → approved (paid, with the payout reference) | rejected (funds
// back); approved → failed (the payout bounced) → approved again (retried) | returned (funds back).
export const withdrawals = pgTable(
  "withdrawals",
  {
    id: uuid().primaryKey(),
    distributorId: uuid().notNull(),
    amountCents: bigint({ mode: "number" }).notNull(),
    feeCents: bigint({ mode: "number" }).notNull().default(0),
    // What is sent: amount − fee.
    netCents: bigint({ mode: "number" }).notNull(),
    status: text().$type<WithdrawalStatus>().notNull().default("requested"),
    // Where to pay (e.g. { method: "alipay", account: "…" }), as the distributor gave it.
    payoutAccount: jsonb().$type<Record<string, unknown>>(),
    // Keyed hash of the normalised account (see lib/distribution/fingerprint.ts): the risk check
    // finds another member paid to the same account through an index, without comparing JSON.
    payoutAccountHash: text(),
    payoutReference: text(),
    // Why it was rejected, failed or returned (the latest decision).
    reason: text(),
    attempts: integer().notNull().default(0),
    ruleVersionId: uuid(),
    requestedAt: timestamp({ withTimezone: true }).notNull(),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: uuid(),
    paidAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("withdrawals_distributor_idx").on(t.distributorId, t.requestedAt.desc()),
    index("withdrawals_status_idx").on(t.status, t.requestedAt),
    index("withdrawals_payout_hash_idx").on(t.payoutAccountHash).where(sql`${t.payoutAccountHash} is not null`),
    check("withdrawals_amounts", sql`${t.amountCents} > 0 and ${t.feeCents} >= 0 and ${t.netCents} = ${t.amountCents} - ${t.feeCents}`),
  ],
);
export type Withdrawal = typeof withdrawals.$inferSelect;

export const RANK_TOTAL_PERIODS = ["week", "month"] as const;

// Leaderboard totals per distributor per local week and month (the period's start, in the
// deployment zone), net of refunds: kept in the transaction that writes or reverses the commissions
// (lib/distribution/wallet.ts), so a board reads its top rows from an index instead of summing
// every commission of the month. commission = Σ (amount − reversed); sales = Σ over level-1
// commissions of base × (amount − reversed) ÷ amount, rounded down per commission.
export const distributorRankTotals = pgTable(
  "distributor_rank_totals",
  {
    period: text().$type<(typeof RANK_TOTAL_PERIODS)[number]>().notNull(),
    periodStart: timestamp({ withTimezone: true }).notNull(),
    distributorId: uuid().notNull(),
    salesCents: bigint({ mode: "number" }).notNull().default(0),
    commissionCents: bigint({ mode: "number" }).notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.period, t.periodStart, t.distributorId] }),
    index("distributor_rank_totals_sales_idx").on(t.period, t.periodStart, t.salesCents.desc(), t.distributorId),
    index("distributor_rank_totals_commission_idx").on(t.period, t.periodStart, t.commissionCents.desc(), t.distributorId),
  ],
);
export type DistributorRankTotal = typeof distributorRankTotals.$inferSelect;
