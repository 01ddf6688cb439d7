import { sql } from "drizzle-orm";
import { boolean, check, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// One row per visit of a distributor's link /r/<code>. Written on every click, so it is a single
// cheap insert with one index; no raw IP or user agent is kept, only a keyed hash of both (counts
// distinct visitors without identifying anyone).
export const referralClicks = pgTable(
  "referral_clicks",
  {
    id: uuid().primaryKey(),
    distributorId: uuid().notNull(),
    visitorHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("referral_clicks_distributor_idx").on(t.distributorId, t.createdAt),
    // The admin funnel counts every click in a date range.
    index("referral_clicks_created_idx").on(t.createdAt),
  ],
);
export type ReferralClick = typeof referralClicks.$inferSelect;

export const ATTRIBUTION_SOURCES = ["link", "code"] as const;
export type AttributionSource = (typeof ATTRIBUTION_SOURCES)[number];

// A member who arrived through a distributor (their link, or their code typed at sign-up), and
// until when that counts. Orders ingested from the shop carry no browser cookie, so the cookie's
// attribution is copied here at sign-up (or when a signed-in member opens a link): an order of a
// member without a binding is attributed to the latest live row. `atSignup` rows are the
// funnel's sign-ups.
export const referralAttributions = pgTable(
  "referral_attributions",
  {
    id: uuid().primaryKey(),
    memberId: uuid().notNull(),
    distributorId: uuid().notNull(),
    source: text().$type<AttributionSource>().notNull(),
    atSignup: boolean().notNull().default(false),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("referral_attributions_member_idx").on(t.memberId, t.createdAt.desc()),
    index("referral_attributions_signup_idx").on(t.distributorId, t.createdAt).where(sql`${t.atSignup}`),
    check("referral_attributions_window", sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);
export type ReferralAttribution = typeof referralAttributions.$inferSelect;

export const BINDING_SOURCES = ["link", "code", "api", "admin", "expiry"] as const;
export type BindingSource = (typeof BINDING_SOURCES)[number];

// Every change of a member's referrer (members.referrerId + referral_paths), append-only: a first
// binding (old null), a rebinding, or a lapse after inactivity (source "expiry", new null).
// `mode` is the binding setting in force (signup | first-order) or "admin"; `expiresAt` is when the
// binding lapses if the member places no order (null: permanent) — each order pushes it on.
export const bindingEvents = pgTable(
  "binding_events",
  {
    id: uuid().primaryKey(),
    memberId: uuid().notNull(),
    oldDistributorId: uuid(),
    newDistributorId: uuid(),
    source: text().$type<BindingSource>().notNull(),
    mode: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }),
    actor: text().notNull(),
    reason: text().notNull().default(""),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index("binding_events_member_idx").on(t.memberId, t.createdAt.desc()),
    check("binding_events_changes", sql`${t.oldDistributorId} is distinct from ${t.newDistributorId}`),
  ],
);
export type BindingEvent = typeof bindingEvents.$inferSelect;
