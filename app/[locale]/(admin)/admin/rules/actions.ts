"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { refusalKeys } from "@/lib/actions/action-result";
import { requireAction } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { cancelBacktest } from "@/lib/rules/admin/cancel-backtest";
import { discardDraft } from "@/lib/rules/admin/discard-draft";
import { getBacktest, type BacktestView } from "@/lib/rules/admin/get-backtest";
import { runBacktest } from "@/lib/rules/admin/run-backtest";
import { startBacktest } from "@/lib/rules/admin/start-backtest";
import { previewOrder, type OrderPreview, type SampleOrder } from "@/lib/rules/admin/preview-order";
import { publishDraft } from "@/lib/rules/admin/publish-draft";
import { rebaseDraft } from "@/lib/rules/admin/rebase-draft";
import { rollbackRule } from "@/lib/rules/admin/rollback-rule";
import type { RuleIssue } from "@/lib/rules/admin/rule-issues";
import { getDraft, saveDraft } from "@/lib/rules/admin/save-draft";
import { startRule } from "@/lib/rules/admin/start-rule";
import { validateRule } from "@/lib/rules/admin/validate-rule";
import { now } from "@/lib/clock";
import { ruleKindOf } from "@/lib/rules/schema";
import { localToInstant } from "@/components/rules/local-time";

const ruleKeyField = z.string().max(200).refine((k) => ruleKindOf(k) !== null);
const editorPath = (ruleKey: string) => `/admin/rules/${encodeURIComponent(ruleKey)}`;

function refresh(ruleKey: string) {
  revalidatePath("/admin/rules");
  revalidatePath(editorPath(ruleKey));
}

/** A failure a form can show: a message key (errors.* or rules.*) with values, and field issues. */
export interface ActionFailure {
  error: string;
  values?: Record<string, string | number>;
  issues?: RuleIssue[];
}

function failure(e: unknown): ActionFailure {
  if (isDomainError(e) && e.code === "conflict" && typeof e.params.latest === "number") return { error: "rules.publish.conflict", values: { latest: e.params.latest, base: e.params.base ?? 0 } };
  // One message for the whole editor: field errors come back as issues, not here.
  return { error: refusalKeys(e, { fields: () => null, form: (d) => (d.params.reason === "effective-in-past" ? "rules.publish.inPast" : undefined) }).form! };
}

// The start form's fields, by the path the use case reports.
const START_FIELDS: Record<string, string> = { "name.zh-CN": "nameZh", "name.en": "nameEn", slug: "slug" };

export interface SaveDraftResult {
  issues?: RuleIssue[];
  savedAt?: string;
  failure?: ActionFailure;
}

/** Saves the admin's draft of a rule (kept even when invalid) and returns its issues. */
export async function saveDraftAction(ruleKey: string, definition: unknown): Promise<SaveDraftResult> {
  const actor = await requireAction("admin:rules");
  if (!ruleKeyField.safeParse(ruleKey).success) return { failure: { error: "errors.not-found" } };
  try {
    const { draft, issues } = await saveDraft({ ruleKey, definition }, actor);
    refresh(ruleKey);
    return { issues, savedAt: draft.updatedAt.toISOString() };
  } catch (e) {
    return { failure: failure(e) };
  }
}

/** Throws the admin's draft away; the editor starts again from the version in force. */
export async function discardDraftAction(ruleKey: string): Promise<void> {
  const actor = await requireAction("admin:rules");
  if (!ruleKeyField.safeParse(ruleKey).success) return;
  await discardDraft(ruleKey, actor);
  refresh(ruleKey);
}

/** Takes the newest version as the draft's base after a conflict (the draft's content is kept). */
export async function rebaseDraftAction(form: FormData): Promise<void> {
  const actor = await requireAction("admin:rules");
  const ruleKey = ruleKeyField.parse(form.get("ruleKey"));
  await rebaseDraft(ruleKey, actor);
  refresh(ruleKey);
}

export interface PublishState {
  failure?: ActionFailure;
}

/** Publishes the admin's saved draft, now or at a scheduled time; then shows the new version. */
export async function publishDraftAction(_prev: PublishState, form: FormData): Promise<PublishState> {
  const actor = await requireAction("admin:rules");
  const ruleKey = ruleKeyField.safeParse(form.get("ruleKey"));
  if (!ruleKey.success) return { failure: { error: "errors.not-found" } };
  let effectiveAt: Date | "now" = "now";
  if (form.get("when") === "scheduled") {
    const at = localToInstant(String(form.get("at") ?? ""), env.DEPLOYMENT_TZ);
    if (!at) return { failure: { error: "rules.publish.pickTime" } };
    effectiveAt = at;
  }
  let version: number;
  try {
    version = (await publishDraft({ ruleKey: ruleKey.data, effectiveAt, note: String(form.get("note") ?? "") }, actor)).version;
  } catch (e) {
    if (isDomainError(e) && e.code === "invalid-request" && e.params.reason !== "effective-in-past") {
      const d = await getDraft(ruleKey.data, actor);
      const check = d ? await validateRule(ruleKey.data, d.definition, { at: now() }) : null;
      return { failure: { error: "rules.publish.hasIssues", issues: check?.issues ?? [] } };
    }
    return { failure: failure(e) };
  }
  refresh(ruleKey.data);
  redirect(`${editorPath(ruleKey.data)}?published=${version}${version > 1 ? `&compare=${version - 1}` : ""}`);
}

