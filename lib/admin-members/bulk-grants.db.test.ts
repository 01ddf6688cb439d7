import { eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { auditLog, grantRows, pointEntries } from "@/db/schema";
import { freezeClock } from "@/lib/clock";
import { getBalance } from "@/lib/points/get-balance";
import { verifyLedger } from "@/lib/points/verify-ledger";
import { createGrantJob, grantJob, previewCsv, previewSegment, runGrantJob } from "./bulk-grants";
import { parseGrantCsv } from "./grant-csv";
import { testAdmin, testMember } from "./testing";

const grantEntries = async (memberId: string) => (await db.select().from(pointEntries).where(eq(pointEntries.memberId, memberId))).filter((e) => (e.explanation as { kind?: string } | null)?.kind === "grant");

describe("bulk grants", () => {
  test("CSV: preview, then a job that grants each row once — double submit and concurrent re-runs included", async () => {
    freezeClock("2026-04-01T02:00:00Z");
    const admin = await testAdmin();
    const a = await testMember({ email: "grant.a@shop.test" });
    const b = await testMember();
    const csv = `member,points,reason\nGrant.A@shop.test,100,Survey thanks\n${b},250,Survey thanks\nnobody@shop.test,10,Survey thanks\n${a},5,Second line for a`;
    const { lines, errors } = parseGrantCsv(csv);
    expect(errors).toEqual([]);
    const preview = await previewCsv(lines);
    expect(preview).toMatchObject({ count: 3, totalPoints: 355, unknown: [4] });
    expect(preview.sample.map((s) => s.email)).toEqual(["grant.a@shop.test", `${b}@members.test`, "grant.a@shop.test"]);

    const [first, second] = await Promise.all([createGrantJob({ source: "csv", lines, label: "Survey" }, admin), createGrantJob({ source: "csv", lines, label: "Survey" }, admin)]);
    expect(first.job.id).toBe(second.job.id);
    expect([first.created, second.created].sort()).toEqual([false, true]);

    // two runners at once, then a third later: every row granted exactly once
    await Promise.all([runGrantJob(first.job.id, { batch: 1 }), runGrantJob(first.job.id, { batch: 1 })]);
    const done = await runGrantJob(first.job.id);
    expect(done).toMatchObject({ status: "done", total: 4, processed: 4, granted: 3, failed: 1, pointsGranted: 355 });
    expect((await getBalance(a)).available).toBe(105);
    expect((await getBalance(b)).available).toBe(250);
    expect(await grantEntries(a)).toHaveLength(2);
    expect((await grantJob(first.job.id))!.errors).toEqual([{ rowNo: 4, memberRef: "nobody@shop.test", error: "member" }]);
    const logs = await db.select().from(auditLog).where(eq(auditLog.targetId, first.job.id));
    expect(logs.map((l) => l.action)).toEqual(["points.bulk-grant.create"]);
    expect((await verifyLedger()).mismatches).toEqual([]);
  });

  test("segment: by tier and join date; the same segment submitted again is the same job", async () => {
    const clock = freezeClock("2026-05-01T02:00:00Z");
    const admin = await testAdmin();
    const gold = await testMember({ tierCode: "gold" });
    clock.set("2026-06-15T02:00:00Z");
    const goldLater = await testMember({ tierCode: "gold" });
    await testMember({ tierCode: "silver" });
    const segment = { tierCode: "gold", joinedFrom: "2026-06-01", joinedTo: "2026-06-30", points: 500, reason: "Gold welcome" };
    expect(await previewSegment(segment)).toMatchObject({ count: 1, totalPoints: 500 });
    const { job } = await createGrantJob({ source: "segment", segment, label: "Gold June" }, admin);
    expect(job.total).toBe(1);
    expect(await runGrantJob(job.id)).toMatchObject({ status: "done", granted: 1, pointsGranted: 500 });
    const again = await createGrantJob({ source: "segment", segment, label: "Gold June" }, admin);
    expect(again).toMatchObject({ created: false, job: { id: job.id } });
    await runGrantJob(job.id);
    expect((await getBalance(goldLater)).available).toBe(500);
    expect((await getBalance(gold)).available).toBe(0);
    const [{ n }] = (await db.select({ n: sql<number>`count(*)::int` }).from(grantRows).where(eq(grantRows.jobId, job.id))) as [{ n: number }];
    expect(n).toBe(1);
  });
});
