import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

// The member profile of a user. Its id is the user's id (the API's member id).
export const members = pgTable(
  "members",
  {
    id: uuid().primaryKey().references(() => users.id),
    externalId: text(),
    tierCode: text().notNull().default("regular"),
    // Manual tier override by an admin, until a date (null: none).
    tierOverrideCode: text(),
    tierOverrideUntil: timestamp({ withTimezone: true }),
    referrerId: uuid(),
    phone: text(),
    birthday: date(),
    profile: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    frozenAt: timestamp({ withTimezone: true }),
    // Why an admin froze the member (shown on the admin member page; the audit log keeps the history).
    frozenReason: text(),
    // Keyed hashes (HMAC with the server secret; never the raw values) of the client IP and of the
    // browser's first-party device cookie at sign-up: risk signals compare them between a buyer and
    // their upline, and count sign-ups from one IP. Null: signed up without a browser (the API).
    signupIpHash: text(),
    signupDeviceHash: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("members_external_id_uq").on(t.externalId),
    index("members_referrer_idx").on(t.referrerId),
    index("members_tier_idx").on(t.tierCode),
    // Admin member search and the analytics refresh (members joined since): newest first with no query; phone numbers by their last digits
    // (`reverse(phone) like reverse(q) || '%'`), in byte order (collate "C") for the keyset.
    index("members_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("members_phone_suffix_idx").on(sql`(reverse(${t.phone}) collate "C")`, t.id),
    // Scheduled birthday grants: the members born on a (month, day), by id for the keyset — a day's
    // birthdays out of a million members without a scan (lib/scheduled-grants/run-grants.ts).
    index("members_birthday_md_idx").on(sql`(extract(month from ${t.birthday})::int)`, sql`(extract(day from ${t.birthday})::int)`, t.id).where(sql`${t.birthday} is not null`),
  ],
);
export type Member = typeof members.$inferSelect;

// Every tier change with its reason (qualification, downgrade, admin override).
export const tierHistory = pgTable(
  "tier_history",
  {
    id: uuid().primaryKey(),
    memberId: uuid().notNull(),
    fromCode: text(),
    toCode: text().notNull(),
    reason: text().notNull(),
    ruleVersionId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index("tier_history_member_idx").on(t.memberId, t.createdAt), index("tier_history_created_idx").on(t.createdAt)],
);

// Daily check-ins: one row per member per local day; the streak is carried on the row.
export const checkIns = pgTable(
  "check_ins",
  {
    memberId: uuid().notNull(),
    day: date().notNull(),
    streak: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("check_ins_member_day_uq").on(t.memberId, t.day)],
);
