"use server";

import type { FormState } from "@/app/(auth)/actions";
import { refusalKeys } from "@/lib/actions/action-result";
import { changePassword, changePasswordSchema } from "@/lib/auth/change-password";
import { requireAction } from "@/lib/auth/guard";
import { formErrors } from "@/lib/validation";

export async function changePasswordAction(_prev: FormState & { done?: boolean }, form: FormData): Promise<FormState & { done?: boolean }> {
  const actor = await requireAction("account:self");
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(["current", "next", "confirm"].map((k) => [k, String(form.get(k) ?? "")])));
  if (!parsed.success) return { errors: formErrors(parsed.error.issues) };
  try {
    await changePassword(actor.userId, parsed.data);
  } catch (e) {
    return { errors: refusalKeys(e) };
  }
  return { done: true };
}
