"use server";

import { signIn } from "@/lib/auth";
import { acceptInvite } from "@/lib/admin/staff";
import { isDomainError } from "@/lib/errors";
import { formErrors } from "@/lib/validation";

export interface AcceptState {
  errors?: Record<string, string>;
  values?: { name: string };
}

/** Uses an invitation link: creates the staff account, then signs it in and opens the console. */
export async function acceptInviteAction(_prev: AcceptState, form: FormData): Promise<AcceptState> {
  const token = String(form.get("token") ?? "");
  const name = String(form.get("name") ?? "");
  const password = String(form.get("password") ?? "");
  let email: string;
  try {
    ({ email } = await acceptInvite(token, { name, password }));
  } catch (e) {
    if (isDomainError(e)) {
      const errors = e.errors.length ? formErrors(e.errors.map((x) => ({ path: [x.path], message: x.message }))) : { form: "adminUsers.invite.invalid" };
      return { errors, values: { name } };
    }
    throw e;
  }
  await signIn("credentials", { email, password, redirectTo: "/admin" });
  return {};
}
