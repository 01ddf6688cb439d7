// Becoming a distributor, by the rule setting `becomeDistributor`:
//   everyone  — a member is one from sign-up (existing members on their next order or first visit)
//   apply     — the member applies (optional note); an admin approves, or rejects with a reason the
//               member sees; after a rejection the member may apply again
//   threshold — automatic once the member's net spend (paid − refunded) reaches thresholdCents,
//               checked when an order is ingested
import { and, asc, desc, eq, gt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, rowsOf, type Executor, type Tx } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { distributorApplications, distributors, members, users, type ApplicationStatus, type DistributorApplication } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { now as clockNow } from "@/lib/clock";
import { DomainError, fieldErrors } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import type { DistributionRule } from "@/lib/rules/schema";
import { makeDistributor } from "./make-distributor";

export type BecomeDistributorRule = DistributionRule["becomeDistributor"];

export const applicationNoteSchema = z.object({ note: z.string().trim().max(500, { error: "adminDistribution.validation.noteMax" }).default("") });
export const rejectionSchema = z.object({ reason: z.string().trim().min(1, { error: "adminDistribution.validation.reasonRequired" }).max(500, { error: "adminDistribution.validation.reasonMax" }) });

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new DomainError("invalid-request", "invalid input", { errors: fieldErrors(r.error.issues) });
  return r.data;
}

async function isDistributor(ex: Executor, memberId: string): Promise<boolean> {
  const [d] = await ex.select({ id: distributors.memberId }).from(distributors).where(eq(distributors.memberId, memberId));
  return Boolean(d);
}

/** A member applies (only while the setting is `apply`). One pending application at a time. */
export async function applyForDistributor(memberId: string, input: { note?: unknown }, { ex = db }: { ex?: Executor } = {}): Promise<DistributorApplication> {
  const { note } = parse(applicationNoteSchema, input);
  try {
    return await ex.transaction(async (tx) => {
      const at = clockNow();
      const rules = await loadRuleset(at, tx);
      const mode = rules.distribution.definition.becomeDistributor.mode;
      if (mode !== "apply") throw new DomainError("not-eligible", `applications are closed (mode ${mode})`, { params: { reason: `mode-${mode}` } });
      const [member] = await tx.select({ id: members.id }).from(members).where(eq(members.id, memberId));
      if (!member) throw new DomainError("not-eligible", "only members can apply", { params: { reason: "not-a-member" } });
      if (await isDistributor(tx, memberId)) throw new DomainError("not-eligible", "already a distributor", { params: { reason: "already-distributor" } });
      const [row] = await tx.insert(distributorApplications).values({ id: newId(), memberId, note, createdAt: at }).returning();
      return row!;
    });
  } catch (e) {
    // Two submissions at once: the partial unique index keeps one pending application.
    if (isUniqueViolation(e, "distributor_applications_one_pending_uq")) throw new DomainError("duplicate", "an application is already pending", { params: { reason: "already-pending" } });
    throw e;
  }
}

export interface MyDistributorStatus {
  mode: BecomeDistributorRule["mode"];
  thresholdCents: number | null;
  isDistributor: boolean;
  /** The latest application, if any. */
  latest: DistributorApplication | null;
  /** Net spend so far (threshold mode only). */
  netSpendCents: number | null;
}

export async function myDistributorStatus(memberId: string, { ex = db }: { ex?: Executor } = {}): Promise<MyDistributorStatus> {
  const rules = await loadRuleset(clockNow(), ex);
  const rule = rules.distribution.definition.becomeDistributor;
  const [dist, [latest]] = await Promise.all([
    isDistributor(ex, memberId),
    ex.select().from(distributorApplications).where(eq(distributorApplications.memberId, memberId)).orderBy(desc(distributorApplications.createdAt)).limit(1),
  ]);
  return {
    mode: rule.mode,
    thresholdCents: rule.mode === "threshold" ? rule.thresholdCents : null,
    isDistributor: dist,
    latest: latest ?? null,
    netSpendCents: rule.mode === "threshold" ? await netSpendCents(ex, memberId) : null,
  };
}

async function netSpendCents(ex: Executor, memberId: string): Promise<number> {
  const [row] = rowsOf<{ net: string }>(await ex.execute(sql`select coalesce(sum(paid_cents - refunded_cents), 0)::text net from orders where member_id = ${memberId}`));
  return Number(row?.net ?? 0);
}

/**
 * Makes the member a distributor when the setting says they already are one: `everyone`, or
 * `threshold` with net spend at or over the threshold. Called at sign-up, at order ingestion (in
 * its transaction) and on a member's visit. Cheap: nothing at all under `apply`; otherwise one
 * query (the net spend is summed only for a member who is not a distributor yet, by the orders'
 * member index). Returns whether a distributor was created.
 */
