"use server";

import { revalidatePath } from "next/cache";
import type { FormState } from "@/app/[locale]/(auth)/actions";
import { refusalKeys } from "@/lib/actions/action-result";
import { changePassword, changePasswordSchema } from "@/lib/auth/change-password";
import { requireAction } from "@/lib/auth/guard";
import { isDomainError } from "@/lib/errors";
import { birthdaySchema, setOwnBirthday } from "@/lib/members/birthday";
import { today } from "@/lib/scheduled-grants/run-grants";
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

/** A member enters their birthday (once; afterwards only an admin can correct it). */
export async function setBirthdayAction(_prev: FormState & { done?: boolean }, form: FormData): Promise<FormState & { done?: boolean }> {
  const actor = await requireAction("member:use");
  const parsed = birthdaySchema(today()).safeParse(String(form.get("birthday") ?? ""));
  if (!parsed.success) return { errors: { birthday: parsed.error.issues[0]!.message } };
  try {
    await setOwnBirthday(actor, parsed.data);
  } catch (e) {
    if (isDomainError(e) && e.code === "conflict") return { errors: { birthday: "birthday.errors.set" } };
    throw e;
  }
  revalidatePath("/account");
  return { done: true };
}
