import { describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db, rowsOf } from "@/db/client";
import { onPostgres } from "@/db/testing/database";
import { auditLog, staffInvites, users } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { DAY_MS, freezeClock, resetClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { acceptInvite, findOpenInvite, hashInviteToken, inviteStaff, listStaff, setStaffRoles, withdrawInvite } from "./staff";

async function user(roles: string[], email = `${newId()}@staff.test`) {
  const id = newId();
  await db.insert(users).values({ id, email, roles: roles as never, createdAt: new Date(), updatedAt: new Date() });
  return { userId: id, email };
}

const rolesOf = async (id: string) => (await db.select({ roles: users.roles }).from(users).where(eq(users.id, id)))[0]!.roles;

describe("staff invitations", () => {
  test("invite → only the token's hash is stored; the link creates the account once, with the invited roles", async () => {
    const boss = await user(["admin"]);
    const email = `ops-${newId()}@staff.test`;
    const { id, token } = await inviteStaff({ email: `  ${email.toUpperCase()} `, roles: ["operator", "operator"] }, boss);
    const [row] = await db.select().from(staffInvites).where(eq(staffInvites.id, id));
    expect(row).toMatchObject({ email, roles: ["operator"], tokenHash: hashInviteToken(token), invitedBy: boss.userId });
    expect(JSON.stringify(row)).not.toContain(token);
    expect(await findOpenInvite(token)).toEqual({ email, roles: ["operator"] });

    await expect(acceptInvite(token, { name: "", password: "short" })).rejects.toMatchObject({ code: "invalid-request" });
    const { userId } = await acceptInvite(token, { name: "小李", password: "a-long-password-1" });
    const [created] = await db.select().from(users).where(eq(users.id, userId));
    expect(created).toMatchObject({ email, name: "小李", roles: ["operator"] });
    expect(await verifyPassword(created!.passwordHash!, "a-long-password-1")).toBe(true);
    await expect(acceptInvite(token, { name: "again", password: "a-long-password-2" })).rejects.toMatchObject({ code: "not-found" });
    expect(await findOpenInvite(token)).toBeNull();

    const actions = (await db.select().from(auditLog).where(sql`${auditLog.targetId} in (${id}, ${userId})`)).map((a) => a.action).sort();
    expect(actions).toEqual(["staff.invite", "staff.invite.accept"]);
    expect(JSON.stringify(await db.select().from(auditLog))).not.toContain(token);
  });

  test("expired, withdrawn, unknown tokens and taken emails are refused", async () => {
    const boss = await user(["admin"]);
    const clock = freezeClock("2026-03-01T00:00:00Z");
    try {
      const late = await inviteStaff({ email: `late-${newId()}@staff.test`, roles: ["finance"] }, boss);
      clock.advance(7 * DAY_MS + 1);
      expect(await findOpenInvite(late.token)).toBeNull();
      await expect(acceptInvite(late.token, { name: "L", password: "a-long-password-1" })).rejects.toMatchObject({ code: "not-found" });
      const withdrawn = await inviteStaff({ email: `w-${newId()}@staff.test`, roles: ["finance"] }, boss);
      await withdrawInvite(withdrawn.id, boss);
      await expect(acceptInvite(withdrawn.token, { name: "W", password: "a-long-password-1" })).rejects.toMatchObject({ code: "not-found" });
      await expect(acceptInvite("nope", { name: "N", password: "a-long-password-1" })).rejects.toMatchObject({ code: "not-found" });
      const member = await user(["member"]);
      await expect(inviteStaff({ email: member.email, roles: ["admin"] }, boss)).rejects.toMatchObject({ code: "conflict" });
      await expect(inviteStaff({ email: "x@y.z", roles: ["member" as never] }, boss)).rejects.toMatchObject({ code: "invalid-request" });
      await expect(inviteStaff({ email: "x@y.z", roles: [] }, boss)).rejects.toMatchObject({ code: "invalid-request" });
    } finally {
      resetClock();
    }
  });

  test("concurrent submissions of one link create one account", async () => {
    const boss = await user(["admin"]);
    const { token } = await inviteStaff({ email: `race-${newId()}@staff.test`, roles: ["operator"] }, boss);
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => acceptInvite(token, { name: `n${i}`, password: "a-long-password-1" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("staff roles", () => {
  test("change roles (member roles kept), revoke, and never remove the last admin", async () => {
    await db.execute(sql`update users set roles = array_remove(roles, 'admin')`); // start from no admins
    const a = await user(["admin"]);
    const b = await user(["operator", "member"]);
    expect(await setStaffRoles(b.userId, ["finance", "operator"], a)).toMatchObject({ after: ["member", "operator", "finance"] });
    await expect(setStaffRoles(a.userId, ["operator"], a)).rejects.toMatchObject({ code: "conflict" }); // the only admin
    expect(await rolesOf(a.userId)).toEqual(["admin"]);
    await setStaffRoles(b.userId, ["admin"], a);
    await setStaffRoles(a.userId, [], b); // now allowed: b is an admin
    expect(await rolesOf(a.userId)).toEqual([]);
    expect((await listStaff()).map((s) => s.id)).not.toContain(a.userId);
    await expect(setStaffRoles(b.userId, [], b)).rejects.toMatchObject({ code: "conflict" });
    await expect(setStaffRoles(b.userId, ["root"], b)).rejects.toMatchObject({ code: "invalid-request" });
    const audits = rowsOf<{ action: string }>(await db.execute(sql`select action from audit_log where target_id = ${a.userId} order by created_at`));
    expect(audits.map((r) => r.action)).toEqual(["staff.revoke"]);
  });

  test.runIf(onPostgres())("two admins demoting each other at the same moment: exactly one succeeds", async () => {
    for (let round = 0; round < 5; round++) {
      await db.execute(sql`update users set roles = array_remove(roles, 'admin')`);
      const a = await user(["admin"]);
      const b = await user(["admin"]);
      const results = await Promise.allSettled([setStaffRoles(a.userId, ["operator"], b), setStaffRoles(b.userId, ["operator"], a)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const [left] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from users where 'admin' = any(roles)`));
      expect(left!.n).toBe(1);
    }
  });
});
