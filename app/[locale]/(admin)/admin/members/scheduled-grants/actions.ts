"use server";

import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAction } from "@/lib/auth/guard";
import { isDomainError } from "@/lib/errors";
import { createScheduledGrant, getRun, scheduledGrantSchema, setScheduledGrantEnabled, startRunNow, updateScheduledGrant } from "@/lib/scheduled-grants/manage";
import { executeRun } from "@/lib/scheduled-grants/run-grants";

const PAGE = "/admin/members/scheduled-grants";

export interface ScheduledGrantFormState {
  /** Message keys per field ("form" for the rest). */
  errors?: Record<string, string>;
  /** The grant saved (created or edited). */
  savedId?: string;
  /** What was submitted, when refused: React resets the form after its action, so the fields show these again. */
  values?: Record<string, string>;
}

/** The form's fields as the schema reads them: `tier.<code>` fields become tierPoints, the checkbox a boolean. */
function inputOf(form: FormData) {
  const fields = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const tierPoints = Object.fromEntries(Object.entries(fields).filter(([k, v]) => k.startsWith("tier.") && v.trim() !== "").map(([k, v]) => [k.slice(5), v.trim()]));
  return { ...fields, tierPoints, enabled: fields.enabled === "on" };
}

/** Create a scheduled grant, or edit one (`id` set); both audited. */
export async function saveScheduledGrantAction(_prev: ScheduledGrantFormState, form: FormData): Promise<ScheduledGrantFormState> {
  const actor = await requireAction("admin:members");
  const parsed = scheduledGrantSchema.safeParse(inputOf(form));
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const i of parsed.error.issues) {
      const field = i.path[0] === "tierPoints" ? "tierPoints" : String(i.path[0] ?? "form");
      errors[field] ??= i.message.startsWith("scheduledGrants.") ? i.message : "scheduledGrants.errors.invalid";
    }
    const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
    return { errors, values };
  }
  const id = z.uuid().safeParse(form.get("id"));
  try {
    const g = id.success ? await updateScheduledGrant(id.data, parsed.data, actor) : await createScheduledGrant(parsed.data, actor);
    revalidatePath(PAGE);
    return { savedId: g.id };
  } catch (e) {
    if (isDomainError(e) && e.code === "not-found") return { errors: { form: "scheduledGrants.errors.notFound" } };
    throw e;
  }
}

/** Enable or disable a grant (audited). */
export async function toggleScheduledGrantAction(form: FormData): Promise<void> {
  const actor = await requireAction("admin:members");
  const id = z.uuid().parse(form.get("id"));
  await setScheduledGrantEnabled(id, form.get("enabled") === "true", actor);
  revalidatePath(PAGE);
}

/** "Run now": starts today's run (audited) and carries it out after the response; the page polls its progress. */
export async function runScheduledGrantNowAction(grantId: string): Promise<{ runId?: string; error?: string }> {
  const actor = await requireAction("admin:members");
  if (!z.uuid().safeParse(grantId).success) return { error: "scheduledGrants.errors.notFound" };
  try {
    const { grant, run, day } = await startRunNow(grantId, actor);
    // The page refreshes itself when the polled run is done (no revalidation from inside after()).
    after(() => executeRun(grant, run, day).then(() => undefined));
    return { runId: run.id };
  } catch (e) {
    if (isDomainError(e) && (e.code === "conflict" || e.code === "not-found")) return { error: `scheduledGrants.errors.${String(e.params.reason ?? "notFound")}` };
    throw e;
  }
}

/** A run's progress (polled while it runs). */
export async function scheduledRunStatusAction(runId: string) {
  await requireAction("admin:members");
  if (!z.uuid().safeParse(runId).success) return null;
  const r = await getRun(runId);
  if (!r) return null;
  return { status: r.status, runKey: r.runKey, candidates: r.candidates, granted: r.granted, points: r.points, skippedFrozen: r.skippedFrozen, failed: r.failed };
}
