"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { refusalKeys } from "@/lib/actions/action-result";
import { adjustmentSchema, decideAdjustment, decisionSchema, requestAdjustment } from "@/lib/admin-members/adjust-points";
import { freezeSchema, overrideTier, setFrozen, tierOverrideSchema } from "@/lib/admin-members/member-status";
import { requireAction } from "@/lib/auth/guard";
import type { Permission } from "@/lib/auth/permissions";
import { DAY_MS } from "@/lib/clock";
import { env } from "@/lib/env";
import { parseRuleInstant } from "@/lib/rules";
import { correctBirthday, correctBirthdaySchema } from "@/lib/admin-members/birthday";
import { birthdaySchema } from "@/lib/members/birthday";
import { today } from "@/lib/scheduled-grants/run-grants";

/** What a member-console form shows after submitting: message keys per field ("form" for the rest), or what happened. */
export interface MemberFormState {
  errors?: Record<string, string>;
  done?: string;
}

const zodErrors = (e: z.ZodError) => ({ errors: Object.fromEntries(e.issues.map((i) => [String(i.path[0] ?? "form"), i.message.startsWith("adminMembers.") ? i.message : "adminMembers.errors.invalid"])) });

/**
 * A refused use case → message keys: the console's own field messages by their field, else the
 * reason when it has one of its own, else the error code. A bare refusal of access propagates.
 */
const refused = (e: unknown): MemberFormState => ({
  errors: refusalKeys(e, {
    rethrow: (d) => d.code === "unauthorized" || (d.code === "forbidden" && !d.params.reason),
    key: (field) => (field.message.startsWith("adminMembers.") ? field.message : null),
    form: (d) => `adminMembers.errors.${String(d.params.reason ?? d.code)}`,
  }),
});

const fields = (form: FormData) => Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));

type Staff = Awaited<ReturnType<typeof requireAction>>;

/**
 * One member-console action: the permission, the form checked by the use case's schema, the use
 * case (which says what happened, as a message key), and a refusal mapped to message keys.
 */
async function memberAction<S extends z.ZodType>(
  permission: Permission,
  form: FormData,
  schema: S,
  run: (input: z.output<S>, actor: Staff) => Promise<string>,
  prepare: (raw: Record<string, string>) => Record<string, string> = (raw) => raw,
): Promise<MemberFormState> {
  const actor = await requireAction(permission);
  const parsed = schema.safeParse(prepare(fields(form)));
  if (!parsed.success) return zodErrors(parsed.error);
  try {
    return { done: await run(parsed.data, actor) };
  } catch (e) {
    return refused(e);
  }
}

/** Manual adjustment: applied at once, or queued for a second admin above the threshold. */
export async function adjustPointsAction(_prev: MemberFormState, form: FormData): Promise<MemberFormState> {
  return memberAction("admin:members", form, adjustmentSchema, async (input, actor) => {
    const a = await requestAdjustment(input, actor);
    revalidatePath(`/admin/members/${input.memberId}`);
    return a.status === "pending" ? "adminMembers.adjust.queued" : "adminMembers.adjust.applied";
  });
}

/** Approve or reject a pending adjustment (a different admin from the one who asked). */
export async function decideAdjustmentAction(_prev: MemberFormState, form: FormData): Promise<MemberFormState> {
  return memberAction("admin:members", form, decisionSchema, async (input, actor) => {
    const a = await decideAdjustment(input, actor);
    revalidatePath("/admin/approvals");
    revalidatePath(`/admin/members/${a.memberId}`);
    return a.status === "applied" ? "adminMembers.approvals.approved" : "adminMembers.approvals.rejected";
  });
}

export async function freezeAction(_prev: MemberFormState, form: FormData): Promise<MemberFormState> {
  return memberAction("admin:members", form, freezeSchema, async (input, actor) => {
    await setFrozen(input, actor);
    revalidatePath(`/admin/members/${input.memberId}`);
    return input.freeze === "freeze" ? "adminMembers.freeze.frozen" : "adminMembers.freeze.unfrozen";
  });
}

// The form gives a calendar day in the deployment's zone: the override runs to the end of it.
const untilEndOfDay = (raw: Record<string, string>) =>
  /^\d{4}-\d{2}-\d{2}$/.test(raw.until ?? "") ? { ...raw, until: new Date(parseRuleInstant(`${raw.until}T00:00`, env.DEPLOYMENT_TZ).getTime() + DAY_MS).toISOString() } : raw;

export async function tierOverrideAction(_prev: MemberFormState, form: FormData): Promise<MemberFormState> {
  return memberAction(
    "admin:members",
    form,
    tierOverrideSchema,
    async (input, actor) => {
      await overrideTier(input, actor);
      revalidatePath(`/admin/members/${input.memberId}`);
      return input.op === "set" ? "adminMembers.tier.set" : "adminMembers.tier.cleared";
    },
    untilEndOfDay,
  );
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