export interface RollbackState {
  failure?: ActionFailure;
}

/** One-click rollback: publishes a new version equal to an old one, effective now. */
export async function rollbackAction(_prev: RollbackState, form: FormData): Promise<RollbackState> {
  const actor = await requireAction("admin:rules");
  const ruleKey = ruleKeyField.safeParse(form.get("ruleKey"));
  const toVersion = z.coerce.number().int().min(1).safeParse(form.get("version"));
  if (!ruleKey.success || !toVersion.success) return { failure: { error: "errors.invalid-request" } };
  let version: number;
  try {
    version = (await rollbackRule({ ruleKey: ruleKey.data, toVersion: toVersion.data }, actor)).version;
  } catch (e) {
    return { failure: failure(e) };
  }
  refresh(ruleKey.data);
  redirect(`${editorPath(ruleKey.data)}?rolledBack=${version}&from=${toVersion.data}&compare=${version - 1}`);
}

export interface StartRuleState {
  errors?: Record<string, string>;
  values?: Record<string, string>;
}

/** Starts a new campaign or custom action rule as a draft and opens it in the editor. */
export async function startRuleAction(_prev: StartRuleState, form: FormData): Promise<StartRuleState> {
  const actor = await requireAction("admin:rules");
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const values = { kind: text("kind"), slug: text("slug"), nameZh: text("nameZh"), nameEn: text("nameEn") };
  let ruleKey: string;
  try {
    ruleKey = (await startRule({ kind: values.kind as "campaign", slug: values.slug, name: { "zh-CN": values.nameZh, en: values.nameEn } }, actor)).ruleKey;
  } catch (e) {
    const at = (path: string) => START_FIELDS[path] ?? "form";
    const errors = refusalKeys(e, {
      fields: at,
      key: (f, d) => (d.code === "duplicate" ? "rules.list.exists" : at(f.path) === "slug" ? "rules.list.slugInvalid" : at(f.path) === "form" ? `errors.${d.code}` : "rules.issue.required"),
    });
    return { errors, values };
  }
  refresh(ruleKey);
  redirect(editorPath(ruleKey));
}

export type PreviewResult = { preview: OrderPreview } | { failure: ActionFailure; fields?: { path: string; message: string }[] };

/** Evaluates a sample order under the rules in force and with the draft (unsaved edits included). */
export async function previewAction(ruleKey: string, definition: unknown, sample: SampleOrder): Promise<PreviewResult> {
  await requireAction("admin:rules");
  if (!ruleKeyField.safeParse(ruleKey).success) return { failure: { error: "errors.not-found" } };
  try {
    return { preview: await previewOrder({ ruleKey, definition, sample }) };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { failure: failure(e), fields: e.errors };
  }
}

export type StartBacktestResult = { runId: string } | { failure: ActionFailure };

/**
 * Starts a backtest of the draft as it is in the editor (unsaved edits included); the run continues
 * after the response (its progress and cancel flag live in the database).
 */
export async function startBacktestAction(ruleKey: string, definition: unknown, days: number): Promise<StartBacktestResult> {
  const actor = await requireAction("admin:rules");
  if (!ruleKeyField.safeParse(ruleKey).success) return { failure: { error: "errors.not-found" } };
  try {
    const run = await startBacktest({ ruleKey, definition, days: Number(days) }, actor);
    after(() => runBacktest(run.id).then(() => undefined));
    return { runId: run.id };
  } catch (e) {
    if (isDomainError(e) && e.code === "conflict") return { failure: { error: "rules.backtest.busy" } };
    if (isDomainError(e) && e.errors[0]?.path === "days") return { failure: { error: "rules.backtest.daysInvalid" } };
    return { failure: failure(e) };
  }
}

/** Progress and results of one of the admin's backtests (polled while it runs). */
export async function backtestStatusAction(runId: string): Promise<BacktestView | null> {
  const actor = await requireAction("admin:rules");
  if (!z.uuid().safeParse(runId).success) return null;
  return getBacktest(runId, actor);
}

/** Asks a running backtest to stop after its current batch. */
export async function cancelBacktestAction(runId: string): Promise<boolean> {
  const actor = await requireAction("admin:rules");
  if (!z.uuid().safeParse(runId).success) return false;
  return cancelBacktest(runId, actor);
}
