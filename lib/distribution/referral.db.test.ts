import { afterEach, describe, expect, test } from "vitest";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, bindingEvents, distributors, members, referralAttributions, referralClicks, referralPaths } from "@/db/schema";
import { onPostgres } from "@/db/testing/database";
import { DAY_MS, freezeClock, resetClock } from "@/lib/clock";
import { signUp } from "@/lib/members/sign-up";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { adminRebind } from "./admin-rebind";
import { bindReferrer } from "./bind-referrer";
import { getMyReferrer, listBindingHistory } from "./binding-history";
import { recordReferralVisit } from "./referral-clicks";
import { referralFunnel } from "./referral-funnel";
import { newDistributor, newMember, publishDistribution, testOrder } from "./testing";

const T0 = new Date("2026-11-02T04:00:00Z");
const days = (n: number) => new Date(T0.getTime() + n * DAY_MS);
const actor = "test";

afterEach(async () => {
  await publishDistribution({});
  resetClock();
});

const eventsOf = (memberId: string) => db.select().from(bindingEvents).where(eq(bindingEvents.memberId, memberId)).orderBy(asc(bindingEvents.createdAt));
const referrerOf = async (memberId: string) => (await db.select({ r: members.referrerId }).from(members).where(eq(members.id, memberId)))[0]!.r;
const ancestorsOf = async (memberId: string) =>
  (await db.select().from(referralPaths).where(eq(referralPaths.descendantId, memberId)).orderBy(asc(referralPaths.depth))).map((p) => [p.ancestorId, p.depth]);
const clicksOf = (distributorId: string) => db.select().from(referralClicks).where(eq(referralClicks.distributorId, distributorId));
let seq = 0;
const email = () => `ref-${++seq}-${Date.now()}@example.com`;

describe("/r/<code>: clicks and attribution", () => {
  test("a known code records one click with a hashed visitor (no raw IP or UA) and answers the window", async () => {
    await publishDistribution({ attributionWindowDays: 14 });
    const d = await newDistributor();
    const visit = await recordReferralVisit({ code: d.code.toLowerCase(), ip: "203.0.113.9", userAgent: "Mozilla/5.0 Test" });
    expect(visit).toEqual({ ok: true, code: d.code, windowDays: 14 });
    const rows = await clicksOf(d.id);
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain("203.0.113.9");
    expect(JSON.stringify(rows[0])).not.toContain("Mozilla");
    // Same visitor, same hash; another visitor, another hash.
    await recordReferralVisit({ code: d.code, ip: "203.0.113.9", userAgent: "Mozilla/5.0 Test" });
    await recordReferralVisit({ code: d.code, ip: "198.51.100.1", userAgent: "Mozilla/5.0 Test" });
    const hashes = (await clicksOf(d.id)).map((c) => c.visitorHash);
    expect(new Set(hashes).size).toBe(2);
  });

  test("unknown, malformed and disabled codes write nothing", async () => {
    const d = await newDistributor();
    await db.update(distributors).set({ status: "disabled" }).where(eq(distributors.memberId, d.id));
    for (const code of [d.code, "ZZZZZZ", "no!", ""]) expect(await recordReferralVisit({ code, ip: "1.2.3.4", userAgent: "x" })).toEqual({ ok: false });
    expect(await clicksOf(d.id)).toEqual([]);
  });

  test("a signed-in member who opens a link is attributed for the window; the distributor's own visit is not", async () => {
    freezeClock(T0);
    const d = await newDistributor();
    const m = await newMember();
    await recordReferralVisit({ code: d.code, ip: "1.2.3.4", userAgent: "x", memberId: m });
    await recordReferralVisit({ code: d.code, ip: "1.2.3.4", userAgent: "x", memberId: d.id });
    const rows = await db.select().from(referralAttributions).where(eq(referralAttributions.distributorId, d.id));
    expect(rows.map((r) => [r.memberId, r.source, r.atSignup, r.expiresAt])).toEqual([[m, "link", false, days(30)]]);
  });
});

