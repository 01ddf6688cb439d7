import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { auditLog, pointAdjustments, pointEntries } from "@/db/schema";
import { DomainError } from "@/lib/errors";
import { getBalance } from "@/lib/points/get-balance";
import { verifyLedger } from "@/lib/points/verify-ledger";
import { decideAdjustment, needsApproval, requestAdjustment } from "./adjust-points";
import { testAdmin, testMember } from "./testing";

const code = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof DomainError ? `${e.code}${e.params.reason ? `:${e.params.reason}` : ""}` : String(e)));

describe("manual adjustments", () => {
  test.each([
    [10_000, 10_000, false],
    [10_001, 10_000, true],
    [-10_001, 10_000, true],
    [1, 0, true],
  ])("needsApproval(%i, threshold %i) = %s", (points, threshold, expected) => {
    expect(needsApproval(points, threshold)).toBe(expected);
  });

  test("a small adjustment goes through the ledger at once, audited with before and after", async () => {
    const admin = await testAdmin();
    const m = await testMember({ points: 500 });
    const a = await requestAdjustment({ memberId: m, points: 250, reason: "Goodwill: late parcel" }, admin);
    expect(a.status).toBe("applied");
    expect((await getBalance(m)).available).toBe(750);
    const [entry] = await db.select().from(pointEntries).where(eq(pointEntries.id, a.entryId!));
    expect(entry).toMatchObject({ type: "adjust", points: 250, reason: "Goodwill: late parcel", explanation: { kind: "adjustment", adjustmentId: a.id } });
    const [log] = await db.select().from(auditLog).where(eq(auditLog.targetId, m));
    expect(log).toMatchObject({ action: "points.adjust", before: { available: 500 }, after: { available: 750, points: 250 } });
    // taking away more than the member has is refused and writes nothing
    expect(await code(requestAdjustment({ memberId: m, points: -751, reason: "Clawback" }, admin))).toBe("insufficient-points");
    expect(await db.select().from(pointAdjustments).where(eq(pointAdjustments.memberId, m))).toHaveLength(1);
    await requestAdjustment({ memberId: m, points: -750, reason: "Clawback" }, admin);
    expect((await getBalance(m)).available).toBe(0);
  });

  test("a big one waits for a different admin; the requester cannot approve their own", async () => {
    const asker = await testAdmin();
    const approver = await testAdmin();
    const m = await testMember();
    const a = await requestAdjustment({ memberId: m, points: 20_000, reason: "Campaign prize" }, asker);
    expect(a.status).toBe("pending");
    expect((await getBalance(m)).available).toBe(0);
    expect(await code(decideAdjustment({ id: a.id, decision: "approve", note: null }, asker))).toBe("forbidden:own");
    const done = await decideAdjustment({ id: a.id, decision: "approve", note: "ok" }, approver);
    expect(done).toMatchObject({ status: "applied", decidedBy: approver.userId });
    expect((await getBalance(m)).available).toBe(20_000);
    expect(await code(decideAdjustment({ id: a.id, decision: "reject", note: null }, approver))).toBe("conflict:decided");
    const logs = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, m));
    expect(logs.map((l) => l.action).sort()).toEqual(["points.adjustment.approve", "points.adjustment.request"]);
  });

  test("an approval the ledger refuses rolls back: the adjustment stays pending", async () => {
    const [asker, approver] = [await testAdmin(), await testAdmin()];
    const m = await testMember({ points: 100 });
    const a = await requestAdjustment({ memberId: m, points: -50_000, reason: "Fraud clawback" }, asker);
    expect(await code(decideAdjustment({ id: a.id, decision: "approve", note: null }, approver))).toBe("insufficient-points");
    const [row] = await db.select().from(pointAdjustments).where(eq(pointAdjustments.id, a.id));
    expect(row!.status).toBe("pending");
    await decideAdjustment({ id: a.id, decision: "reject", note: "not enough points" }, approver);
    expect((await getBalance(m)).available).toBe(100);
  });

  test("concurrent approvals and rejections: exactly one decision, points applied once", async () => {
    const asker = await testAdmin();
    const approvers = await Promise.all(Array.from({ length: 6 }, () => testAdmin()));
    const m = await testMember();
    for (let round = 0; round < 5; round++) {
      const a = await requestAdjustment({ memberId: m, points: 15_000, reason: `Prize ${round}` }, asker);
      const results = await Promise.all(approvers.map((who, i) => code(decideAdjustment({ id: a.id, decision: i % 3 === 2 ? "reject" : "approve", note: null }, who))));
      expect(results.filter((r) => r === "ok")).toHaveLength(1);
      expect(results.filter((r) => r !== "ok").every((r) => r === "conflict:decided")).toBe(true);
      const entries = await db.select().from(pointEntries).where(eq(pointEntries.memberId, m));
      const [row] = await db.select().from(pointAdjustments).where(eq(pointAdjustments.id, a.id));
      expect(entries.filter((e) => (e.explanation as { adjustmentId?: string } | null)?.adjustmentId === a.id)).toHaveLength(row!.status === "applied" ? 1 : 0);
    }
    const applied = await db.select().from(pointAdjustments).where(eq(pointAdjustments.memberId, m));
    expect((await getBalance(m)).available).toBe(applied.filter((a) => a.status === "applied").length * 15_000);
    expect((await verifyLedger()).mismatches).toEqual([]);
  });
});
