"use server";

import { after } from "next/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createGrantJob, grantJob, previewCsv, previewSegment, runGrantJob, segmentSchema, type GrantPreview } from "@/lib/admin-members/bulk-grants";
import { MAX_GRANT_LINES, parseGrantCsv, type GrantLineError } from "@/lib/admin-members/grant-csv";
import { requireAction, type UserActor } from "@/lib/auth/guard";
import { db } from "@/db/client";
import { audit } from "@/lib/admin/audit";

export interface GrantFormState {
  errors?: Record<string, string>;
  lineErrors?: GrantLineError[];
  preview?: GrantPreview;
  jobId?: string;
  /** The job existed already (the same grant was submitted before). */
  existing?: boolean;
  /** What was submitted: React resets a form after its action, so the fields show these again (preview, then grant). */
  values?: Record<string, string>;
}

const label = z.string().trim().min(1, { error: "adminMembers.errors.label" }).max(100, { error: "adminMembers.errors.label" });

/** Preview or run a CSV grant (the submit button says which). */
export async function csvGrantAction(_prev: GrantFormState, form: FormData): Promise<GrantFormState> {
  const actor = await requireAction("admin:members");
  const values = { label: String(form.get("label") ?? ""), csv: String(form.get("csv") ?? "") };
  return { ...(await csvGrant(actor, form)), values };
}

async function csvGrant(actor: UserActor, form: FormData): Promise<GrantFormState> {
  const text = String(form.get("csv") ?? "");
  const name = label.safeParse(form.get("label"));
  if (!name.success) return { errors: { label: name.error.issues[0]!.message } };
  const { lines, errors } = parseGrantCsv(text);
  if (!lines.length) return { errors: { csv: "adminMembers.errors.csvEmpty" }, lineErrors: errors };
  if (lines.length > MAX_GRANT_LINES) return { errors: { csv: "adminMembers.errors.csvTooLong" } };
  // Lines with errors are reported and nothing runs until the file is fixed.
  if (errors.length) return { lineErrors: errors, preview: await previewCsv(lines) };
  if (form.get("intent") !== "run") return { preview: await previewCsv(lines) };
  const { job, created } = await createGrantJob({ source: "csv", lines, label: name.data }, actor);
  after(() => runGrantJob(job.id).then(() => undefined));
  revalidatePath("/admin/members/grants");
  return { jobId: job.id, existing: !created };
}

/** Preview or run a segment grant. */
export async function segmentGrantAction(_prev: GrantFormState, form: FormData): Promise<GrantFormState> {
  const actor = await requireAction("admin:members");
  const fields = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  return { ...(await segmentGrant(actor, fields)), values: fields };
}

async function segmentGrant(actor: UserActor, fields: Record<string, string>): Promise<GrantFormState> {
  const name = label.safeParse(fields.label);
  const parsed = segmentSchema.safeParse(fields);
  if (!name.success || !parsed.success) {
    return { errors: Object.fromEntries([...(name.success ? [] : [["label", name.error.issues[0]!.message]]), ...(parsed.success ? [] : parsed.error.issues.map((i) => [String(i.path[0]), i.message]))]) };
  }
  if (fields.intent !== "run") return { preview: await previewSegment(parsed.data) };
  const { job, created } = await createGrantJob({ source: "segment", segment: parsed.data, label: name.data }, actor);
  after(() => runGrantJob(job.id).then(() => undefined));
  revalidatePath("/admin/members/grants");
  return { jobId: job.id, existing: !created };
}

/** A job's progress and its failed rows (polled while it runs). */
export async function grantJobStatusAction(jobId: string) {
  await requireAction("admin:members");
  if (!z.uuid().safeParse(jobId).success) return null;
  const found = await grantJob(jobId);
  if (!found) return null;
  const { job, errors } = found;
  return { status: job.status, label: job.label, total: job.total, processed: job.processed, granted: job.granted, failed: job.failed, pointsGranted: job.pointsGranted, errors };
}

/** Resume a job whose run stopped (the server restarted mid-run): grants only what is still pending. */
export async function resumeGrantJobAction(form: FormData): Promise<void> {
  const actor = await requireAction("admin:members");
  const id = z.uuid().parse(form.get("id"));
  await audit(db, actor, { action: "points.bulk-grant.resume", targetType: "grant-job", targetId: id });
  after(() => runGrantJob(id).then(() => undefined));
  revalidatePath("/admin/members/grants");
}