describe("binding on sign-up (default) and on first order", () => {
  test("sign-up through the link binds at once, with a 'link' event and the funnel's sign-up row", async () => {
    freezeClock(T0);
    const d = await newDistributor();
    const { userId } = await signUp({ email: email(), password: "password-123", name: "N", referralCode: d.code, referralSource: "link" });
    expect(await referrerOf(userId)).toBe(d.id);
    expect((await eventsOf(userId)).map((e) => [e.oldDistributorId, e.newDistributorId, e.source, e.mode, e.expiresAt, e.actor])).toEqual([
      [null, d.id, "link", "signup", null, `user:${userId}`],
    ]);
    const [attr] = await db.select().from(referralAttributions).where(eq(referralAttributions.memberId, userId));
    expect(attr).toMatchObject({ distributorId: d.id, atSignup: true, source: "link" });
  });

  test("first-order mode: sign-up only attributes; the first order within the window binds (source link) and pays", async () => {
    const clock = freezeClock(T0);
    await publishDistribution({ binding: { mode: "first-order" }, attributionWindowDays: 10 });
    const d = await newDistributor();
    const { userId } = await signUp({ email: email(), password: "password-123", name: "N", referralCode: d.code, referralSource: "code" });
    expect(await referrerOf(userId)).toBeNull();
    expect(await eventsOf(userId)).toEqual([]);
    clock.set(days(3));
    const r = await ingestOrder(testOrder(userId), { actor });
    expect(r.commissions.map((c) => c.distributorId)).toEqual([d.id]);
    expect(await referrerOf(userId)).toBe(d.id);
    expect((await eventsOf(userId)).map((e) => [e.newDistributorId, e.source, e.mode])).toEqual([[d.id, "link", "first-order"]]);
  });

  test("first-order mode: an order after the attribution window binds nobody and pays nobody", async () => {
    const clock = freezeClock(T0);
    await publishDistribution({ binding: { mode: "first-order" }, attributionWindowDays: 10 });
    const d = await newDistributor();
    const { userId } = await signUp({ email: email(), password: "password-123", name: "N", referralCode: d.code });
    clock.set(days(10));
    const r = await ingestOrder(testOrder(userId), { actor });
    expect(r.commissions).toEqual([]);
    expect(await referrerOf(userId)).toBeNull();
  });

  test("signup mode: a member who opens a link after signing up is attributed for the window, never bound", async () => {
    const clock = freezeClock(T0);
    const d = await newDistributor();
    const m = await newMember();
    await recordReferralVisit({ code: d.code, ip: "1.2.3.4", userAgent: "x", memberId: m });
    clock.set(days(2));
    const r = await ingestOrder(testOrder(m), { actor });
    expect(r.commissions.map((c) => c.distributorId)).toEqual([d.id]);
    expect(await referrerOf(m)).toBeNull();
    expect(await eventsOf(m)).toEqual([]);
  });
});

