"use server";

// Reviewing withdrawals (admin:withdrawals — admins and finance). Each decision is audited by its use case.
import { revalidatePath } from "next/cache";
import { actionError, type ActionState } from "@/components/admin-distribution/action-state";
import type { AuditActor } from "@/lib/admin/audit";
import { requireAction } from "@/lib/auth/guard";
import { approveWithdrawal, markPayoutFailed, rejectWithdrawal, retryPayout, returnWithdrawal } from "@/lib/distribution/review-withdrawal";

type Decision = "approve" | "reject" | "fail" | "retry" | "return";

async function decide(reviewer: AuditActor, decision: Decision, form: FormData): Promise<ActionState> {
  const id = String(form.get("id") ?? "");
  const payoutReference = String(form.get("payoutReference") ?? "");
  const reason = String(form.get("reason") ?? "");
  const opts = { reviewer };
  try {
    if (decision === "approve") await approveWithdrawal(id, { payoutReference }, opts);
    else if (decision === "retry") await retryPayout(id, { payoutReference }, opts);
    else if (decision === "reject") await rejectWithdrawal(id, { reason }, opts);
    else if (decision === "fail") await markPayoutFailed(id, { reason }, opts);
    else await returnWithdrawal(id, { reason }, opts);
  } catch (e) {
    return actionError(e);
  }
  revalidatePath("/admin/withdrawals");
  return { done: `adminDistribution.withdrawals.done.${decision}` };
}

export async function approveWithdrawalAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return decide(await requireAction("admin:withdrawals"), "approve", form);
}
export async function rejectWithdrawalAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return decide(await requireAction("admin:withdrawals"), "reject", form);
}
export async function failPayoutAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return decide(await requireAction("admin:withdrawals"), "fail", form);
}
export async function retryPayoutAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return decide(await requireAction("admin:withdrawals"), "retry", form);
}
export async function returnWithdrawalAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return decide(await requireAction("admin:withdrawals"), "return", form);
}
