// Staff of the admin console: invitations (a single-use link; only a SHA-256 of its token is kept),
// role changes and revocation. The role → permission table stays in lib/auth/permissions.ts; roles
// are re-read from the database on every request (lib/auth/guard), so a change applies at once.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { db, rowsOf, type Executor, type Tx } from "@/db/client";
import { staffInvites, users, type Role } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { ADMIN_ROLES } from "@/lib/auth/permissions";
import { now } from "@/lib/clock";
import { DAY_MS } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { emailField, nameField, passwordField } from "@/lib/validation";
import { audit, type AuditActor } from "./audit";

export const STAFF_ROLES = ADMIN_ROLES as readonly ("admin" | "operator" | "finance")[];
export type StaffRole = (typeof STAFF_ROLES)[number];
export const INVITE_TTL_MS = 7 * DAY_MS;
/** Serialises every change to who holds "admin" (so two demotions cannot both pass the last-admin check). */
const STAFF_LOCK_KEY = 0x6a6966656e02;

const staffRoles = z.array(z.enum(STAFF_ROLES as unknown as ["admin", "operator", "finance"]));
export const inviteSchema = z.object({ email: emailField, roles: staffRoles.min(1, { error: "adminUsers.errors.roles" }) });
export const acceptSchema = z.object({ name: nameField, password: passwordField });

export const hashInviteToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface StaffMember {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  createdAt: Date;
}

export async function listStaff(ex: Executor = db): Promise<StaffMember[]> {
  return ex
    .select({ id: users.id, email: users.email, name: users.name, roles: users.roles, createdAt: users.createdAt })
    .from(users)
    .where(and(sql`${users.roles} && ${`{${STAFF_ROLES.join(",")}}`}::text[]`, isNull(users.disabledAt)))
    .orderBy(users.email);
}

export async function listOpenInvites(ex: Executor = db) {
  return ex
    .select({ id: staffInvites.id, email: staffInvites.email, roles: staffInvites.roles, createdAt: staffInvites.createdAt, expiresAt: staffInvites.expiresAt })
    .from(staffInvites)
    .where(and(isNull(staffInvites.acceptedAt), isNull(staffInvites.revokedAt), gt(staffInvites.expiresAt, now())))
    .orderBy(sql`${staffInvites.createdAt} desc`);
}

/**
 * Invites `email` with `roles`; returns the token (shown once, in the link). An email that already
 * has an account is refused: the link sets a password, so it must never take over an account.
 */
export async function inviteStaff(input: z.input<typeof inviteSchema>, actor: AuditActor): Promise<{ id: string; token: string; expiresAt: Date }> {
  const parsed = inviteSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid-request", "bad invite", { errors: parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? "form"), message: i.message })) });
  const { email, roles } = parsed.data;
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
    if (existing) throw new DomainError("conflict", "that email already has an account", { errors: [{ path: "email", message: "adminUsers.errors.accountExists" }] });
    const token = randomBytes(32).toString("base64url");
    const at = now();
    const id = newId();
    const expiresAt = new Date(at.getTime() + INVITE_TTL_MS);
    const unique = [...new Set(roles)];
    await tx.insert(staffInvites).values({ id, email, roles: unique, tokenHash: hashInviteToken(token), invitedBy: actor.userId, createdAt: at, expiresAt });
    await audit(tx, actor, { action: "staff.invite", targetType: "staff-invite", targetId: id, after: { email, roles: unique, expiresAt: expiresAt.toISOString() } });
    return { id, token, expiresAt };
  });
}

export async function withdrawInvite(id: string, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(staffInvites)
      .set({ revokedAt: now() })
      .where(and(eq(staffInvites.id, id), isNull(staffInvites.acceptedAt), isNull(staffInvites.revokedAt)))
      .returning({ email: staffInvites.email, roles: staffInvites.roles });
    if (!row) throw new DomainError("not-found", "no open invite with that id");
    await audit(tx, actor, { action: "staff.invite.withdraw", targetType: "staff-invite", targetId: id, before: row });
  });
}

