"use client";

// Scheduled grants: the create/edit form (fields follow the kind: birthday mode, day of the month or
// date, segment) and the "run now" button, whose run is polled until done.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect, useState, useTransition } from "react";
import { runScheduledGrantNowAction, saveScheduledGrantAction, scheduledRunStatusAction, type ScheduledGrantFormState } from "@/app/[locale]/(admin)/admin/members/scheduled-grants/actions";
import type { ScheduledGrantKind } from "@/db/schema";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export interface GrantFormValues {
  id?: string;
  name: string;
  kind: ScheduledGrantKind;
  birthdayMode: "day" | "month";
  dayOfMonth: string;
  runOn: string;
  tierCode: string;
  joinedFrom: string;
  joinedTo: string;
  points: string;
  tierPoints: Record<string, string>;
  expiryDays: string;
  reason: string;
  enabled: boolean;
}

const select = "min-h-11 rounded-lg border border-border bg-surface px-3 text-base text-fg";

export function ScheduledGrantForm({ tiers, initial }: { tiers: { code: string; name: string }[]; initial: GrantFormValues }) {
  const t = useTranslations("scheduledGrants");
  const tAll = useTranslations();
  const router = useRouter();
  const [state, action, pending] = useActionState<ScheduledGrantFormState, FormData>(saveScheduledGrantAction, {});
  const [kind, setKind] = useState<ScheduledGrantKind>(initial.kind);
  const err = (k: string) => (state.errors?.[k] ? tAll(state.errors[k]) : undefined);
  // Refused: the fields keep what was typed (the form resets to its defaults after every submit).
  const v = state.values;
  const val = (k: keyof GrantFormValues & string, fallback: string) => (v ? (v[k] ?? "") : fallback);
  // After an edit, back to the list (the page without ?edit=); after a create, a fresh form.
  useEffect(() => {
    if (state.savedId && initial.id) router.push("/admin/members/scheduled-grants");
  }, [state.savedId, initial.id, router]);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate aria-label={initial.id ? t("editTitle") : t("newTitle")} key={state.savedId && !initial.id ? state.savedId : "form"}>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("name")} name="name" id="sg-name" required maxLength={100} defaultValue={val("name", initial.name)} hint={t("nameHint")} error={err("name")} />
        <div className="flex flex-col gap-1">
          <label htmlFor="sg-kind" className="text-sm font-medium">
            {t("kind")}
          </label>
          <select id="sg-kind" name="kind" className={select} value={kind} onChange={(e) => setKind(e.target.value as ScheduledGrantKind)}>
            <option value="birthday">{t("kinds.birthday")}</option>
            <option value="monthly">{t("kinds.monthly")}</option>
            <option value="once">{t("kinds.once")}</option>
          </select>
        </div>
      </div>

      {kind === "birthday" ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="text-sm font-medium">{t("birthdayMode")}</legend>
          {(["day", "month"] as const).map((m) => (
            <label key={m} className="flex items-start gap-2 text-sm">
              <input type="radio" name="birthdayMode" value={m} defaultChecked={(v?.birthdayMode ?? initial.birthdayMode) === m} className="mt-1" />
              <span>
                {t(`modes.${m}`)}
                <span className="block text-muted">{t(`modes.${m}Hint`)}</span>
              </span>
            </label>
          ))}
          {err("birthdayMode") ? <p className="text-sm text-danger">{err("birthdayMode")}</p> : null}
          <p className="text-sm text-muted">{t("birthdayRules")}</p>
        </fieldset>
      ) : (
        <>
          {kind === "monthly" ? (
            <Field label={t("dayOfMonth")} name="dayOfMonth" id="sg-dom" type="number" inputMode="numeric" min={1} max={28} step={1} defaultValue={val("dayOfMonth", initial.dayOfMonth)} hint={t("dayOfMonthHint")} error={err("dayOfMonth")} />
          ) : (
            <Field label={t("runOn")} name="runOn" id="sg-run-on" type="date" defaultValue={val("runOn", initial.runOn)} error={err("runOn")} />
          )}
          <fieldset className="grid gap-3 sm:grid-cols-3">
            <legend className="mb-1 text-sm font-medium">{t("segment")}</legend>
            <div className="flex flex-col gap-1">
              <label htmlFor="sg-tier" className="text-sm font-medium">
                {t("tier")}
              </label>
              <select id="sg-tier" name="tierCode" className={select} defaultValue={val("tierCode", initial.tierCode)}>
                <option value="">{t("anyTier")}</option>
                {tiers.map((x) => (
                  <option key={x.code} value={x.code}>
                    {x.name}
                  </option>
                ))}
              </select>
            </div>
            <Field label={t("joinedFrom")} name="joinedFrom" id="sg-from" type="date" defaultValue={val("joinedFrom", initial.joinedFrom)} error={err("joinedFrom")} />
            <Field label={t("joinedTo")} name="joinedTo" id="sg-to" type="date" defaultValue={val("joinedTo", initial.joinedTo)} error={err("joinedTo")} />
          </fieldset>
        </>
      )}

      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t("points")} name="points" id="sg-points" type="number" inputMode="numeric" min={1} step={1} required defaultValue={val("points", initial.points)} error={err("points")} />
        <Field label={t("expiryDays")} name="expiryDays" id="sg-expiry" type="number" inputMode="numeric" min={1} step={1} defaultValue={val("expiryDays", initial.expiryDays)} hint={t("expiryHint")} error={err("expiryDays")} />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">{t("tierPoints")}</legend>
        <p className="text-sm text-muted">{t("tierPointsHint")}</p>
        <div className="grid gap-3 sm:grid-cols-3">
          {tiers.map((x) => (
            <Field key={x.code} label={x.name} name={`tier.${x.code}`} id={`sg-tier-${x.code}`} type="number" inputMode="numeric" min={0} step={1} defaultValue={v ? (v[`tier.${x.code}`] ?? "") : (initial.tierPoints[x.code] ?? "")} />
          ))}
        </div>
        {err("tierPoints") ? <p className="text-sm text-danger">{err("tierPoints")}</p> : null}
      </fieldset>
      <Field label={t("reason")} name="reason" id="sg-reason" required maxLength={300} defaultValue={val("reason", initial.reason)} hint={t("reasonHint")} error={err("reason")} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="enabled" defaultChecked={v ? v.enabled === "on" : initial.enabled} />
        {t("enabledLabel")}
      </label>
      {state.errors?.form ? <Alert tone="error">{tAll(state.errors.form)}</Alert> : null}
      {state.savedId && !initial.id ? <Alert tone="success">{t("saved")}</Alert> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tAll("common.working") : initial.id ? t("saveEdit") : t("create")}
        </Button>
      </div>
    </form>
  );
}

