"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { firstRefusal, refusalKeys } from "@/lib/actions/action-result";
import { inviteStaff, setStaffRoles, withdrawInvite } from "@/lib/admin/staff";
import { requireAction } from "@/lib/auth/guard";
import { env } from "@/lib/env";

export interface InviteState {
  errors?: Record<string, string>;
  /** The link, shown once to the inviting admin (only its hash is stored). */
  link?: string;
  email?: string;
}

/** Invites a staff member; the link is returned once, to this response only. */
export async function inviteStaffAction(_prev: InviteState, form: FormData): Promise<InviteState> {
  const actor = await requireAction("admin:admins");
  const email = String(form.get("email") ?? "");
  try {
    const { token } = await inviteStaff({ email, roles: form.getAll("roles").map(String) as never }, actor);
    revalidatePath("/admin/admins");
    return { link: `${env.APP_URL.replace(/\/$/, "")}/invite/${token}`, email: email.trim().toLowerCase() };
  } catch (e) {
    // Only field errors are the inviter's to fix; any other refusal propagates.
    return { errors: refusalKeys(e, { rethrow: (d) => !d.errors.length }) };
  }
}

export interface RolesState {
  error?: string;
  saved?: boolean;
}

/** Sets a staff member's roles (none = revoke access); refuses to remove the last admin. */
export async function setStaffRolesAction(_prev: RolesState, form: FormData): Promise<RolesState> {
  const actor = await requireAction("admin:admins");
  const userId = z.uuid().parse(form.get("userId"));
  const roles = form.get("revoke") ? [] : form.getAll("roles").map(String);
  try {
    await setStaffRoles(userId, roles, actor);
  } catch (e) {
    return { error: firstRefusal(e).key };
  }
  revalidatePath("/admin/admins");
  return { saved: true };
}

export async function withdrawInviteAction(form: FormData): Promise<void> {
  const actor = await requireAction("admin:admins");
  await withdrawInvite(z.uuid().parse(form.get("id")), actor);
  revalidatePath("/admin/admins");
}
