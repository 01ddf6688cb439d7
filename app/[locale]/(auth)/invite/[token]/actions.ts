"use server";

import { refusalKeys } from "@/lib/actions/action-result";
import { signIn } from "@/lib/auth";
import { acceptInvite } from "@/lib/admin/staff";

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
    return { errors: refusalKeys(e, { form: () => "adminUsers.invite.invalid" }), values: { name } };
  }
  await signIn("credentials", { email, password, redirectTo: "/admin" });
  return {};
}
