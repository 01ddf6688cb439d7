// Defining scheduled grants (admin): create, edit, enable/disable, run now — each audited with
// what it was before and after — and the list with each grant's next and last run.
import { desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { SCHEDULED_GRANT_KINDS, scheduledGrantRuns, scheduledGrants, type ScheduledGrant, type ScheduledGrantRun } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { MAX_GRANT_POINTS } from "@/lib/admin-members/grant-csv";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { startRun, today } from "./run-grants";
import { isDue, nextRunDay } from "./schedule";

const E = (k: string) => ({ error: `scheduledGrants.errors.${k}` });
const blank = (v: unknown) => (v === "" || v === null ? undefined : v);
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blank, s.optional());
const amount = z.coerce.number(E("points")).int(E("points")).min(1, E("points")).max(MAX_GRANT_POINTS, E("points"));

export const scheduledGrantSchema = z
  .object({
    name: z.string(E("name")).trim().min(1, E("name")).max(100, E("name")),
    kind: z.enum(SCHEDULED_GRANT_KINDS, E("kind")),
    birthdayMode: opt(z.enum(["day", "month"], E("birthdayMode"))),
    dayOfMonth: opt(z.coerce.number(E("dayOfMonth")).int(E("dayOfMonth")).min(1, E("dayOfMonth")).max(28, E("dayOfMonth"))),
    runOn: opt(z.iso.date(E("runOn"))),
    tierCode: opt(z.string().trim().max(40)),
    joinedFrom: opt(z.iso.date(E("day"))),
    joinedTo: opt(z.iso.date(E("day"))),
    points: amount,
    // Per tier: an amount instead of `points` (0: the tier gets nothing); a blank field is no override.
    tierPoints: z.record(z.string(), z.coerce.number(E("tierPoints")).int(E("tierPoints")).min(0, E("tierPoints")).max(MAX_GRANT_POINTS, E("tierPoints"))).default({}),
    expiryDays: opt(z.coerce.number(E("expiryDays")).int(E("expiryDays")).min(1, E("expiryDays")).max(3650, E("expiryDays"))),
    reason: z.string(E("reason")).trim().min(3, E("reason")).max(300, E("reason")),
    enabled: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "birthday" && !v.birthdayMode) ctx.addIssue({ code: "custom", path: ["birthdayMode"], message: E("birthdayMode").error });
    if (v.kind === "monthly" && !v.dayOfMonth) ctx.addIssue({ code: "custom", path: ["dayOfMonth"], message: E("dayOfMonth").error });
    if (v.kind === "once" && !v.runOn) ctx.addIssue({ code: "custom", path: ["runOn"], message: E("runOn").error });
  });
export type ScheduledGrantInput = z.output<typeof scheduledGrantSchema>;

/** The columns an input sets (fields that do not apply to its kind are cleared). */
function columnsOf(v: ScheduledGrantInput) {
  const segment = v.kind === "birthday" ? {} : Object.fromEntries(Object.entries({ tierCode: v.tierCode, joinedFrom: v.joinedFrom, joinedTo: v.joinedTo }).filter(([, x]) => x));
  return {
    name: v.name,
    kind: v.kind,
    birthdayMode: v.kind === "birthday" ? v.birthdayMode! : null,
    dayOfMonth: v.kind === "monthly" ? v.dayOfMonth! : null,
    runOn: v.kind === "once" ? v.runOn! : null,
    segment,
    points: v.points,
    tierPoints: v.tierPoints,
    expiryDays: v.expiryDays ?? null,
    reason: v.reason,
    enabled: v.enabled,
  };
}

/** What the audit log keeps of a grant (its definition, no bookkeeping). */
const auditView = (g: ScheduledGrant | ReturnType<typeof columnsOf>) => {
  const c = g as ReturnType<typeof columnsOf>;
  return { name: c.name, kind: c.kind, birthdayMode: c.birthdayMode, dayOfMonth: c.dayOfMonth, runOn: c.runOn, segment: c.segment, points: c.points, tierPoints: c.tierPoints, expiryDays: c.expiryDays, reason: c.reason, enabled: c.enabled };
};

