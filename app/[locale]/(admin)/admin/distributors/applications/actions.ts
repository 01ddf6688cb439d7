"use server";

// Deciding distributor applications (admin:members).
import { revalidatePath } from "next/cache";
import { actionError, type ActionState } from "@/components/admin-distribution/action-state";
import { requireAction } from "@/lib/auth/guard";
import { approveApplication, rejectApplication } from "@/lib/distribution/become-distributor";

async function run(fn: () => Promise<unknown>, done: string): Promise<ActionState> {
  try {
    await fn();
  } catch (e) {
    return actionError(e);
  }
  revalidatePath("/admin/distributors/applications");
  return { done };
}

export async function approveApplicationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAction("admin:members");
  return run(() => approveApplication(String(form.get("id") ?? ""), actor), "adminDistribution.applications.approved");
}

export async function rejectApplicationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const actor = await requireAction("admin:members");
  return run(() => rejectApplication(String(form.get("id") ?? ""), { reason: form.get("reason") ?? "" }, actor), "adminDistribution.applications.rejected");
}
