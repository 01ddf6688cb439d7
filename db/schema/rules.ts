import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

// Rules are never edited in place: each change is a new immutable version of a rule key
// (e.g. "earning.base", "campaign.weekend-double", "tiers", "distribution").
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

// Drafts an admin is editing; publishing turns one into a rule version.
export const ruleDrafts = pgTable("rule_drafts", {
  id: uuid().primaryKey(),
  ruleKey: text().notNull(),
  kind: text().notNull(),
  definition: jsonb().$type<Record<string, unknown>>().notNull(),
  baseVersionId: uuid(),
  createdBy: uuid(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});