describe("binding policy: never silently moved, expiry by inactivity, re-binding", () => {
  test("a bound member is not moved by another code, an order code, or a link; nothing is written", async () => {
    freezeClock(T0);
    const [a, b] = [await newDistributor(), await newDistributor()];
    const m = await newMember(a.code);
    await expect(bindReferrer(db, m, b.code)).rejects.toMatchObject({ code: "conflict", errors: [{ path: "referralCode", message: "referral.errors.alreadyBound" }] });
    await recordReferralVisit({ code: b.code, ip: "1.2.3.4", userAgent: "x", memberId: m });
    const r = await ingestOrder(testOrder(m, { referralCode: b.code }), { actor });
    expect(r.commissions.map((c) => c.distributorId)).toEqual([a.id]);
    expect(await referrerOf(m)).toBe(a.id);
    expect(await eventsOf(m)).toHaveLength(1);
    // The same code again is a no-op, not an error, and writes no event.
    expect(await bindReferrer(db, m, a.code)).toEqual({ referrerId: a.id, changed: false });
    expect(await eventsOf(m)).toHaveLength(1);
  });

  test("self-referral and cycles are refused with their own message; unknown and disabled codes too; nothing written", async () => {
    const top = await newDistributor();
    const mid = await newDistributor(top.code);
    const low = await newDistributor(mid.code);
    const before = await db.select().from(referralPaths);
    await expect(bindReferrer(db, top.id, top.code)).rejects.toMatchObject({ code: "not-eligible", errors: [{ message: "referral.errors.self" }] });
    await expect(bindReferrer(db, top.id, low.code)).rejects.toMatchObject({ code: "not-eligible", errors: [{ message: "referral.errors.cycle" }] });
    await expect(bindReferrer(db, top.id, "NOPE99")).rejects.toMatchObject({ code: "invalid-request", errors: [{ message: "validation.referralCodeUnknown" }] });
    await db.update(distributors).set({ status: "disabled" }).where(eq(distributors.memberId, mid.id));
    const fresh = await newMember();
    await expect(bindReferrer(db, fresh, mid.code)).rejects.toMatchObject({ code: "invalid-request" });
    expect(await db.select().from(referralPaths)).toHaveLength(before.length);
    expect(await referrerOf(top.id)).toBeNull();
    expect(await referrerOf(fresh)).toBeNull();
    expect(await eventsOf(top.id)).toEqual([]);
  });

  test("expiring after N days without an order: each order pushes it on; the first order after it pays nobody and writes the lapse", async () => {
    const clock = freezeClock(T0);
    await publishDistribution({ binding: { expiryDays: 30 } });
    const a = await newDistributor();
    const m = await newMember(a.code);
    clock.set(days(29));
    expect((await ingestOrder(testOrder(m), { actor })).commissions.map((c) => c.distributorId)).toEqual([a.id]);
    clock.set(days(58)); // 29 days after that order: still live
    expect((await ingestOrder(testOrder(m), { actor })).commissions.map((c) => c.distributorId)).toEqual([a.id]);
    clock.set(days(88)); // 30 days after: lapsed
    expect((await ingestOrder(testOrder(m), { actor })).commissions).toEqual([]);
    expect(await referrerOf(m)).toBeNull();
    expect(await ancestorsOf(m)).toEqual([]);
    expect((await eventsOf(m)).map((e) => [e.oldDistributorId, e.newDistributorId, e.source, e.expiresAt])).toEqual([
      [null, a.id, "code", days(30)],
      [a.id, null, "expiry", days(88)],
    ]);
  });

  test("a lapsed member may be re-bound only when re-binding is on; their own downline moves with them", async () => {
    const clock = freezeClock(T0);
    await publishDistribution({ binding: { expiryDays: 10, allowRebind: false } });
    const [a, b] = [await newDistributor(), await newDistributor()];
    const m = await newDistributor(a.code);
    const child = await newMember(m.code);
    clock.set(days(11));
    // Lapsed but not written yet: still refused, by the policy.
    await expect(bindReferrer(db, m.id, b.code)).rejects.toMatchObject({ code: "conflict", errors: [{ message: "referral.errors.noRebind" }] });
    await ingestOrder(testOrder(m.id), { actor }); // writes the lapse
    await expect(bindReferrer(db, m.id, b.code)).rejects.toMatchObject({ code: "conflict", errors: [{ message: "referral.errors.noRebind" }] });
    expect(await ancestorsOf(child)).toEqual([[m.id, 1]]);

    await publishDistribution({ binding: { expiryDays: 10, allowRebind: true } });
    expect(await bindReferrer(db, m.id, b.code, { source: "link" })).toEqual({ referrerId: b.id, changed: true });
    expect(await ancestorsOf(child)).toEqual([[m.id, 1], [b.id, 2]]);
    // A live binding is never moved, even with re-binding on.
    const n = await newMember(a.code);
    await expect(bindReferrer(db, n, b.code)).rejects.toMatchObject({ code: "conflict", errors: [{ message: "referral.errors.alreadyBound" }] });
    // Expired but unwritten + re-binding on: moved in one step (one event old → new).
    clock.set(days(22));
    expect(await bindReferrer(db, n, b.code, { source: "code" })).toEqual({ referrerId: b.id, changed: true });
    expect((await eventsOf(n)).map((e) => [e.oldDistributorId, e.newDistributorId])).toEqual([
      [null, a.id],
      [a.id, b.id],
    ]);
    expect(await ancestorsOf(n)).toEqual([[b.id, 1]]);
  });
});

describe.runIf(onPostgres())("binding under concurrency (real Postgres)", () => {
  test("the same new member bound from two links at once: exactly one binding, one event, one set of paths", async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await newDistributor(), await newDistributor()];
      const m = await newMember();
      const results = await Promise.allSettled([bindReferrer(db, m, a.code, { source: "link" }), bindReferrer(db, m, b.code, { source: "link" })]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["conflict"]);
      expect(await eventsOf(m)).toHaveLength(1);
      expect(await ancestorsOf(m)).toEqual([[await referrerOf(m), 1]]);
    }
  });

  test("two distributors binding to each other at once: one wins, no cycle", async () => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = [await newDistributor(), await newDistributor()];
      const results = await Promise.allSettled([bindReferrer(db, a.id, b.code), bindReferrer(db, b.id, a.code)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const cycles = await db
        .select()
        .from(referralPaths)
        .where(eq(referralPaths.ancestorId, referralPaths.descendantId));
      expect(cycles).toEqual([]);
      const up = [...(await ancestorsOf(a.id)), ...(await ancestorsOf(b.id))];
      expect(up).toHaveLength(1);
    }
  });

  test("a cycle across four members closed by two concurrent bindings that share no member is refused", async () => {
    // A above D, C above B; binding A under B and C under D at once would close B→A→D→C→B.
    for (let round = 0; round < 5; round++) {
      const a = await newDistributor();
      const d = await newDistributor(a.code);
      const c = await newDistributor();
      const b = await newDistributor(c.code);
      const results = await Promise.allSettled([bindReferrer(db, a.id, b.code), bindReferrer(db, c.id, d.code)]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(["not-eligible"]);
      const self = await db.select().from(referralPaths).where(eq(referralPaths.ancestorId, referralPaths.descendantId));
      expect(self).toEqual([]);
    }
  });
});

