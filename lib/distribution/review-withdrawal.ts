// The admin review of withdrawals: approve (the payout is made; its reference recorded), reject
// with a reason (funds go back), and for a payout that bounced: mark it failed, then retry it or
// return the funds. Each decision is one conditional status change (… where status = <from>), its
// wallet movement with a history row, and an audit entry — one transaction.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { withdrawals, type WalletEntryType, type WithdrawalStatus } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { now as clockNow } from "@/lib/clock";
import { DomainError, fieldErrors } from "@/lib/errors";
import { withdrawalView, type WithdrawalView } from "./request-withdrawal";
import { applyToWallet, lockWallet, type WalletDeltas } from "./wallet";

const referenceSchema = z.object({ payoutReference: z.string().trim().min(1, { error: "validation.required" }).max(200) });
const reasonSchema = z.object({ reason: z.string().trim().min(1, { error: "validation.required" }).max(500) });

interface Transition {
  action: string;
  from: WithdrawalStatus;
  to: WithdrawalStatus;
  entry: WalletEntryType;
  deltas: (amount: number) => WalletDeltas;
}

const TRANSITIONS = {
  approve: { action: "withdrawal.approve", from: "requested", to: "approved", entry: "withdrawal-paid", deltas: (x) => ({ withdrawing: -x, withdrawn: x }) },
  reject: { action: "withdrawal.reject", from: "requested", to: "rejected", entry: "withdrawal-rejected", deltas: (x) => ({ withdrawing: -x, available: x }) },
  fail: { action: "withdrawal.fail", from: "approved", to: "failed", entry: "withdrawal-failed", deltas: (x) => ({ withdrawn: -x, withdrawing: x }) },
  retry: { action: "withdrawal.retry", from: "failed", to: "approved", entry: "withdrawal-paid", deltas: (x) => ({ withdrawing: -x, withdrawn: x }) },
  return: { action: "withdrawal.return", from: "failed", to: "returned", entry: "withdrawal-returned", deltas: (x) => ({ withdrawing: -x, available: x }) },
} satisfies Record<string, Transition>;

type Options = { reviewer: AuditActor; ex?: Executor };

/** What a decision records: a payout reference (a payout was made) or a reason. */
interface Decision {
  payoutReference?: string;
  reason?: string;
}

async function decide(withdrawalId: string, t: Transition, patch: Decision, { reviewer, ex = db }: Options): Promise<WithdrawalView> {
  return ex.transaction(async (tx) => {
    const at = clockNow();
    const paid = t.to === "approved";
    const [row] = await tx
      .update(withdrawals)
      .set({
        status: t.to,
        reviewedAt: at,
        reviewedBy: reviewer.userId,
        updatedAt: at,
        reason: patch.reason ?? null,
        ...(paid ? { payoutReference: patch.payoutReference, paidAt: at, attempts: sql`${withdrawals.attempts} + 1` } : {}),
        ...(t.to === "failed" ? { paidAt: null } : {}),
      })
      .where(and(eq(withdrawals.id, withdrawalId), eq(withdrawals.status, t.from)))
      .returning();
    if (!row) {
      const [existing] = await tx.select({ status: withdrawals.status }).from(withdrawals).where(eq(withdrawals.id, withdrawalId));
      if (!existing) throw new DomainError("not-found", "no such withdrawal");
      throw new DomainError("conflict", `the withdrawal is ${existing.status}, not ${t.from}`, { params: { status: existing.status } });
    }
    await lockWallet(tx, row.distributorId, at);
    await applyToWallet(tx, row.distributorId, t.entry, t.deltas(row.amountCents), {
      actor: `admin:${reviewer.userId}`,
      withdrawalId: row.id,
      reason: patch.reason ?? patch.payoutReference ?? t.action,
    }, { at });
    await audit(tx, reviewer, {
      action: t.action,
      targetType: "withdrawal",
      targetId: row.id,
      before: { status: t.from },
      after: { status: t.to, ...(patch.payoutReference ? { payoutReference: patch.payoutReference } : {}), ...(patch.reason ? { reason: patch.reason } : {}) },
    });
    return withdrawalView(row);
  });
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (!r.success) throw new DomainError("invalid-request", "invalid review", { errors: fieldErrors(r.error.issues) });
  return r.data;
}

/** Approve: the payout was made (reference recorded); the amount moves from withdrawing to withdrawn. */
export async function approveWithdrawal(id: string, input: { payoutReference: string }, opts: Options): Promise<WithdrawalView> {
  const { payoutReference } = parse(referenceSchema, input);
  return decide(id, TRANSITIONS.approve, { payoutReference }, opts);
}

/** Reject with a reason: the funds go back to available. */
export async function rejectWithdrawal(id: string, input: { reason: string }, opts: Options): Promise<WithdrawalView> {
  return decide(id, TRANSITIONS.reject, parse(reasonSchema, input), opts);
}

/** The payout bounced: the amount is held (withdrawing) until it is retried or returned. */
export async function markPayoutFailed(id: string, input: { reason: string }, opts: Options): Promise<WithdrawalView> {
  return decide(id, TRANSITIONS.fail, parse(reasonSchema, input), opts);
}

/** Pay a failed payout again (new reference). */
export async function retryPayout(id: string, input: { payoutReference: string }, opts: Options): Promise<WithdrawalView> {
  const { payoutReference } = parse(referenceSchema, input);
  return decide(id, TRANSITIONS.retry, { payoutReference }, opts);
}

/** Give a failed payout back to the wallet. */
export async function returnWithdrawal(id: string, input: { reason: string }, opts: Options): Promise<WithdrawalView> {
  return decide(id, TRANSITIONS.return, parse(reasonSchema, input), opts);
}
