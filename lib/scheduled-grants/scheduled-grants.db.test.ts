import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { auditLog, members, pointEntries, pointLots, scheduledGrantAwards, scheduledGrantRuns, scheduledGrants } from "@/db/schema";
import { setFrozen } from "@/lib/admin-members/member-status";
import { testAdmin, testMember } from "@/lib/admin-members/testing";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { correctBirthday } from "@/lib/admin-members/birthday";
import { setOwnBirthday } from "@/lib/members/birthday";
import { getBalance } from "@/lib/points/get-balance";
import { verifyLedger } from "@/lib/points/verify-ledger";
import { createScheduledGrant, listScheduledGrants, scheduledGrantSchema, setScheduledGrantEnabled, startRunNow, updateScheduledGrant } from "./manage";
import { executeRun, runDueGrants } from "./run-grants";

// Deployment zone Asia/Shanghai (UTC+8): 02:00Z is 10:00 local, the same calendar day.
const at = (day: string) => `${day}T02:00:00Z`;

async function born(birthday: string | null, opts: { tierCode?: string } = {}) {
  const id = await testMember(opts);
  await db.update(members).set({ birthday }).where(eq(members.id, id));
  return id;
}

const grantEntries = async (memberId: string) => (await db.select().from(pointEntries).where(eq(pointEntries.memberId, memberId))).filter((e) => (e.explanation as { kind?: string } | null)?.kind === "scheduled-grant");

const birthdayGrant = (extra: Record<string, unknown> = {}) =>
  scheduledGrantSchema.parse({ name: "Birthday gifts", kind: "birthday", birthdayMode: "day", points: 200, reason: "Birthday gift 🎂", ...extra });

