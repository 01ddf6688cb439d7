"use server";

// Deciding risk cases (admin:members): release, cancel the held commissions, or freeze withdrawals.
import { revalidatePath } from "next/cache";
import { actionError, type ActionState } from "@/components/admin-distribution/action-state";
import { requireAction } from "@/lib/auth/guard";
import { decideRiskCase } from "@/lib/distribution/risk";

export async function decideRiskCaseAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAction("admin:members");
  const decision = String(form.get("decision") ?? "");
  try {
    await decideRiskCase(String(form.get("id") ?? ""), { decision, reason: form.get("reason") ?? "" }, actor);
  } catch (e) {
    return actionError(e);
  }
  revalidatePath("/admin/risk");
  return { done: `adminDistribution.risk.done.${decision}` };
}
