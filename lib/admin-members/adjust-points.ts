// Manual points adjustments. Every point moves through the ledger (lib/points/ledger.ts) in the
// same transaction as the adjustment row and its audit entry. An adjustment bigger than the
// earning rule's `manualAdjustments.approvalAbovePoints` waits for a second admin: the decision is a
// conditional update `where status = 'pending' and requested_by <> approver`, so of two concurrent
// decisions exactly one wins, and the approved points are applied in the approver's transaction
// (a refusal by the ledger — e.g. not enough points to take away — rolls the approval back too).
// Lock order: the adjustment row, then the member's balance row (nothing locks them the other way).
import { and, eq, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Tx } from "@/db/client";
import { members, pointAdjustments, type PointAdjustment } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { getBalance } from "@/lib/points/get-balance";
import { credit, debit } from "@/lib/points/ledger";
import { expiresAt } from "@/lib/rules/expiry";
import { loadRuleset } from "@/lib/rules/load-ruleset";

export const MAX_ADJUSTMENT = 100_000_000;

export const adjustmentSchema = z.object({
  memberId: z.uuid(),
  points: z.coerce
    .number({ error: "adminMembers.errors.points" })
    .int({ error: "adminMembers.errors.points" })
    .min(-MAX_ADJUSTMENT, { error: "adminMembers.errors.points" })
    .max(MAX_ADJUSTMENT, { error: "adminMembers.errors.points" })
    .refine((n) => n !== 0, { error: "adminMembers.errors.points" }),
  reason: z.string().trim().min(3, { error: "adminMembers.errors.reason" }).max(300, { error: "adminMembers.errors.reason" }),
});
export type AdjustmentInput = z.output<typeof adjustmentSchema>;

/** Whether an adjustment of this size needs a second admin (strictly above the threshold). */
export function needsApproval(points: number, approvalAbovePoints: number): boolean {
  return Math.abs(points) > approvalAbovePoints;
}

const balanceFacts = async (memberId: string, tx: Tx) => {
  const b = await getBalance(memberId, tx);
  return { available: b.available, pending: b.pending, debt: b.debt };
};

/**
 * Moves the points through the ledger: a credit is a new lot, available at once, expiring under the
 * earning rule's expiry policy like earned points; a debit takes available points soonest-expiring
 * first and is refused (insufficient-points) rather than creating debt.
 */
export async function applyToLedger(tx: Tx, a: { id: string; memberId: string; points: number; reason: string }, actorId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const refs = { reason: a.reason, actor: `admin:${actorId}`, explanation: { kind: "adjustment", adjustmentId: a.id, ...extra } };
  if (a.points > 0) {
    const at = now();
    const earning = (await loadRuleset(at, tx)).earning;
    const { entry } = await credit(tx, { ...refs, memberId: a.memberId, points: a.points, type: "adjust", availableAt: at, expiresAt: expiresAt(earning.definition.expiry, at, env.DEPLOYMENT_TZ), ruleVersionIds: [earning.id] });
    return entry.id;
  }
  const { entry } = await debit(tx, { ...refs, memberId: a.memberId, points: -a.points, type: "adjust", onShortfall: "reject" });
  return entry.id;
}

/** An admin asks for an adjustment: applied at once when small enough, otherwise queued for approval. */
export async function requestAdjustment(input: AdjustmentInput, actor: AuditActor): Promise<PointAdjustment> {
  return db.transaction(async (tx) => {
    const [member] = await tx.select({ id: members.id }).from(members).where(eq(members.id, input.memberId));
    if (!member) throw new DomainError("not-found", `no member ${input.memberId}`);
    const at = now();
    const threshold = (await loadRuleset(at, tx)).earning.definition.manualAdjustments.approvalAbovePoints;
    const id = newId();
    const row = { id, memberId: input.memberId, points: input.points, reason: input.reason, requestedBy: actor.userId, requestedByLabel: actor.email, createdAt: at };
    if (needsApproval(input.points, threshold)) {
      const [pending] = await tx.insert(pointAdjustments).values({ ...row, status: "pending" }).returning();
      await audit(tx, actor, { action: "points.adjustment.request", targetType: "member", targetId: input.memberId, after: { adjustmentId: id, points: input.points, reason: input.reason, status: "pending", approvalAbovePoints: threshold } });
      return pending!;
    }
    const before = await balanceFacts(input.memberId, tx);
    const entryId = await applyToLedger(tx, row, actor.userId);
    const [applied] = await tx.insert(pointAdjustments).values({ ...row, status: "applied", entryId, decidedAt: at }).returning();
    await audit(tx, actor, { action: "points.adjust", targetType: "member", targetId: input.memberId, before, after: { ...(await balanceFacts(input.memberId, tx)), adjustmentId: id, points: input.points, reason: input.reason } });
    return applied!;
  });
}

export const decisionSchema = z.object({
  id: z.uuid(),
  decision: z.enum(["approve", "reject"]),
  note: z.string().trim().max(300).optional().transform((s) => s || null),
});
export type DecisionInput = z.output<typeof decisionSchema>;

/** A second admin approves (applies) or rejects a pending adjustment — exactly once. */
export async function decideAdjustment(input: DecisionInput, actor: AuditActor): Promise<PointAdjustment> {
  return db.transaction(async (tx) => {
    const at = now();
    const approve = input.decision === "approve";
    const [decided] = await tx
      .update(pointAdjustments)
      .set({ status: approve ? "applied" : "rejected", decidedBy: actor.userId, decidedByLabel: actor.email, decidedAt: at, decisionNote: input.note })
      .where(and(eq(pointAdjustments.id, input.id), eq(pointAdjustments.status, "pending"), ne(pointAdjustments.requestedBy, actor.userId)))
      .returning();
    if (!decided) {
      // Why not: the row as it is now (after any concurrent decision committed).
      const [row] = await tx.select().from(pointAdjustments).where(eq(pointAdjustments.id, input.id));
      if (!row) throw new DomainError("not-found", `no adjustment ${input.id}`);
      if (row.status !== "pending") throw new DomainError("conflict", `already ${row.status}`, { params: { reason: "decided", status: row.status } });
      throw new DomainError("forbidden", "the admin who asked for an adjustment cannot approve it", { params: { reason: "own" } });
    }
    let before: Record<string, unknown> = { status: "pending" };
    let after: Record<string, unknown> = { status: decided.status, note: input.note };
    if (approve) {
      const balanceBefore = await balanceFacts(decided.memberId, tx);
      const entryId = await applyToLedger(tx, decided, decided.requestedBy, { approvedBy: actor.userId });
      await tx.update(pointAdjustments).set({ entryId }).where(eq(pointAdjustments.id, decided.id));
      decided.entryId = entryId;
      before = { ...before, ...balanceBefore };
      after = { ...after, ...(await balanceFacts(decided.memberId, tx)) };
    }
    await audit(tx, actor, {
      action: approve ? "points.adjustment.approve" : "points.adjustment.reject",
      targetType: "member",
      targetId: decided.memberId,
      before: { ...before, adjustmentId: decided.id, points: decided.points, reason: decided.reason, requestedBy: decided.requestedByLabel },
      after,
    });
    return decided;
  });
}

/** The approvals queue: pending adjustments, oldest first (point_adjustments_pending_idx). */
export function pendingAdjustments(limit = 100) {
  return db.select().from(pointAdjustments).where(eq(pointAdjustments.status, "pending")).orderBy(pointAdjustments.createdAt, pointAdjustments.id).limit(limit);
}

export async function pendingCount(): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(pointAdjustments).where(eq(pointAdjustments.status, "pending"));
  return r?.n ?? 0;
}
