import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

// Rules are never edited in place: each change is a new immutable version of a rule key
// (e.g. "earning", "tiers", "distribution", "campaign.weekend-double", "action.check-in").
// The version in force at time t is the highest `version` whose effectiveAt <= t.
export const ruleVersions = pgTable(
  "rule_versions",
  {
    id: uuid().primaryKey(),
    ruleKey: text().notNull(),
    kind: text().notNull(),
    version: integer().notNull(),
    definition: jsonb().$type<Record<string, unknown>>().notNull(),
    effectiveAt: timestamp({ withTimezone: true }).notNull(),
    note: text().notNull().default(""),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("rule_versions_key_version_uq").on(t.ruleKey, t.version),
    index("rule_versions_effective_idx").on(t.kind, t.effectiveAt),
  ],
);
export type RuleVersion = typeof ruleVersions.$inferSelect;

// Drafts an admin is editing; publishing turns one into a rule version. One draft per rule key per
// admin. A draft may be invalid (work in progress): it is validated on save, shown with its errors,
// and refused at publish. baseVersionId is the latest version when editing began (null: a new key),
// so publishing over someone else's newer version is a conflict rather than a silent overwrite.
export const ruleDrafts = pgTable(
  "rule_drafts",
  {
    id: uuid().primaryKey(),
    ruleKey: text().notNull(),
    kind: text().notNull(),
    definition: jsonb().$type<Record<string, unknown>>().notNull(),
    baseVersionId: uuid(),
    createdBy: uuid(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("rule_drafts_key_author_uq").on(t.ruleKey, t.createdBy)],
);
export type RuleDraft = typeof ruleDrafts.$inferSelect;

// How many points a capped rule (campaign bonus, action) gave a member on a local day; caps per
// day/month and per member read these rows (a handful per member and rule).
export const ruleMemberUsage = pgTable(
  "rule_member_usage",
  {
    ruleKey: text().notNull(),
    memberId: uuid().notNull(),
    day: date().notNull(),
    points: bigint({ mode: "number" }).notNull().default(0),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.memberId, t.ruleKey, t.day] })],
);

// A rule's global budget so far: one row per rule key, locked while an award is decided, so the
// budget is never overspent by concurrent orders.
export const ruleBudgetUsage = pgTable("rule_budget_usage", {
  ruleKey: text().primaryKey(),
  points: bigint({ mode: "number" }).notNull().default(0),
});

// A backtest: a draft re-evaluated against the orders of the last N days (keyset batches), with its
// progress and running totals written after every batch so any instance can show them, and a cancel
// flag the runner reads between batches. `definition` is the draft as it was when the run started.
export const backtestRuns = pgTable(
  "backtest_runs",
  {
    id: uuid().primaryKey(),
    ruleKey: text().notNull(),
    definition: jsonb().$type<Record<string, unknown>>().notNull(),
    days: integer().notNull(),
    fromAt: timestamp({ withTimezone: true }).notNull(),
    toAt: timestamp({ withTimezone: true }).notNull(),
    /** running | done | cancelled | failed */
    status: text().notNull(),
    cancelRequested: boolean().notNull().default(false),
    total: integer().notNull(),
    processed: integer().notNull().default(0),
    results: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    createdBy: uuid().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    /** Heartbeat: a running run whose updatedAt is old was interrupted (its instance stopped). */
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index("backtest_runs_author_idx").on(t.createdBy, t.ruleKey, t.createdAt.desc())],
);
export type BacktestRun = typeof backtestRuns.$inferSelect;
