import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const APPLICATION_STATUSES = ["pending", "approved", "rejected"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

// A member's application to become a distributor (rule becomeDistributor.mode = "apply").
// pending → approved | rejected (the reason is shown to the member); after a rejection the member
// may apply again (a new row). At most one pending application per member (partial unique index).
export const distributorApplications = pgTable(
  "distributor_applications",
  {
    id: uuid().primaryKey(),
    memberId: uuid().notNull(),
    status: text().$type<ApplicationStatus>().notNull().default("pending"),
    note: text().notNull().default(""),
    // Why it was rejected (mandatory then), shown to the member.
    reason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid(),
  },
  (t) => [
    uniqueIndex("distributor_applications_one_pending_uq").on(t.memberId).where(sql`${t.status} = 'pending'`),
    index("distributor_applications_member_idx").on(t.memberId, t.createdAt.desc()),
    index("distributor_applications_status_idx").on(t.status, t.createdAt, t.id),
  ],
);
export type DistributorApplication = typeof distributorApplications.$inferSelect;

export const RISK_SIGNALS = ["shared-phone", "shared-address", "shared-signup-ip", "shared-device", "shared-payout-account", "signup-burst", "refund-after-release", "high-refund-rate"] as const;
export type RiskSignal = (typeof RISK_SIGNALS)[number];
export const RISK_CASE_STATUSES = ["open", "released", "cancelled", "frozen"] as const;
export type RiskCaseStatus = (typeof RISK_CASE_STATUSES)[number];

// A risk case: a signal about a distributor (and, when it is about one, a buyer). While it is open
// the distributor's affected pending commissions are held (commissions.heldByCaseId): they do not
// free up. An admin decides: release (the hold lifts), cancel the held commissions, or freeze the
// distributor's withdrawals. One open case per (distributor, signal, buyer).
export const riskCases = pgTable(
  "risk_cases",
  {
    id: uuid().primaryKey(),
    distributorId: uuid().notNull(),
    buyerId: uuid(),
    signal: text().$type<RiskSignal>().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    status: text().$type<RiskCaseStatus>().notNull().default("open"),
    reason: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    decidedAt: timestamp({ withTimezone: true }),
    decidedBy: uuid(),
  },
  (t) => [
    uniqueIndex("risk_cases_one_open_uq").on(t.distributorId, t.signal, sql`coalesce(${t.buyerId}, '00000000-0000-0000-0000-000000000000'::uuid)`).where(sql`${t.status} = 'open'`),
    index("risk_cases_status_idx").on(t.status, t.createdAt, t.id),
  ],
);
export type RiskCase = typeof riskCases.$inferSelect;
