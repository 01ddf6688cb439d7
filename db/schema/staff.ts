import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { Role } from "./auth";

// Invitations to the admin console. Only a SHA-256 of the token is stored (the link is shown once
// to the inviting admin); an invite is used once (acceptedAt), expires, and can be withdrawn.
export const staffInvites = pgTable(
  "staff_invites",
  {
    id: uuid().primaryKey(),
    email: text().notNull(),
    roles: text().array().$type<Role[]>().notNull(),
    tokenHash: text().notNull(),
    invitedBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    acceptedAt: timestamp({ withTimezone: true }),
    acceptedUserId: uuid(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex("staff_invites_token_uq").on(t.tokenHash), index("staff_invites_created_idx").on(t.createdAt.desc())],
);
export type StaffInvite = typeof staffInvites.$inferSelect;