export async function createScheduledGrant(input: ScheduledGrantInput, actor: AuditActor): Promise<ScheduledGrant> {
  return db.transaction(async (tx) => {
    const at = now();
    const cols = columnsOf(input);
    const [g] = await tx.insert(scheduledGrants).values({ id: newId(), ...cols, createdBy: actor.userId, createdByLabel: actor.email, createdAt: at, updatedAt: at }).returning();
    await audit(tx, actor, { action: "scheduled-grant.create", targetType: "scheduled-grant", targetId: g!.id, after: auditView(cols) });
    return g!;
  });
}

export async function updateScheduledGrant(id: string, input: ScheduledGrantInput, actor: AuditActor): Promise<ScheduledGrant> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(scheduledGrants).where(eq(scheduledGrants.id, id)).for("update");
    if (!before) throw new DomainError("not-found", `no scheduled grant ${id}`);
    const cols = columnsOf(input);
    const [g] = await tx.update(scheduledGrants).set({ ...cols, updatedAt: now() }).where(eq(scheduledGrants.id, id)).returning();
    await audit(tx, actor, { action: "scheduled-grant.update", targetType: "scheduled-grant", targetId: id, before: auditView(before), after: auditView(cols) });
    return g!;
  });
}

export async function setScheduledGrantEnabled(id: string, enabled: boolean, actor: AuditActor): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(scheduledGrants).where(eq(scheduledGrants.id, id)).for("update");
    if (!before) throw new DomainError("not-found", `no scheduled grant ${id}`);
    if (before.enabled === enabled) return;
    await tx.update(scheduledGrants).set({ enabled, updatedAt: now() }).where(eq(scheduledGrants.id, id));
    await audit(tx, actor, { action: enabled ? "scheduled-grant.enable" : "scheduled-grant.disable", targetType: "scheduled-grant", targetId: id, before: { enabled: before.enabled }, after: { enabled } });
  });
}

export async function getScheduledGrant(id: string): Promise<ScheduledGrant | null> {
  const [g] = await db.select().from(scheduledGrants).where(eq(scheduledGrants.id, id));
  return g ?? null;
}

/**
 * "Run now": the grant's run for today's key, started (or taken over) and audited; the caller runs
 * it (executeRun) after responding. Refused for a disabled grant or one not due yet (a one-off
 * before its date, a monthly grant before its day).
 */
export async function startRunNow(id: string, actor: AuditActor): Promise<{ grant: ScheduledGrant; run: ScheduledGrantRun; day: string }> {
  const g = await getScheduledGrant(id);
  if (!g) throw new DomainError("not-found", `no scheduled grant ${id}`);
  if (!g.enabled) throw new DomainError("conflict", "the grant is disabled", { params: { reason: "disabled" } });
  const day = today();
  if (!isDue(g, day)) throw new DomainError("conflict", "the grant is not due yet", { params: { reason: "not-due" } });
  const run = await startRun(g, day, "manual", actor.email);
  await audit(db, actor, { action: "scheduled-grant.run", targetType: "scheduled-grant", targetId: id, after: { runId: run.id, runKey: run.runKey } });
  return { grant: g, run, day };
}

export async function getRun(runId: string): Promise<ScheduledGrantRun | null> {
  const [r] = await db.select().from(scheduledGrantRuns).where(eq(scheduledGrantRuns.id, runId));
  return r ?? null;
}

export interface GrantListRow {
  grant: ScheduledGrant;
  lastRun: ScheduledGrantRun | null;
  nextRun: string | null;
}

/** Grants newest first, each with its latest run and the day the schedule runs it next. */
export async function listScheduledGrants(limit = 100): Promise<GrantListRow[]> {
  const grants = await db.select().from(scheduledGrants).orderBy(desc(scheduledGrants.createdAt), desc(scheduledGrants.id)).limit(limit);
  if (!grants.length) return [];
  const runs = await db
    .selectDistinctOn([scheduledGrantRuns.grantId])
    .from(scheduledGrantRuns)
    .where(inArray(scheduledGrantRuns.grantId, grants.map((g) => g.id)))
    .orderBy(scheduledGrantRuns.grantId, desc(scheduledGrantRuns.runKey), desc(scheduledGrantRuns.startedAt));
  const last = new Map(runs.map((r) => [r.grantId, r]));
  const day = today();
  return grants.map((g) => {
    const r = last.get(g.id) ?? null;
    return { grant: g, lastRun: r, nextRun: nextRunDay(g, day, new Set(r?.status === "done" ? [r.runKey] : [])) };
  });
}