describe("scheduled birthday grants", () => {
  // One database per file: each test's schedule sees only its own grants.
  beforeEach(async () => {
    await db.update(scheduledGrants).set({ enabled: false });
  });

  test("pays today's birthdays once — two runners at once, a re-run, the next day's catch-up — and skips the rest", async () => {
    const clock = freezeClock(at("2026-11-20"));
    const admin = await testAdmin();
    const grant = await createScheduledGrant(birthdayGrant({ tierPoints: { gold: 500 } }), admin);
    clock.set(at("2026-11-24"));
    const today1 = await born("1996-11-24");
    const today2 = await born("1980-11-24", { tierCode: "gold" });
    const tomorrow = await born("1990-11-25");
    const nobody = await born(null);
    const frozen = await born("1970-11-24");
    await setFrozen({ memberId: frozen, freeze: "freeze", reason: "fraud check" }, admin);

    const [a, b] = await Promise.all([runDueGrants(), runDueGrants()]);
    const results = [...a, ...b];
    expect(results.reduce((s, r) => s + r.granted, 0)).toBe(2);
    expect((await getBalance(today1)).available).toBe(200);
    expect((await getBalance(today2)).available).toBe(500);
    expect((await getBalance(tomorrow)).available).toBe(0);
    expect((await getBalance(nobody)).available).toBe(0);
    expect((await getBalance(frozen)).available).toBe(0);
    const [run] = await db.select().from(scheduledGrantRuns).where(eq(scheduledGrantRuns.grantId, grant.id));
    expect(run).toMatchObject({ runKey: "2026-11-24", status: "done", granted: 2, points: 700, skippedFrozen: 1, failed: 0, candidates: 3 });

    // The member's entry says which grant and which run paid it; the lot expires like earned points.
    const [entry] = await grantEntries(today1);
    expect(entry).toMatchObject({ type: "adjust", points: 200, reason: "Birthday gift 🎂", explanation: { kind: "scheduled-grant", grantId: grant.id, grantName: "Birthday gifts", runId: run!.id, runKey: "2026-11-24", period: "2026" } });

    // The schedule does not run a done day again; "run now" does, and pays nobody twice.
    expect(await runDueGrants()).toEqual([]);
    const now1 = await startRunNow(grant.id, admin);
    expect(await executeRun(now1.grant, now1.run, now1.day)).toMatchObject({ granted: 0 });

    // Next day: unfrozen, and a member who entered yesterday's birthday late — both caught up; today's birthday paid.
    clock.set(at("2026-11-25"));
    await setFrozen({ memberId: frozen, freeze: "unfreeze", reason: "cleared" }, admin);
    const late = await testMember();
    await setOwnBirthday({ userId: late, email: "late@members.test" }, "1999-11-24");
    const [next] = await runDueGrants();
    expect(next).toMatchObject({ runKey: "2026-11-25", granted: 3, skippedFrozen: 0 });
    expect((await getBalance(frozen)).available).toBe(200);
    expect((await getBalance(late)).available).toBe(200);
    expect((await getBalance(tomorrow)).available).toBe(200);
    expect(await grantEntries(today1)).toHaveLength(1);

    // Exactly once per year: even an admin moving the birthday to today does not pay again this year…
    await correctBirthday(today1, "1996-11-25", "typo in the sign-up form", admin);
    const again = await startRunNow(grant.id, admin);
    expect(await executeRun(again.grant, again.run, again.day)).toMatchObject({ granted: 0 });
    // …but next year's birthday does.
    clock.set(at("2027-11-25"));
    await runDueGrants();
    expect(await grantEntries(today1)).toHaveLength(2);
    expect((await db.select().from(scheduledGrantAwards).where(and(eq(scheduledGrantAwards.grantId, grant.id), eq(scheduledGrantAwards.memberId, today1)))).map((x) => x.period).sort()).toEqual(["2026", "2027"]);
    expect((await verifyLedger()).mismatches).toEqual([]);
  });

  test("month mode pays the whole birthday month once; a Feb 29 birthday is paid on Feb 28 in a non-leap year", async () => {
    const clock = freezeClock(at("2027-01-10"));
    const admin = await testAdmin();
    const leap = await born("2000-02-29");
    const feb3 = await born("1991-02-03");
    const day = await createScheduledGrant(birthdayGrant({ name: "Leap", points: 50, expiryDays: 30 }), admin);
    const month = await createScheduledGrant(birthdayGrant({ name: "Month", birthdayMode: "month", points: 10 }), admin);
    clock.set(at("2027-02-01"));
    await runDueGrants();
    expect((await getBalance(feb3)).available).toBe(10);
    expect((await getBalance(leap)).available).toBe(10);
    clock.set(at("2027-02-27"));
    await runDueGrants();
    expect((await getBalance(leap)).available).toBe(10);
    clock.set(at("2027-02-28"));
    await runDueGrants();
    expect((await getBalance(leap)).available).toBe(60);
    expect((await getBalance(feb3)).available).toBe(10);
    // The expiry days of the grant set the lot's expiry.
    const [entry] = (await grantEntries(leap)).filter((e) => (e.explanation as { grantId: string }).grantId === day.id);
    const [lot] = await db.select().from(pointLots).where(eq(pointLots.entryId, entry!.id));
    expect(lot!.expiresAt!.getTime() - lot!.createdAt.getTime()).toBe(30 * DAY_MS);
    expect((await db.select().from(scheduledGrantAwards).where(eq(scheduledGrantAwards.grantId, month.id))).length).toBe(2);
  });

  test("edits, enable/disable and runs are audited; a disabled grant does not run", async () => {
    const clock = freezeClock(at("2026-06-01"));
    const tick = () => clock.advance(1000); // audit rows in a readable order
    const admin = await testAdmin();
    const member = await born("1990-06-01");
    const g = await createScheduledGrant(birthdayGrant(), admin);
    tick();
    await updateScheduledGrant(g.id, birthdayGrant({ points: 300 }), admin);
    tick();
    await setScheduledGrantEnabled(g.id, false, admin);
    expect(await runDueGrants()).toEqual([]);
    await expect(startRunNow(g.id, admin)).rejects.toThrow(DomainError);
    tick();
    await setScheduledGrantEnabled(g.id, true, admin);
    tick();
    const started = await startRunNow(g.id, admin);
    await executeRun(started.grant, started.run, started.day);
    expect((await getBalance(member)).available).toBe(300);
    const logs = await db.select().from(auditLog).where(eq(auditLog.targetId, g.id)).orderBy(auditLog.createdAt);
    expect(logs.map((l) => l.action)).toEqual(["scheduled-grant.create", "scheduled-grant.update", "scheduled-grant.disable", "scheduled-grant.enable", "scheduled-grant.run"]);
    expect(logs[1]).toMatchObject({ before: { points: 200 }, after: { points: 300 } });
    const [row] = (await listScheduledGrants()).filter((r) => r.grant.id === g.id);
    expect(row).toMatchObject({ lastRun: { status: "done", granted: 1 }, nextRun: "2026-06-02" });
  });

  test("segment grants: monthly pays the segment once a month, a one-off once", async () => {
    const clock = freezeClock(at("2026-03-01"));
    const admin = await testAdmin();
    const gold = await testMember({ tierCode: "gold" });
    const regular = await testMember();
    const monthly = await createScheduledGrant(scheduledGrantSchema.parse({ name: "Gold monthly", kind: "monthly", dayOfMonth: 5, tierCode: "gold", points: 100, reason: "Gold perk" }), admin);
    await createScheduledGrant(scheduledGrantSchema.parse({ name: "Anniversary", kind: "once", runOn: "2026-03-10", points: 20, reason: "Shop anniversary" }), admin);
    clock.set(at("2026-03-04"));
    expect(await runDueGrants()).toEqual([]);
    clock.set(at("2026-03-06"));
    await runDueGrants();
    await runDueGrants();
    expect((await getBalance(gold)).available).toBe(100);
    clock.set(at("2026-03-12"));
    await runDueGrants();
    expect((await getBalance(gold)).available).toBe(120);
    expect((await getBalance(regular)).available).toBe(20);
    clock.set(at("2026-04-05"));
    await runDueGrants();
    await runDueGrants();
    expect((await getBalance(gold)).available).toBe(220);
    expect((await getBalance(regular)).available).toBe(20);
    expect((await db.select().from(scheduledGrantRuns).where(eq(scheduledGrantRuns.grantId, monthly.id))).map((r) => r.runKey).sort()).toEqual(["2026-03", "2026-04"]);
  });

  test("birthdays: a member sets theirs once; an admin corrects it, audited", async () => {
    const clock = freezeClock(at("2026-06-01"));
    const admin = await testAdmin();
    const m = await testMember();
    const me = { userId: m, email: "me@members.test" };
    await Promise.allSettled([setOwnBirthday(me, "1990-01-02"), setOwnBirthday(me, "1991-03-04")]);
    await expect(setOwnBirthday(me, "1992-05-06")).rejects.toMatchObject({ code: "conflict" });
    const [{ birthday }] = (await db.select({ birthday: members.birthday }).from(members).where(eq(members.id, m))) as [{ birthday: string }];
    expect(["1990-01-02", "1991-03-04"]).toContain(birthday);
    clock.advance(1000);
    await correctBirthday(m, "1990-01-03", "member called support", admin);
    const logs = await db.select().from(auditLog).where(eq(auditLog.targetId, m)).orderBy(auditLog.createdAt);
    expect(logs.map((l) => l.action)).toEqual(["member.birthday.set", "member.birthday.correct"]);
    expect(logs[1]).toMatchObject({ actorId: admin.userId, before: { birthday }, after: { birthday: "1990-01-03", reason: "member called support" } });
  });
});
