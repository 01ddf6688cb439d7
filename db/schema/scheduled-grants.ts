import { sql } from "drizzle-orm";
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const SCHEDULED_GRANT_KINDS = ["birthday", "monthly", "once"] as const;
export type ScheduledGrantKind = (typeof SCHEDULED_GRANT_KINDS)[number];
export type BirthdayMode = "day" | "month";
/** The bulk grants' segment (lib/admin-members/bulk-grants.ts), without the amount. */
export interface GrantSegment {
  tierCode?: string;
  joinedFrom?: string;
  joinedTo?: string;
}

// A grant that runs by itself (npm run maintenance / grants:run) or on an admin's "run now":
// `birthday` pays members on their birthday (or once during their birthday month), `monthly` pays
// a segment on a day of every month, `once` pays a segment on one date. Edited in place (each edit
// is audited with before/after); past awards keep what they paid.
export const scheduledGrants = pgTable(
  "scheduled_grants",
  {
    id: uuid().primaryKey(),
    name: text().notNull(),
    kind: text().$type<ScheduledGrantKind>().notNull(),
    birthdayMode: text().$type<BirthdayMode>(),
    dayOfMonth: integer(),
    runOn: date(),
    segment: jsonb().$type<GrantSegment>().notNull().default({}),
    points: bigint({ mode: "number" }).notNull(),
    // Per tier code, an amount instead of `points` (0: that tier gets nothing).
    tierPoints: jsonb().$type<Record<string, number>>().notNull().default({}),
    // Days until the granted lot expires (null: the earning rule's expiry policy, like earned points).
    expiryDays: integer(),
    // What the member reads in their history ("Birthday gift 🎂").
    reason: text().notNull(),
    enabled: boolean().notNull().default(true),
    createdBy: uuid().notNull(),
    createdByLabel: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    check("scheduled_grants_points", sql`${t.points} > 0`),
    check("scheduled_grants_day_of_month", sql`${t.dayOfMonth} is null or ${t.dayOfMonth} between 1 and 28`),
    index("scheduled_grants_created_idx").on(t.createdAt.desc(), t.id.desc()),
  ],
);
export type ScheduledGrant = typeof scheduledGrants.$inferSelect;

// One run of a grant per run key (the day for birthday grants, the month for monthly ones, the
// date for a one-off). Two runners on one key share the row: the counters they add are each
// award's own (granted, points, in the award's transaction); the scan counts take the larger.
export const scheduledGrantRuns = pgTable(
  "scheduled_grant_runs",
  {
    id: uuid().primaryKey(),
    grantId: uuid().notNull(),
    runKey: text().notNull(),
    trigger: text().$type<"schedule" | "manual">().notNull(),
    triggeredByLabel: text(),
    status: text().$type<"running" | "done">().notNull(),
    // Members due in this run (frozen ones included), those skipped as frozen, awards that failed.
    candidates: integer().notNull().default(0),
    granted: integer().notNull().default(0),
    points: bigint({ mode: "number" }).notNull().default(0),
    skippedFrozen: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("scheduled_grant_runs_key_uq").on(t.grantId, t.runKey), index("scheduled_grant_runs_grant_idx").on(t.grantId, t.startedAt.desc())],
);
export type ScheduledGrantRun = typeof scheduledGrantRuns.$inferSelect;

// What a grant paid a member, once per period (the year for birthdays, the month for monthly
// grants, the date for a one-off): the unique key is what makes runs idempotent — however many
// runners reach a member, one insert wins and only its transaction credits the points.
export const scheduledGrantAwards = pgTable(
  "scheduled_grant_awards",
  {
    grantId: uuid().notNull(),
    memberId: uuid().notNull(),
    period: text().notNull(),
    runId: uuid().notNull(),
    points: bigint({ mode: "number" }).notNull(),
    entryId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("scheduled_grant_awards_uq").on(t.grantId, t.period, t.memberId), index("scheduled_grant_awards_member_idx").on(t.memberId)],
);
export type ScheduledGrantAward = typeof scheduledGrantAwards.$inferSelect;
