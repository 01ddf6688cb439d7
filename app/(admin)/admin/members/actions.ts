"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { adjustmentSchema, decideAdjustment, decisionSchema, requestAdjustment } from "@/lib/admin-members/adjust-points";
import { freezeSchema, overrideTier, setFrozen, tierOverrideSchema } from "@/lib/admin-members/member-status";
import { requireAction } from "@/lib/auth/guard";
import { DAY_MS } from "@/lib/clock";
import { env } from "@/lib/env";
import { parseRuleInstant } from "@/lib/rules";
import { isDomainError } from "@/lib/errors";
import { birthdaySchema, correctBirthday, correctBirthdaySchema } from "@/lib/members/birthday";
import { today } from "@/lib/scheduled-grants/run-grants";

/** What a member-console form shows after submitting: message keys per field ("form" for the rest), or what happened. */
export interface MemberFormState {
  errors?: Record<string, string>;
  done?: string;
}

const zodErrors = (e: z.ZodError) => ({ errors: Object.fromEntries(e.issues.map((i) => [String(i.path[0] ?? "form"), i.message.startsWith("adminMembers.") ? i.message : "adminMembers.errors.invalid"])) });

/** A refused use case → a message key: the reason when it has one of its own, else the error code. */
function refused(e: unknown): MemberFormState {
  if (!isDomainError(e)) throw e;
  if (e.code === "unauthorized" || (e.code === "forbidden" && !e.params.reason)) throw e;
  const field = e.errors[0];
  if (field?.message.startsWith("adminMembers.")) return { errors: { [field.path]: field.message } };
  return { errors: { form: `adminMembers.errors.${String(e.params.reason ?? e.code)}` } };
}

const fields = (form: FormData) => Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));

/** Manual adjustment: applied at once, or queued for a second admin above the threshold. */
export async function adjustPointsAction(_prev: MemberFormState, form: FormData): Promise<MemberFormState> {
  const actor = await requireAction("admin:members");
  const parsed = adjustmentSchema.safeParse(fields(form));
  if (!parsed.success) return zodErrors(parsed.error);
  try {
    const a = await requestAdjustment(parsed.data, actor);
    revalidatePath(`/admin/members/${parsed.data.memberId}`);
    return { done: a.status === "pending" ? "adminMembers.adjust.queued" : "adminMembers.adjust.applied" };
  } catch (e) {
    return refused(e);
  }
}

/** Approve or reject a pending adjustment (a different admin from the one who asked). */
export async function decideAdjustmentAction(_prev: MemberFormState, form: FormData): Promise<MemberFormState> {
  const actor = await requireAction("admin:members");
  const parsed = decisionSchema.safeParse(fields(form));
  if (!parsed.success) return zodErrors(parsed.error);
  try {
    const a = await decideAdjustment(parsed.data, actor);
    revalidatePath("/admin/approvals");
    revalidatePath(`/admin/members/${a.memberId}`);
    return { done: a.status === "applied" ? "adminMembers.approvals.approved" : "adminMembers.approvals.rejected" };
  } catch (e) {
    return refused(e);
  }
}

export async function freezeAction(_prev: MemberFormState, form: FormData): Promise<MemberFormState> {
  const actor = await requireAction("admin:members");
  const parsed = freezeSchema.safeParse(fields(form));
  if (!parsed.success) return zodErrors(parsed.error);
  try {
    await setFrozen(parsed.data, actor);
    revalidatePath(`/admin/members/${parsed.data.memberId}`);
    return { done: parsed.data.freeze === "freeze" ? "adminMembers.freeze.frozen" : "adminMembers.freeze.unfrozen" };
  } catch (e) {
    return refused(e);
  }
}

export async function tierOverrideAction(_prev: MemberFormState, form: FormData): Promise<MemberFormState> {
  const actor = await requireAction("admin:members");
  const raw = fields(form);
  // The form gives a calendar day in the deployment's zone: the override runs to the end of it.
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw.until ?? "")) raw.until = new Date(parseRuleInstant(`${raw.until}T00:00`, env.DEPLOYMENT_TZ).getTime() + DAY_MS).toISOString();
  const parsed = tierOverrideSchema.safeParse(raw);
  if (!parsed.success) return zodErrors(parsed.error);
  try {
    await overrideTier(parsed.data, actor);
    revalidatePath(`/admin/members/${parsed.data.memberId}`);
    return { done: parsed.data.op === "set" ? "adminMembers.tier.set" : "adminMembers.tier.cleared" };
  } catch (e) {
    return refused(e);
  }
}

/** An admin corrects a member's birthday (an empty date clears it), with a reason for the audit log. */
export async function correctBirthdayAction(_prev: MemberFormState, form: FormData): Promise<MemberFormState> {
  const actor = await requireAction("admin:members");
  const raw = fields(form);
  const parsed = correctBirthdaySchema.safeParse(raw);
  if (!parsed.success) return zodErrors(parsed.error);
  let birthday: string | null = null;
  if (raw.birthday) {
    const day = birthdaySchema(today()).safeParse(raw.birthday);
    if (!day.success) return { errors: { birthday: day.error.issues[0]!.message } };
    birthday = day.data;
  }
  try {
    await correctBirthday(parsed.data.memberId, birthday, parsed.data.reason, actor);
    revalidatePath(`/admin/members/${parsed.data.memberId}`);
    return { done: "birthday.corrected" };
  } catch (e) {
    return refused(e);
  }
}