function RunProgress({ runId, attempt }: { runId: string; attempt: number }) {
  const t = useTranslations("scheduledGrants");
  const format = useFormatter();
  const router = useRouter();
  const query = useQuery({
    queryKey: ["scheduled-run", runId, attempt],
    queryFn: () => scheduledRunStatusAction(runId),
    refetchInterval: (q) => (q.state.data?.status === "done" ? false : 1000),
  });
  const r = query.data;
  const done = r?.status === "done";
  // The list's "last run" column catches up once the run is over.
  useEffect(() => {
    if (done) router.refresh();
  }, [done, router]);
  if (!r) return <p className="text-sm text-muted">{t("run.starting")}</p>;
  const handled = r.granted + r.skippedFrozen + r.failed;
  const pct = done ? 100 : r.candidates ? Math.min(100, Math.floor((handled * 100) / r.candidates)) : 0;
  return (
    <div className="flex min-w-48 flex-col gap-1 text-sm" data-testid="run-progress">
      <div role="progressbar" aria-label={t("run.progress")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-2 overflow-hidden rounded bg-surface-2">
        <div className="h-full bg-brand" style={{ width: `${pct}%` }} />
      </div>
      <p aria-live="polite" data-testid="run-status">
        {done ? t("run.done", { granted: r.granted, points: format.number(r.points), frozen: r.skippedFrozen, failed: r.failed }) : t("run.running", { handled, total: r.candidates })}
      </p>
    </div>
  );
}

export function RunNowButton({ grantId, name, disabled }: { grantId: string; name: string; disabled: boolean }) {
  const t = useTranslations("scheduledGrants");
  const tAll = useTranslations();
  const [pending, start] = useTransition();
  const [runId, setRunId] = useState<string | null>(null);
  // A second "run now" of the same day's run polls afresh (the same run id, counting on).
  const [attempt, setAttempt] = useState(0);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <Button
        type="button"
        variant="secondary"
        disabled={disabled || pending}
        aria-label={t("run.buttonFor", { name })}
        onClick={() =>
          start(async () => {
            setError(null);
            const res = await runScheduledGrantNowAction(grantId);
            if (res.error) setError(res.error);
            if (res.runId) {
              setRunId(res.runId);
              setAttempt((n) => n + 1);
            }
          })
        }
      >
        {t("run.button")}
      </Button>
      {error ? <p className="text-sm text-danger">{tAll(error)}</p> : null}
      {runId ? <RunProgress key={`${runId}-${attempt}`} runId={runId} attempt={attempt} /> : null}
    </div>
  );
}
