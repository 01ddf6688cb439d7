"use server";

import { revalidatePath } from "next/cache";
import { refusalKeys } from "@/lib/actions/action-result";
import { requireAction } from "@/lib/auth/guard";
import { adminRebind } from "@/lib/distribution/admin-rebind";

export interface RebindState {
  /** Message keys per field ("referralCode", "reason") or "form". */
  errors?: Record<string, string>;
  values?: { referralCode: string; reason: string };
  done?: boolean;
}

// An admin moves a member to another distributor, with a reason (binding history + audit log).
export async function rebindMemberAction(_prev: RebindState, form: FormData): Promise<RebindState> {
  const staff = await requireAction("admin:members");
  const memberId = String(form.get("memberId") ?? "");
  const values = { referralCode: String(form.get("referralCode") ?? ""), reason: String(form.get("reason") ?? "") };
  try {
    await adminRebind({ memberId, ...values }, { userId: staff.userId, email: staff.email });
  } catch (e) {
    return { errors: refusalKeys(e, { fields: (path) => (path === "memberId" ? "form" : path) }), values };
  }
  revalidatePath(`/admin/members/${memberId}`);
  return { done: true };
}
