import { afterEach, describe, expect, test } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, distributorApplications, distributors, users } from "@/db/schema";
import { onPostgres } from "@/db/testing/database";
import { freezeClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { signUp } from "@/lib/members/sign-up";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { applyForDistributor, approveApplication, becomeDistributorNow, listApplications, myDistributorStatus, rejectApplication } from "./become-distributor";
import { newDistributor, newMember, publishDistribution, testOrder } from "./testing";

const T0 = new Date("2026-11-23T04:00:00Z");
const reviewer = { userId: newId(), email: "admin@test" };
const isDistributor = async (id: string) => (await db.select().from(distributors).where(eq(distributors.memberId, id))).length === 1;

afterEach(async () => {
  await publishDistribution({});
});

describe("apply mode (the default)", () => {
  test("a member applies with a note, sees it pending; approval makes them a distributor, audited", async () => {
    freezeClock(T0);
    const m = await newMember();
    const app = await applyForDistributor(m, { note: "  I run a tea club  " });
    expect(app).toMatchObject({ status: "pending", note: "I run a tea club" });
    expect((await myDistributorStatus(m)).latest?.status).toBe("pending");
    expect((await listApplications()).rows.map((r) => r.application.id)).toContain(app.id);

    await approveApplication(app.id, reviewer);
    expect(await isDistributor(m)).toBe(true);
    const [user] = await db.select({ roles: users.roles }).from(users).where(eq(users.id, m));
    expect(user!.roles).toContain("distributor");
    const s = await myDistributorStatus(m);
    expect(s).toMatchObject({ isDistributor: true, latest: { status: "approved" } });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.targetId, app.id), eq(auditLog.action, "distributor-application.approve")));
    expect(entry).toMatchObject({ actorId: reviewer.userId, after: { status: "approved" } });
  });

  test("rejection needs a reason, which the member sees; then they may apply again", async () => {
    freezeClock(T0);
    const m = await newMember();
    const app = await applyForDistributor(m, {});
    await expect(rejectApplication(app.id, { reason: "  " }, reviewer)).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "reason" }] });
    expect((await myDistributorStatus(m)).latest?.status).toBe("pending");
    await rejectApplication(app.id, { reason: "No shop details yet" }, reviewer);
    expect((await myDistributorStatus(m)).latest).toMatchObject({ status: "rejected", reason: "No shop details yet" });
    expect(await isDistributor(m)).toBe(false);
    const again = await applyForDistributor(m, { note: "Added details" });
    expect(again.status).toBe("pending");
    expect(await db.select().from(distributorApplications).where(eq(distributorApplications.memberId, m))).toHaveLength(2);
  });

  test.each([
    { what: "a second pending application", setup: async (m: string) => void (await applyForDistributor(m, {})), code: "duplicate" },
    { what: "a member who is already a distributor", setup: async (m: string) => void (await approveApplication((await applyForDistributor(m, {})).id, reviewer)), code: "not-eligible" },
  ])("refused: $what, nothing written", async ({ setup, code }) => {
    freezeClock(T0);
    const m = await newMember();
    await setup(m);
    const before = await db.select().from(distributorApplications).where(eq(distributorApplications.memberId, m));
    await expect(applyForDistributor(m, {})).rejects.toMatchObject({ code });
    expect(await db.select().from(distributorApplications).where(eq(distributorApplications.memberId, m))).toHaveLength(before.length);
  });

  test("a note over 500 characters is refused", async () => {
    const m = await newMember();
    await expect(applyForDistributor(m, { note: "x".repeat(501) })).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "note" }] });
  });

  test("a decided application cannot be decided again (conflict, nothing changes)", async () => {
    const m = await newMember();
    const app = await applyForDistributor(m, {});
    await rejectApplication(app.id, { reason: "no" }, reviewer);
    await expect(approveApplication(app.id, reviewer)).rejects.toMatchObject({ code: "conflict", params: { status: "rejected" } });
    expect(await isDistributor(m)).toBe(false);
    await expect(approveApplication(newId(), reviewer)).rejects.toMatchObject({ code: "not-found" });
  });

  test("applications are closed in other modes", async () => {
    await publishDistribution({ becomeDistributor: { mode: "threshold", thresholdCents: 100 } });
    const m = await newMember();
    await expect(applyForDistributor(m, {})).rejects.toMatchObject({ code: "not-eligible", params: { reason: "mode-threshold" } });
  });
});

