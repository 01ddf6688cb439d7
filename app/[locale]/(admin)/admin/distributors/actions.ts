"use server";

// Freezing and unfreezing a distributor's withdrawals (admin:members), with a reason (audited).
import { revalidatePath } from "next/cache";
import { actionError, type ActionState } from "@/components/admin-distribution/action-state";
import type { AuditActor } from "@/lib/admin/audit";
import { requireAction } from "@/lib/auth/guard";
import { setWithdrawalsFrozen } from "@/lib/distribution/admin-distributors";

async function setFrozen(actor: AuditActor, frozen: boolean, form: FormData): Promise<ActionState> {
  try {
    const { changed } = await setWithdrawalsFrozen(String(form.get("id") ?? ""), frozen, { reason: form.get("reason") ?? "" }, actor);
    revalidatePath("/admin/distributors");
    return { done: changed ? `adminDistribution.distributors.${frozen ? "frozen" : "unfrozen"}` : "adminDistribution.distributors.unchanged" };
  } catch (e) {
    return actionError(e);
  }
}

export async function freezeWithdrawalsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return setFrozen(await requireAction("admin:members"), true, form);
}

export async function unfreezeWithdrawalsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return setFrozen(await requireAction("admin:members"), false, form);
}
