// Bulk grants of points, from a CSV or a member segment: preview (count, total, a sample), then a
// job that grants row by row through the ledger and shows its progress.
//
// Idempotent twice over: the job's `key` is a hash of what is granted (source + lines or segment),
// so submitting the same grant again (a double click, a re-upload) finds the first job; and every
// row has a unique `grantKey` and is granted by a conditional flip `pending → granted` in the same
// transaction as its ledger credit and the job's counters, so re-running a job, or two runners at
// once, grant each row exactly once. A row that cannot be granted is marked `error` with why.
import { createHash } from "node:crypto";
import { and, asc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { grantJobs, grantRows, members, users, type GrantJob, type GrantRow } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { DAY_MS, now } from "@/lib/clock";
import { env } from "@/lib/env";
import { DomainError, isDomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { credit } from "@/lib/points/ledger";
import { parseRuleInstant } from "@/lib/rules";
import { expiresAt } from "@/lib/rules/expiry";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { MAX_GRANT_POINTS, type GrantLine } from "./grant-csv";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = z.iso.date({ error: "adminMembers.errors.day" });

export const segmentSchema = z.object({
  tierCode: z.string().trim().max(40).optional().transform((s) => s || undefined),
  joinedFrom: day.optional().or(z.literal("").transform(() => undefined)),
  joinedTo: day.optional().or(z.literal("").transform(() => undefined)),
  points: z.coerce.number({ error: "adminMembers.errors.grantPoints" }).int({ error: "adminMembers.errors.grantPoints" }).min(1, { error: "adminMembers.errors.grantPoints" }).max(MAX_GRANT_POINTS, { error: "adminMembers.errors.grantPoints" }),
  reason: z.string().trim().min(3, { error: "adminMembers.errors.reason" }).max(300, { error: "adminMembers.errors.reason" }),
});
export type Segment = z.output<typeof segmentSchema>;

/** The segment as a WHERE clause on members (calendar days in the deployment's zone, `to` inclusive); scheduled grants reuse it. */
export function segmentWhere(s: Partial<Pick<Segment, "tierCode" | "joinedFrom" | "joinedTo">>): SQL | undefined {
  const tz = env.DEPLOYMENT_TZ;
  return and(
    s.tierCode ? eq(members.tierCode, s.tierCode) : undefined,
    s.joinedFrom ? gte(members.createdAt, parseRuleInstant(`${s.joinedFrom}T00:00`, tz)) : undefined,
    s.joinedTo ? lt(members.createdAt, new Date(parseRuleInstant(`${s.joinedTo}T00:00`, tz).getTime() + DAY_MS)) : undefined,
  );
}

export interface GrantPreview {
  count: number;
  totalPoints: number;
  sample: { memberRef: string; name: string; email: string; points: number }[];
  /** CSV lines whose member was not found. */
  unknown: number[];
}

/** CSV lines → member ids (by id or email, in two indexed lookups). */
async function resolveLines(lines: GrantLine[]): Promise<Map<string, { id: string; name: string; email: string }>> {
  const ids = [...new Set(lines.map((l) => l.memberRef).filter((r) => UUID.test(r)))];
  const emails = [...new Set(lines.map((l) => l.memberRef).filter((r) => r.includes("@")))];
  const found = new Map<string, { id: string; name: string; email: string }>();
  const pick = { id: members.id, name: users.name, email: users.email };
  for (let i = 0; i < ids.length; i += 1000) {
    for (const r of await db.select(pick).from(members).innerJoin(users, eq(users.id, members.id)).where(inArray(members.id, ids.slice(i, i + 1000)))) found.set(r.id, r);
  }
  for (let i = 0; i < emails.length; i += 1000) {
    for (const r of await db.select(pick).from(users).innerJoin(members, eq(members.id, users.id)).where(inArray(users.email, emails.slice(i, i + 1000)))) found.set(r.email, r);
  }
  return found;
}

export async function previewCsv(lines: GrantLine[]): Promise<GrantPreview> {
  const found = await resolveLines(lines);
  const ok = lines.filter((l) => found.has(l.memberRef));
  return {
    count: ok.length,
    totalPoints: ok.reduce((s, l) => s + l.points, 0),
    sample: ok.slice(0, 5).map((l) => ({ memberRef: l.memberRef, name: found.get(l.memberRef)!.name, email: found.get(l.memberRef)!.email, points: l.points })),
    unknown: lines.filter((l) => !found.has(l.memberRef)).map((l) => l.rowNo),
  };
}

export async function previewSegment(s: Segment): Promise<GrantPreview> {
  const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(members).where(segmentWhere(s));
  const sample = await db.select({ id: members.id, name: users.name, email: users.email }).from(members).innerJoin(users, eq(users.id, members.id)).where(segmentWhere(s)).orderBy(asc(members.id)).limit(5);
  const count = c?.n ?? 0;
  return { count, totalPoints: count * s.points, sample: sample.map((r) => ({ memberRef: r.id, name: r.name, email: r.email, points: s.points })), unknown: [] };
}

const hash = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex").slice(0, 32);

/**
 * Creates the job and its rows (one transaction), or returns the job already made from the same
 * content. Segment members are fixed when the job is made (members joining later are not added).
 */
export async function createGrantJob(input: { source: "csv"; lines: GrantLine[]; label: string } | { source: "segment"; segment: Segment; label: string }, actor: AuditActor): Promise<{ job: GrantJob; created: boolean }> {
  const key = input.source === "csv" ? `csv:${hash(input.lines)}` : `segment:${hash(input.segment)}`;
  const found = input.source === "csv" ? await resolveLines(input.lines) : null;
  return db.transaction(async (tx) => {
    const at = now();
    const id = newId();
    const [job] = await tx
      .insert(grantJobs)
      .values({ id, key, source: input.source, label: input.label, status: "running", total: 0, params: input.source === "segment" ? { segment: input.segment } : {}, createdBy: actor.userId, createdByLabel: actor.email, createdAt: at })
      .onConflictDoNothing({ target: grantJobs.key })
      .returning();
    if (!job) {
      const [existing] = await tx.select().from(grantJobs).where(eq(grantJobs.key, key));
      return { job: existing!, created: false };
    }
    let total: number;
    if (input.source === "csv") {
      const rows = input.lines.map((l) => {
        const m = found!.get(l.memberRef);
        return { jobId: id, rowNo: l.rowNo, grantKey: `${key}:${l.rowNo}`, memberRef: l.memberRef, memberId: m?.id ?? null, points: l.points, reason: l.reason, status: m ? ("pending" as const) : ("error" as const), error: m ? null : "member" };
      });
      for (let i = 0; i < rows.length; i += 1000) await tx.insert(grantRows).values(rows.slice(i, i + 1000));
      total = rows.length;
      const failed = rows.filter((r) => r.status === "error").length;
      await tx.update(grantJobs).set({ total, processed: failed, failed }).where(eq(grantJobs.id, id));
    } else {
      const s = input.segment;
      // One statement however big the segment: the rows are selected and written by Postgres.
      await tx.execute(sql`
        insert into grant_rows (job_id, row_no, grant_key, member_ref, member_id, points, reason, status)
        select ${id}::uuid, (row_number() over (order by ${members.id}))::int, ${key} || ':' || ${members.id}::text, ${members.id}::text, ${members.id}, ${s.points}, ${s.reason}, 'pending'
        from ${members} where ${segmentWhere(s) ?? sql`true`}`);
      const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(grantRows).where(eq(grantRows.jobId, id));
      total = c?.n ?? 0;
      await tx.update(grantJobs).set({ total }).where(eq(grantJobs.id, id));
    }
    await audit(tx, actor, { action: "points.bulk-grant.create", targetType: "grant-job", targetId: id, after: { source: input.source, label: input.label, total, ...(input.source === "segment" ? { segment: input.segment } : {}) } });
    return { job: { ...job, total }, created: true };
  });
}

/** Grants the job's pending rows, in row order, each in its own transaction; safe to run again or twice at once. */
export async function runGrantJob(jobId: string, { batch = 200 } = {}): Promise<GrantJob> {
  const [job] = await db.select().from(grantJobs).where(eq(grantJobs.id, jobId));
  if (!job) throw new DomainError("not-found", `no grant job ${jobId}`);
  let after = 0;
  for (;;) {
    const rows = await db.select().from(grantRows).where(and(eq(grantRows.jobId, jobId), eq(grantRows.status, "pending"), sql`${grantRows.rowNo} > ${after}`)).orderBy(asc(grantRows.rowNo)).limit(batch);
    if (!rows.length) break;
    for (const row of rows) await grantOne(job, row);
    after = rows[rows.length - 1]!.rowNo;
  }
  const [done] = await db
    .update(grantJobs)
    .set({ status: "done", finishedAt: now() })
    .where(and(eq(grantJobs.id, jobId), eq(grantJobs.status, "running"), sql`${grantJobs.processed} >= ${grantJobs.total}`))
    .returning();
  return done ?? (await db.select().from(grantJobs).where(eq(grantJobs.id, jobId)))[0]!;
}

async function grantOne(job: GrantJob, row: GrantRow): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      // The flip decides who grants this row: a second runner finds it no longer pending.
      const [mine] = await tx.update(grantRows).set({ status: "granted" }).where(and(eq(grantRows.grantKey, row.grantKey), eq(grantRows.status, "pending"))).returning({ key: grantRows.grantKey });
      if (!mine) return;
      const at = now();
      const earning = (await loadRuleset(at, tx)).earning;
      const { entry } = await credit(tx, {
        memberId: row.memberId!,
        points: row.points,
        type: "adjust",
        reason: row.reason,
        actor: `admin:${job.createdBy}`,
        explanation: { kind: "grant", jobId: job.id, grantKey: row.grantKey },
        availableAt: at,
        expiresAt: expiresAt(earning.definition.expiry, at, env.DEPLOYMENT_TZ),
        ruleVersionIds: [earning.id],
      });
      await tx.update(grantRows).set({ entryId: entry.id }).where(eq(grantRows.grantKey, row.grantKey));
      await tx.update(grantJobs).set({ processed: sql`${grantJobs.processed} + 1`, granted: sql`${grantJobs.granted} + 1`, pointsGranted: sql`${grantJobs.pointsGranted} + ${row.points}` }).where(eq(grantJobs.id, job.id));
    });
  } catch (e) {
    const why = isDomainError(e) ? e.code : "failed";
    await db.transaction(async (tx) => {
      const [mine] = await tx.update(grantRows).set({ status: "error", error: why }).where(and(eq(grantRows.grantKey, row.grantKey), eq(grantRows.status, "pending"))).returning({ key: grantRows.grantKey });
      if (mine) await tx.update(grantJobs).set({ processed: sql`${grantJobs.processed} + 1`, failed: sql`${grantJobs.failed} + 1` }).where(eq(grantJobs.id, job.id));
    });
  }
}

export async function grantJob(id: string) {
  const [job] = await db.select().from(grantJobs).where(eq(grantJobs.id, id));
  if (!job) return null;
  const errors = await db.select({ rowNo: grantRows.rowNo, memberRef: grantRows.memberRef, error: grantRows.error }).from(grantRows).where(and(eq(grantRows.jobId, id), eq(grantRows.status, "error"))).orderBy(asc(grantRows.rowNo)).limit(200);
  return { job, errors };
}

export function recentGrantJobs(limit = 20) {
  return db.select().from(grantJobs).orderBy(sql`${grantJobs.createdAt} desc`, sql`${grantJobs.id} desc`).limit(limit);
}