describe("my referrer, binding history, admin rebind", () => {
  test("history lists every change newest first with names and codes; my referrer shows the expiry and a lapse", async () => {
    const clock = freezeClock(T0);
    await publishDistribution({ binding: { expiryDays: 30 } });
    const [a, b] = [await newDistributor(), await newDistributor()];
    const m = await newMember(a.code);
    expect(await getMyReferrer(m)).toMatchObject({ referrer: { id: a.id, code: a.code }, expiresAt: days(30), lapsed: false });
    clock.set(days(1));
    const staff = { userId: b.id, email: "admin@example.com" };
    expect(await adminRebind({ memberId: m, referralCode: b.code, reason: "moved by request" }, staff)).toEqual({ referrerId: b.id, changed: true });
    const history = await listBindingHistory(m);
    expect(history.map((h) => [h.from?.id ?? null, h.to?.id ?? null, h.source, h.mode, h.reason, h.actor])).toEqual([
      [a.id, b.id, "admin", "admin", "moved by request", `user:${b.id}`],
      [null, a.id, "code", "signup", "", "system"],
    ]);
    expect(history[0]!.to).toMatchObject({ code: b.code, name: "Test" });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, m));
    expect(entry).toMatchObject({ action: "member.rebind", before: { referrerId: a.id }, after: { referrerId: b.id, reason: "moved by request" } });
    clock.set(days(40));
    expect(await getMyReferrer(m)).toMatchObject({ referrer: { id: b.id }, expiresAt: days(31), lapsed: true });
    expect(await getMyReferrer(await newMember())).toEqual({ referrer: null, expiresAt: null, lapsed: false });
  });

  test("admin rebind needs a reason and still refuses self and cycles; nothing written", async () => {
    const top = await newDistributor();
    const low = await newDistributor(top.code);
    const staff = { userId: top.id, email: "admin@example.com" };
    await expect(adminRebind({ memberId: low.id, referralCode: top.code, reason: " " }, staff)).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "reason" }] });
    await expect(adminRebind({ memberId: top.id, referralCode: low.code, reason: "try a cycle" }, staff)).rejects.toMatchObject({ code: "not-eligible", errors: [{ message: "referral.errors.cycle" }] });
    await expect(adminRebind({ memberId: top.id, referralCode: top.code, reason: "try self" }, staff)).rejects.toMatchObject({ code: "not-eligible", errors: [{ message: "referral.errors.self" }] });
    expect(await listBindingHistory(top.id)).toEqual([]);
    expect(await db.select().from(auditLog).where(eq(auditLog.targetId, top.id))).toEqual([]);
  });
});

describe("referral funnel", () => {
  test("clicks → sign-ups → first orders → repeat buyers, over the chosen period only", async () => {
    const clock = freezeClock(T0);
    const d = await newDistributor();
    const other = await newDistributor();
    // 40 days ago: one click and one sign-up who ordered twice (outside a 30-day period).
    clock.set(days(-40));
    await recordReferralVisit({ code: d.code, ip: "9.9.9.9", userAgent: "old" });
    const old = (await signUp({ email: email(), password: "password-123", name: "Old", referralCode: d.code })).userId;
    await ingestOrder(testOrder(old), { actor });
    clock.set(days(-2));
    await ingestOrder(testOrder(old), { actor });
    // In the period: 3 clicks by 2 visitors, 3 sign-ups; one orders once, one twice, one never.
    clock.set(days(-10));
    for (const ip of ["1.1.1.1", "1.1.1.1", "2.2.2.2"]) await recordReferralVisit({ code: d.code, ip, userAgent: "ua" });
    await recordReferralVisit({ code: other.code, ip: "3.3.3.3", userAgent: "ua" });
    const [once, twice, never] = [
      (await signUp({ email: email(), password: "password-123", name: "A", referralCode: d.code, referralSource: "link" })).userId,
      (await signUp({ email: email(), password: "password-123", name: "B", referralCode: d.code })).userId,
      (await signUp({ email: email(), password: "password-123", name: "C", referralCode: d.code })).userId,
    ];
    void never;
    clock.set(days(-5));
    await ingestOrder(testOrder(once), { actor });
    await ingestOrder(testOrder(twice), { actor });
    await ingestOrder(testOrder(twice), { actor });
    await ingestOrder(testOrder(twice), { actor });
    clock.set(T0);
    expect(await referralFunnel(d.id, { days: 30 })).toMatchObject({ clicks: 3, visitors: 2, signups: 3, firstOrders: 2, repeatBuyers: 1 });
    expect(await referralFunnel(d.id, { days: 90 })).toMatchObject({ clicks: 4, visitors: 3, signups: 4, firstOrders: 3, repeatBuyers: 2 });
    expect(await referralFunnel(d.id, { days: 7 })).toMatchObject({ clicks: 0, signups: 0, firstOrders: 0, repeatBuyers: 0 });
    expect(await referralFunnel(other.id, { days: 30 })).toMatchObject({ clicks: 1, signups: 0 });
  });
});