export async function becomeDistributorBySetting(tx: Executor, memberId: string, rule: BecomeDistributorRule): Promise<boolean> {
  if (rule.mode === "apply") return false;
  if (rule.mode === "everyone") {
    if (await isDistributor(tx, memberId)) return false;
  } else {
    // CASE evaluates the sum only when the member is not a distributor yet.
    const [row] = rowsOf<{ net: string | null }>(
      await tx.execute(sql`select case when exists (select 1 from distributors where member_id = ${memberId}) then null
        else (select coalesce(sum(paid_cents - refunded_cents), 0) from orders where member_id = ${memberId})::text end net`),
    );
    if (row?.net == null || Number(row.net) < rule.thresholdCents) return false;
  }
  return (await makeDistributor(memberId, {}, tx)).created;
}

/** The setting in force now, applied to this member (sign-up, first visit). */
export async function becomeDistributorNow(memberId: string, { ex = db }: { ex?: Executor } = {}): Promise<boolean> {
  return ex.transaction(async (tx) => {
    const rules = await loadRuleset(clockNow(), tx);
    return becomeDistributorBySetting(tx, memberId, rules.distribution.definition.becomeDistributor);
  });
}

// ---------------------------------------------------------------- admin side

export interface ApplicationRow {
  application: DistributorApplication;
  email: string;
  name: string;
}

export const APPLICATIONS_PAGE = 50;

/** The queue: pending oldest first (first come, first served); decided ones newest first. Keyset on (createdAt, id). */
export async function listApplications(
  { status = "pending", after, limit = APPLICATIONS_PAGE }: { status?: ApplicationStatus; after?: { createdAt: Date; id: string }; limit?: number } = {},
  ex: Executor = db,
): Promise<{ rows: ApplicationRow[]; next: { createdAt: string; id: string } | null }> {
  const oldestFirst = status === "pending";
  const a = distributorApplications;
  const conds: SQL[] = [eq(a.status, status)];
  if (after) {
    const beyond = oldestFirst ? gt : (c: typeof a.createdAt | typeof a.id, v: Date | string) => sql`${c} < ${v}`;
    conds.push(or(beyond(a.createdAt, after.createdAt), and(eq(a.createdAt, after.createdAt), beyond(a.id, after.id)))!);
  }
  const rows = await ex
    .select({ application: a, email: users.email, name: users.name })
    .from(a)
    .innerJoin(users, eq(users.id, a.memberId))
    .where(and(...conds))
    .orderBy(...(oldestFirst ? [asc(a.createdAt), asc(a.id)] : [desc(a.createdAt), desc(a.id)]))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map((r) => ({ application: r.application, email: r.email, name: r.name ?? "" })),
    next: rows.length > limit && last ? { createdAt: last.application.createdAt.toISOString(), id: last.application.id } : null,
  };
}

export async function countPendingApplications(ex: Executor = db): Promise<number> {
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(distributorApplications).where(eq(distributorApplications.status, "pending"));
  return row?.n ?? 0;
}

/**
 * Decides a pending application. The decision is a conditional update (… where status = 'pending'),
 * so of two admins deciding at once exactly one wins; the other gets a conflict naming the outcome.
 */
async function decide(tx: Tx, id: string, to: "approved" | "rejected", reason: string | null, reviewer: AuditActor): Promise<DistributorApplication> {
  const at = clockNow();
  const [row] = await tx
    .update(distributorApplications)
    .set({ status: to, reason, decidedAt: at, decidedBy: reviewer.userId })
    .where(and(eq(distributorApplications.id, id), eq(distributorApplications.status, "pending")))
    .returning();
  if (!row) {
    const [existing] = await tx.select({ status: distributorApplications.status }).from(distributorApplications).where(eq(distributorApplications.id, id));
    if (!existing) throw new DomainError("not-found", "no such application");
    throw new DomainError("conflict", `the application is already ${existing.status}`, { params: { status: existing.status } });
  }
  let code: string | null = null;
  if (to === "approved") code = (await makeDistributor(row.memberId, {}, tx)).code;
  await audit(tx, reviewer, {
    action: `distributor-application.${to === "approved" ? "approve" : "reject"}`,
    targetType: "distributor-application",
    targetId: row.id,
    before: { status: "pending", memberId: row.memberId },
    after: { status: to, ...(reason ? { reason } : {}), ...(code ? { code } : {}) },
  });
  return row;
}

export async function approveApplication(id: string, reviewer: AuditActor, { ex = db }: { ex?: Executor } = {}): Promise<DistributorApplication> {
  return ex.transaction((tx) => decide(tx, id, "approved", null, reviewer));
}

/** Reject with a reason (mandatory; the member sees it). */
export async function rejectApplication(id: string, input: { reason?: unknown }, reviewer: AuditActor, { ex = db }: { ex?: Executor } = {}): Promise<DistributorApplication> {
  const { reason } = parse(rejectionSchema, input);
  return ex.transaction((tx) => decide(tx, id, "rejected", reason, reviewer));
}
