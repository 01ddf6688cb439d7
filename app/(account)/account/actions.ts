"use server";

import type { FormState } from "@/app/(auth)/actions";
import { changePassword, changePasswordSchema } from "@/lib/auth/change-password";
import { requireAction } from "@/lib/auth/guard";
import { isDomainError } from "@/lib/errors";
import { formErrors } from "@/lib/validation";

export async function changePasswordAction(_prev: FormState & { done?: boolean }, form: FormData): Promise<FormState & { done?: boolean }> {
  const actor = await requireAction("account:self");
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(["current", "next", "confirm"].map((k) => [k, String(form.get(k) ?? "")])));
  if (!parsed.success) return { errors: formErrors(parsed.error.issues) };
  try {
    await changePassword(actor.userId, parsed.data);
  } catch (e) {
    if (isDomainError(e)) return { errors: formErrors(e.errors.map((x) => ({ path: [x.path], message: x.message }))) };
    throw e;
  }
  return { done: true };
}
