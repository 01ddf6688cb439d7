import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const ADJUSTMENT_STATUSES = ["pending", "applied", "rejected"] as const;
export type AdjustmentStatus = (typeof ADJUSTMENT_STATUSES)[number];

// Manual points adjustments by an admin. A small one is applied at once (status `applied`); one
// above the approval threshold waits as `pending` until a different admin approves it (applied
// through the ledger in the same transaction as the decision) or rejects it. Decided exactly once:
// the decision is a conditional update `where status = 'pending'`.
export const pointAdjustments = pgTable(
  "point_adjustments",
  {
    id: uuid().primaryKey(),
    memberId: uuid().notNull(),
    // Signed: + credit, − debit.
    points: bigint({ mode: "number" }).notNull(),
    reason: text().notNull(),
    status: text().$type<AdjustmentStatus>().notNull(),
    requestedBy: uuid().notNull(),
    requestedByLabel: text().notNull(),
    decidedBy: uuid(),
    decidedByLabel: text(),
    decisionNote: text(),
    decidedAt: timestamp({ withTimezone: true }),
    // The ledger entry that applied it (null while pending or when rejected).
    entryId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check("point_adjustments_nonzero", sql`${t.points} <> 0`),
    index("point_adjustments_member_idx").on(t.memberId, t.createdAt.desc()),
    // The approvals queue: only pending rows, oldest first.
    index("point_adjustments_pending_idx").on(t.createdAt, t.id).where(sql`${t.status} = 'pending'`),
  ],
);
export type PointAdjustment = typeof pointAdjustments.$inferSelect;

export const GRANT_JOB_STATUSES = ["running", "done"] as const;
export type GrantJobStatus = (typeof GRANT_JOB_STATUSES)[number];

// A bulk grant (from a CSV or a member segment). `key` is derived from the job's content, so
// submitting the same grant twice finds the first job instead of making a second one.
export const grantJobs = pgTable(
  "grant_jobs",
  {
    id: uuid().primaryKey(),
    key: text().notNull(),
    source: text().$type<"csv" | "segment">().notNull(),
    label: text().notNull(),
    status: text().$type<GrantJobStatus>().notNull(),
    total: integer().notNull(),
    processed: integer().notNull().default(0),
    granted: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    pointsGranted: bigint({ mode: "number" }).notNull().default(0),
    params: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid().notNull(),
    createdByLabel: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("grant_jobs_key_uq").on(t.key), index("grant_jobs_created_idx").on(t.createdAt.desc(), t.id.desc())],
);
export type GrantJob = typeof grantJobs.$inferSelect;

// One row per member to grant. `grantKey` is unique: a row is granted at most once however many
// runners or re-runs reach it (the grant flips `pending → granted` conditionally, in the ledger's
// transaction).
export const grantRows = pgTable(
  "grant_rows",
  {
    jobId: uuid().notNull(),
    rowNo: integer().notNull(),
    grantKey: text().notNull(),
    // What the CSV said (member id or email), for the per-row report.
    memberRef: text().notNull(),
    memberId: uuid(),
    points: bigint({ mode: "number" }).notNull(),
    reason: text().notNull(),
    status: text().$type<"pending" | "granted" | "error">().notNull(),
    error: text(),
    entryId: uuid(),
  },
  (t) => [uniqueIndex("grant_rows_key_uq").on(t.grantKey), uniqueIndex("grant_rows_job_row_uq").on(t.jobId, t.rowNo)],
);
export type GrantRow = typeof grantRows.$inferSelect;