/** The invite a link points at, if it can still be used (for the public page). */
export async function findOpenInvite(token: string, ex: Executor = db): Promise<{ email: string; roles: Role[] } | null> {
  const [row] = await ex
    .select({ email: staffInvites.email, roles: staffInvites.roles })
    .from(staffInvites)
    .where(and(eq(staffInvites.tokenHash, hashInviteToken(token)), isNull(staffInvites.acceptedAt), isNull(staffInvites.revokedAt), gt(staffInvites.expiresAt, now())));
  return row ?? null;
}

/**
 * Uses an invite: creates the staff account with the invited roles. Single use under concurrency:
 * the invite is claimed by a conditional update (accepted_at is null) in the same transaction as
 * the account, so two submissions of one link create one account.
 */
export async function acceptInvite(token: string, input: z.input<typeof acceptSchema>): Promise<{ userId: string; email: string }> {
  const parsed = acceptSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid-request", "bad input", { errors: parsed.error.issues.map((i) => ({ path: String(i.path[0] ?? "form"), message: i.message })) });
  const passwordHash = await hashPassword(parsed.data.password);
  return db.transaction(async (tx) => {
    const at = now();
    const userId = newId();
    const [invite] = await tx
      .update(staffInvites)
      .set({ acceptedAt: at, acceptedUserId: userId })
      .where(and(eq(staffInvites.tokenHash, hashInviteToken(token)), isNull(staffInvites.acceptedAt), isNull(staffInvites.revokedAt), gt(staffInvites.expiresAt, at)))
      .returning();
    if (!invite) throw new DomainError("not-found", "this invitation is used, withdrawn or expired");
    const [created] = await tx
      .insert(users)
      .values({ id: userId, email: invite.email, name: parsed.data.name, passwordHash, roles: invite.roles, createdAt: at, updatedAt: at })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created) throw new DomainError("conflict", "that email already has an account");
    await audit(tx, { userId, email: invite.email }, { action: "staff.invite.accept", targetType: "user", targetId: userId, after: { email: invite.email, roles: invite.roles, inviteId: invite.id } });
    return { userId, email: invite.email };
  });
}

/**
 * Sets a user's staff roles (their member/distributor roles are kept); an empty list revokes their
 * access to the console. Refuses to leave no admin: every change runs under one advisory lock and
 * counts the admins inside it, so two admins demoting each other at once cannot both succeed.
 */
export async function setStaffRoles(userId: string, roles: readonly string[], actor: AuditActor): Promise<{ before: Role[]; after: Role[] }> {
  const parsed = staffRoles.safeParse(roles);
  if (!parsed.success) throw new DomainError("invalid-request", "unknown role", { errors: [{ path: "roles", message: "adminUsers.errors.roles" }] });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${STAFF_LOCK_KEY})`);
    const [user] = await tx.select({ roles: users.roles }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) throw new DomainError("not-found", "no such user");
    const kept = user.roles.filter((r) => !(STAFF_ROLES as readonly Role[]).includes(r));
    const after = [...kept, ...STAFF_ROLES.filter((r) => parsed.data.includes(r))] as Role[];
    if (user.roles.includes("admin") && !after.includes("admin") && (await otherAdmins(tx, userId)) === 0) {
      throw new DomainError("conflict", "the last admin cannot lose the admin role", { errors: [{ path: "roles", message: "adminUsers.errors.lastAdmin" }] });
    }
    if (sameRoles(user.roles, after)) return { before: user.roles, after };
    await tx.update(users).set({ roles: after, updatedAt: now() }).where(eq(users.id, userId));
    await audit(tx, actor, { action: after.some((r) => (STAFF_ROLES as readonly Role[]).includes(r)) ? "staff.roles" : "staff.revoke", targetType: "user", targetId: userId, before: { roles: user.roles }, after: { roles: after } });
    return { before: user.roles, after };
  });
}

async function otherAdmins(tx: Tx, userId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from users where 'admin' = any(roles) and disabled_at is null and id <> ${userId}`),
  );
  return row?.n ?? 0;
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) => a.length === b.length && a.every((r) => b.includes(r));