describe("everyone mode (人人分销)", () => {
  test("a new sign-up is a distributor at once; an existing member becomes one on a visit or their next order", async () => {
    await publishDistribution({ becomeDistributor: { mode: "everyone" } });
    const { userId } = await signUp({ email: `e-${newId()}@t.test`, password: "a-long-password-1", name: "Everyone" });
    expect(await isDistributor(userId)).toBe(true);

    const visitor = await newMember();
    expect(await becomeDistributorNow(visitor)).toBe(true);
    expect(await becomeDistributorNow(visitor)).toBe(false);
    expect(await isDistributor(visitor)).toBe(true);

    const buyer = await newMember();
    await ingestOrder(testOrder(buyer), { actor: "test" });
    expect(await isDistributor(buyer)).toBe(true);
  });

  test("in apply mode nobody becomes one by signing up or ordering", async () => {
    const { userId } = await signUp({ email: `a-${newId()}@t.test`, password: "a-long-password-1", name: "Apply" });
    await ingestOrder(testOrder(userId), { actor: "test" });
    expect(await isDistributor(userId)).toBe(false);
  });
});

describe("threshold mode", () => {
  test("the order that takes net spend to the threshold makes the buyer a distributor; refunds count against it", async () => {
    await publishDistribution({ becomeDistributor: { mode: "threshold", thresholdCents: 20_000 } });
    const m = await newMember();
    const order = (cents: number) => testOrder(m, { items: [{ sku: "X", quantity: 1, unitPriceCents: cents }], shippingCents: 0 });
    const first = order(15_000);
    await ingestOrder(first, { actor: "test" });
    expect(await isDistributor(m)).toBe(false);
    await refundOrder(first.externalId, { amountCents: 10_000 }, { actor: "test" });
    await ingestOrder(order(10_000), { actor: "test" }); // net 15000 − 10000 + 10000 = 15000 < 20000
    expect(await isDistributor(m)).toBe(false);
    expect((await myDistributorStatus(m)).netSpendCents).toBe(15_000);
    await ingestOrder(order(5_000), { actor: "test" }); // 20000: reached
    expect(await isDistributor(m)).toBe(true);
  });
});

describe.runIf(onPostgres())("deciding under concurrency (real Postgres)", () => {
  test.each([
    { what: "approve + approve", ops: ["approve", "approve"] },
    { what: "approve + reject", ops: ["approve", "reject"] },
    { what: "five admins at once", ops: ["approve", "reject", "approve", "reject", "approve"] },
  ])("$what: exactly one decision, one audit entry, at most one distributor", async ({ ops }) => {
    const m = await newMember();
    const app = await applyForDistributor(m, {});
    const results = await Promise.allSettled(ops.map((op) => (op === "approve" ? approveApplication(app.id, reviewer) : rejectApplication(app.id, { reason: "no" }, reviewer))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").every((r) => (r as PromiseRejectedResult).reason.code === "conflict")).toBe(true);
    const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, app.id));
    expect(audits).toHaveLength(1);
    const [row] = await db.select().from(distributorApplications).where(eq(distributorApplications.id, app.id));
    expect(await isDistributor(m)).toBe(row!.status === "approved");
  });

  test("ten concurrent applications from one member: one pending", async () => {
    const m = await newMember();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => applyForDistributor(m, {})));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.select().from(distributorApplications).where(eq(distributorApplications.memberId, m))).toHaveLength(1);
  });
});

// The existing distributor fixture still works alongside applications.
test("a distributor made directly (API onboarding) cannot apply", async () => {
  const d = await newDistributor();
  await expect(applyForDistributor(d.id, {})).rejects.toMatchObject({ code: "not-eligible", params: { reason: "already-distributor" } });
});
