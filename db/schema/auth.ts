import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const ROLES = ["member", "distributor", "admin", "operator", "finance"] as const;
export type Role = (typeof ROLES)[number];

// Everyone who can sign in (or be signed up later): members, distributors, admins.
// A member created through the Integration API has no password until they sign up with that email.
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey(),
    email: text().notNull(),
    name: text().notNull().default(""),
    passwordHash: text(),
    roles: text().array().$type<Role[]>().notNull().default(sql`'{member}'::text[]`),
    locale: text(),
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    // Emails compare case-insensitively: stored lower-cased, unique.
    uniqueIndex("users_email_uq").on(t.email),
    // Admin member search (lib/admin-members/search-members.ts): prefix matches in byte order, so
    // `like 'q%'` and the keyset order are both served by the index whatever the database's collation.
    index("users_email_prefix_idx").on(sql`(${t.email} collate "C")`, t.id),
    index("users_name_prefix_idx").on(sql`(lower(${t.name}) collate "C")`, t.id),
  ],
);
export type User = typeof users.$inferSelect;

// Fixed-window counters shared by every app instance (sign-in attempts, API calls).
export const rateLimits = pgTable(
  "rate_limits",
  {
    bucket: text().notNull(),
    windowStart: timestamp({ withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] }), index("rate_limits_window_idx").on(t.windowStart)],
);
