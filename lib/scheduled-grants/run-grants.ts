// Running scheduled grants: from `npm run maintenance` / `npm run grants:run` (every enabled grant
// that is due today) or an admin's "run now" (one grant).
//
// Exactly once per (grant, member, period), however many runners: each award is a transaction that
// first inserts the award row under its unique key (scheduled_grant_awards_uq) and only then
// credits the ledger. A second runner reaching the same member blocks on that key until the first
// commits, then inserts nothing and moves on; if the credit fails, the award row rolls back with it
// and the next run tries again. Members are walked in batches by keyset (id > last) on indexes —
// the (birth month, birth day, id) expression index for birthdays, the primary key for segments —
// skipping those already paid for the period (an index probe on the award key), so a re-run costs
// only the members still to pay.
//
// Frozen members earn nothing: the award transaction reads the member (FOR SHARE, so a concurrent
// freeze waits or is seen) and pays nothing while they are frozen. Birthday day mode looks back to
// the last run's day (see birthdayWindow), so a member frozen on their birthday and unfrozen the next
// day is paid by the next day's run; later than that, the birthday is gone for the year.
import { and, asc, desc, eq, gt, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { members, scheduledGrantAwards, scheduledGrantRuns, scheduledGrants, type ScheduledGrant, type ScheduledGrantRun } from "@/db/schema";
import { segmentWhere } from "@/lib/admin-members/bulk-grants";
import { now, DAY_MS } from "@/lib/clock";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { credit } from "@/lib/points/ledger";
import { expiresAt } from "@/lib/rules/expiry";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { localDay } from "@/lib/rules/usage";
import { birthdayTargets, isDue, pointsFor, runKeyOf, segmentPeriodOf } from "./schedule";

export const today = (at: Date = now()) => localDay(at, env.DEPLOYMENT_TZ).day;

const birthMonth = sql`(extract(month from ${members.birthday})::int)`;
const birthDay = sql`(extract(day from ${members.birthday})::int)`;

/** One slice of the members a run considers: a filter on members and the period they are paid in. */
interface Slice {
  where: SQL;
  period: string;
}

async function slicesOf(g: ScheduledGrant, day: string, runKey: string): Promise<Slice[]> {
  if (g.kind !== "birthday") {
    return [{ where: segmentWhere(g.segment) ?? sql`true`, period: segmentPeriodOf(g, day) }];
  }
  // The window starts at the previous run's day (an earlier run key of this grant).
  const [last] = await db
    .select({ key: scheduledGrantRuns.runKey })
    .from(scheduledGrantRuns)
    .where(and(eq(scheduledGrantRuns.grantId, g.id), sql`${scheduledGrantRuns.runKey} < ${runKey}`))
    .orderBy(desc(scheduledGrantRuns.runKey))
    .limit(1);
  return birthdayTargets(g.birthdayMode ?? "day", day, last?.key ?? null, today(g.createdAt)).map((t) => ({
    where: sql`${members.birthday} is not null and ${birthMonth} = ${t.month} and ${birthDay} = ${t.day}`,
    period: t.period,
  }));
}

const unpaid = (g: ScheduledGrant, period: string) =>
  sql`not exists (select 1 from ${scheduledGrantAwards} a where a.grant_id = ${g.id} and a.period = ${period} and a.member_id = ${members.id})`;

/** The run row for the grant's current run key: created, or taken over (status back to running). */
export async function startRun(g: ScheduledGrant, day: string, trigger: "schedule" | "manual", by: string | null): Promise<ScheduledGrantRun> {
  const at = now();
  const [run] = await db
    .insert(scheduledGrantRuns)
    .values({ id: newId(), grantId: g.id, runKey: runKeyOf(g, day), trigger, triggeredByLabel: by, status: "running", startedAt: at })
    .onConflictDoUpdate({ target: [scheduledGrantRuns.grantId, scheduledGrantRuns.runKey], set: { status: "running", trigger, triggeredByLabel: by, finishedAt: null } })
    .returning();
  return run!;
}

export interface RunCounts {
  candidates: number;
  granted: number;
  points: number;
  skippedFrozen: number;
  failed: number;
}

/** Pays everyone the run still owes, then marks it done. Safe to call twice at once or again later. */
export async function executeRun(g: ScheduledGrant, run: ScheduledGrantRun, day: string, { batch = 500 } = {}): Promise<RunCounts> {
  const at = now();
  const earning = (await loadRuleset(at)).earning;
  const lotExpiry = g.expiryDays ? new Date(at.getTime() + g.expiryDays * DAY_MS) : expiresAt(earning.definition.expiry, at, env.DEPLOYMENT_TZ);
  const slices = await slicesOf(g, day, run.runKey);
  const mine: RunCounts = { candidates: 0, granted: 0, points: 0, skippedFrozen: 0, failed: 0 };

  // How many are due (for the progress bar): what is still unpaid now, or what an earlier runner saw.
  let due = 0;
  for (const s of slices) {
    const [c] = await db.select({ n: sql<number>`count(*)::int` }).from(members).where(and(s.where, unpaid(g, s.period)));
    due += c?.n ?? 0;
  }
  await db.update(scheduledGrantRuns).set({ candidates: sql`greatest(${scheduledGrantRuns.candidates}, ${due})` }).where(eq(scheduledGrantRuns.id, run.id));

  for (const s of slices) {
    let after: string | null = null;
    for (;;) {
      const rows: { id: string }[] = await db
        .select({ id: members.id })
        .from(members)
        .where(and(s.where, unpaid(g, s.period), after ? gt(members.id, after) : undefined))
        .orderBy(asc(members.id))
        .limit(batch);
      if (!rows.length) break;
      for (const r of rows) {
        const outcome = await award(g, run, r.id, s.period, { at, lotExpiry, ruleVersionId: earning.id });
        if (outcome === "frozen") mine.skippedFrozen++;
        else if (outcome === "failed") mine.failed++;
        else if (typeof outcome === "number") {
          mine.granted++;
          mine.points += outcome;
        }
      }
      after = rows[rows.length - 1]!.id;
      // Frozen and failed counts are this runner's own tallies; another runner sees the same members, so the larger is the run's.
      await db
        .update(scheduledGrantRuns)
        .set({ skippedFrozen: sql`greatest(${scheduledGrantRuns.skippedFrozen}, ${mine.skippedFrozen})`, failed: sql`greatest(${scheduledGrantRuns.failed}, ${mine.failed})` })
        .where(eq(scheduledGrantRuns.id, run.id));
      if (rows.length < batch) break;
    }
  }
  mine.candidates = due;
  await db.update(scheduledGrantRuns).set({ status: "done", finishedAt: now() }).where(eq(scheduledGrantRuns.id, run.id));
  return mine;
}

type AwardOutcome = number | "paid" | "frozen" | "not-for-tier" | "failed";

async function award(g: ScheduledGrant, run: ScheduledGrantRun, memberId: string, period: string, ctx: { at: Date; lotExpiry: Date | null; ruleVersionId: string }): Promise<AwardOutcome> {
  try {
    return await db.transaction(async (tx): Promise<AwardOutcome> => {
      const [m] = await tx.select({ tierCode: members.tierCode, frozenAt: members.frozenAt }).from(members).where(eq(members.id, memberId)).for("share");
      if (!m) return "failed";
      if (m.frozenAt) return "frozen";
      const points = pointsFor(g, m.tierCode);
      if (points <= 0) return "not-for-tier";
      // The unique key decides who pays: a concurrent runner waits here, then finds the row taken.
      const [mine] = await tx
        .insert(scheduledGrantAwards)
        .values({ grantId: g.id, memberId, period, runId: run.id, points, createdAt: ctx.at })
        .onConflictDoNothing()
        .returning({ memberId: scheduledGrantAwards.memberId });
      if (!mine) return "paid";
      const { entry } = await credit(tx, {
        memberId,
        points,
        type: "adjust",
        reason: g.reason,
        actor: `grant:${g.id}`,
        explanation: { kind: "scheduled-grant", grantId: g.id, grantName: g.name, runId: run.id, runKey: run.runKey, period },
        availableAt: ctx.at,
        expiresAt: ctx.lotExpiry,
        ruleVersionIds: [ctx.ruleVersionId],
      });
      await tx
        .update(scheduledGrantAwards)
        .set({ entryId: entry.id })
        .where(and(eq(scheduledGrantAwards.grantId, g.id), eq(scheduledGrantAwards.period, period), eq(scheduledGrantAwards.memberId, memberId)));
      await tx
        .update(scheduledGrantRuns)
        .set({ granted: sql`${scheduledGrantRuns.granted} + 1`, points: sql`${scheduledGrantRuns.points} + ${points}` })
        .where(eq(scheduledGrantRuns.id, run.id));
      return points;
    });
  } catch (e) {
    if (isDomainError(e)) return "failed";
    throw e;
  }
}

export interface GrantRunResult extends RunCounts {
  grantId: string;
  name: string;
  runKey: string;
}

/**
 * The schedule: every enabled grant due today whose run for today's key is not done yet. Called by
 * npm run maintenance (hourly cron) and npm run grants:run; several instances at once are fine.
 */
export async function runDueGrants({ log }: { log?: (line: string) => void } = {}): Promise<GrantRunResult[]> {
  const day = today();
  const grants = await db.select().from(scheduledGrants).where(eq(scheduledGrants.enabled, true)).orderBy(asc(scheduledGrants.createdAt));
  const out: GrantRunResult[] = [];
  for (const g of grants) {
    if (!isDue(g, day)) continue;
    const key = runKeyOf(g, day);
    const [done] = await db
      .select({ id: scheduledGrantRuns.id })
      .from(scheduledGrantRuns)
      .where(and(eq(scheduledGrantRuns.grantId, g.id), eq(scheduledGrantRuns.runKey, key), eq(scheduledGrantRuns.status, "done")));
    if (done) continue;
    const run = await startRun(g, day, "schedule", null);
    const counts = await executeRun(g, run, day);
    log?.(`grant ${g.name} (${key}): ${counts.granted} granted, ${counts.points} points, ${counts.skippedFrozen} frozen skipped, ${counts.failed} failed`);
    out.push({ grantId: g.id, name: g.name, runKey: key, ...counts });
  }
  return out;
}
