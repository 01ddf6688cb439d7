"use server";

// Applying to become a distributor (the member's side).
import { revalidatePath } from "next/cache";
import { actionError, type ActionState } from "@/components/admin-distribution/action-state";
import { requireAction } from "@/lib/auth/guard";
import { applyForDistributor } from "@/lib/distribution/become-distributor";

export async function applyForDistributorAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAction("account:self");
  try {
    await applyForDistributor(actor.userId, { note: form.get("note") ?? "" });
  } catch (e) {
    return actionError(e);
  }
  revalidatePath("/account/distributor");
  return { done: "becomeDistributor.applied" };
}
