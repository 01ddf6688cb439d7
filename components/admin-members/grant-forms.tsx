"use client";

// Bulk grant forms: preview first (count, total points, a sample), then run; the run's progress is
// polled with react-query until the job is done, with failed rows listed by line number.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { csvGrantAction, grantJobStatusAction, segmentGrantAction, type GrantFormState } from "@/app/[locale]/(admin)/admin/members/grants/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";

function Preview({ state }: { state: GrantFormState }) {
  const t = useTranslations("adminMembers.grants");
  const format = useFormatter();
  if (!state.preview) return null;
  const p = state.preview;
  return (
    <div className="rounded-lg border border-border p-3 text-sm" data-testid="grant-preview" aria-live="polite">
      <p className="font-medium">{t("previewLine", { count: p.count, points: format.number(p.totalPoints) })}</p>
      {p.unknown.length ? <p className="text-danger">{t("unknownLines", { lines: p.unknown.join(", ") })}</p> : null}
      {p.sample.length ? (
        <ul className="mt-2 text-muted">
          {p.sample.map((s, i) => (
            <li key={i}>
              {s.name || s.email} <span className="text-xs">({s.email})</span> +{format.number(s.points)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function LineErrors({ state }: { state: GrantFormState }) {
  const t = useTranslations("adminMembers.grants");
  if (!state.lineErrors?.length) return null;
  return (
    <Alert tone="error">
      <p>{t("fixLines")}</p>
      <ul className="mt-1">
        {state.lineErrors.slice(0, 20).map((e) => (
          <li key={e.rowNo}>{t("lineError", { line: e.rowNo, why: t(`lineErrors.${e.error}`) })}</li>
        ))}
      </ul>
    </Alert>
  );
}

export function JobProgress({ jobId, existing }: { jobId: string; existing?: boolean }) {
  const t = useTranslations("adminMembers.grants");
  const format = useFormatter();
  const query = useQuery({
    queryKey: ["grant-job", jobId],
    queryFn: () => grantJobStatusAction(jobId),
    refetchInterval: (q) => (q.state.data?.status === "running" ? 1000 : false),
  });
  const j = query.data;
  // The page's recent-jobs table was rendered while the job ran: re-render it once the job is done.
  const router = useRouter();
  const status = j?.status;
  useEffect(() => {
    if (status === "done") router.refresh();
  }, [status, router]);
  if (!j) return <p className="text-sm text-muted">{t("loading")}</p>;
  const pct = j.total ? Math.floor((j.processed * 100) / j.total) : 100;
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-border p-3 text-sm" data-testid="grant-job">
      {existing ? <Alert tone="info">{t("existing")}</Alert> : null}
      <p className="font-medium">{j.label}</p>
      <div role="progressbar" aria-label={t("progress")} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} className="h-2 overflow-hidden rounded bg-surface-2">
        <div className="h-full bg-brand" style={{ width: `${pct}%` }} />
      </div>
      <p aria-live="polite" data-testid="grant-job-status">
        {j.status === "done" ? t("done", { granted: j.granted, failed: j.failed, points: format.number(j.pointsGranted) }) : t("running", { processed: j.processed, total: j.total })}
      </p>
      {j.errors.length ? (
        <ul className="text-danger">
          {j.errors.map((e) => (
            <li key={e.rowNo}>{t("rowError", { line: e.rowNo, member: e.memberRef, why: t.has(`rowErrors.${e.error}`) ? t(`rowErrors.${e.error}`) : (e.error ?? "") })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Buttons({ pending, canRun }: { pending: boolean; canRun: boolean }) {
  const t = useTranslations("adminMembers.grants");
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" name="intent" value="preview" variant="secondary" disabled={pending}>
        {t("preview")}
      </Button>
      <Button type="submit" name="intent" value="run" disabled={pending || !canRun}>
        {t("run")}
      </Button>
    </div>
  );
}

export function CsvGrantForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<GrantFormState, FormData>(csvGrantAction, {});
  const err = (k: string) => (state.errors?.[k] ? t(state.errors[k]) : undefined);
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex flex-col gap-3" noValidate aria-label={t("adminMembers.grants.csvTitle")}>
        <Field label={t("adminMembers.grants.label")} name="label" id="csv-label" required maxLength={100} defaultValue={state.values?.label} error={err("label")} />
        <div className="flex flex-col gap-1">
          <label htmlFor="csv-text" className="text-sm font-medium">
            {t("adminMembers.grants.csv")}
          </label>
          <textarea
            id="csv-text"
            name="csv"
            rows={6}
            defaultValue={state.values?.csv}
            aria-describedby={state.errors?.csv ? "csv-text-error" : "csv-text-hint"}
            aria-invalid={state.errors?.csv ? true : undefined}
            placeholder={"member,points,reason\nchen.jing@demo.jifen.dev,100,Survey thanks"}
            className="rounded-lg border border-border bg-surface px-3 py-2 font-mono text-sm text-fg placeholder:text-muted"
          />
          {state.errors?.csv ? (
            <p id="csv-text-error" className="text-sm text-danger">
              {t(state.errors.csv)}
            </p>
          ) : (
            <p id="csv-text-hint" className="text-sm text-muted">
              {t("adminMembers.grants.csvHint")}
            </p>
          )}
        </div>
        <LineErrors state={state} />
        <Preview state={state} />
        <Buttons pending={pending} canRun />
      </form>
      {state.jobId ? <JobProgress key={state.jobId} jobId={state.jobId} existing={state.existing} /> : null}
    </div>
  );
}

export function SegmentGrantForm({ tiers }: { tiers: { code: string; name: string }[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<GrantFormState, FormData>(segmentGrantAction, {});
  const err = (k: string) => (state.errors?.[k] ? t(state.errors[k]) : undefined);
  return (
    <div className="flex flex-col gap-3">
      <form action={action} className="flex flex-col gap-3" noValidate aria-label={t("adminMembers.grants.segmentTitle")}>
        <Field label={t("adminMembers.grants.label")} name="label" id="seg-label" required maxLength={100} defaultValue={state.values?.label} error={err("label")} />
        <div className="grid gap-3 sm:grid-cols-3">
          <SelectField id="seg-tier" name="tierCode" label={t("adminMembers.grants.tier")} defaultValue={state.values?.tierCode ?? ""} options={[{ value: "", label: t("adminMembers.grants.anyTier") }, ...tiers.map((x) => ({ value: x.code, label: x.name }))]} />
          <Field label={t("adminMembers.grants.joinedFrom")} name="joinedFrom" id="seg-from" type="date" defaultValue={state.values?.joinedFrom} error={err("joinedFrom")} />
          <Field label={t("adminMembers.grants.joinedTo")} name="joinedTo" id="seg-to" type="date" defaultValue={state.values?.joinedTo} error={err("joinedTo")} />
        </div>
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label={t("adminMembers.grants.points")} name="points" id="seg-points" type="number" inputMode="numeric" min={1} step={1} defaultValue={state.values?.points} error={err("points")} />
          <Field label={t("adminMembers.grants.reason")} name="reason" id="seg-reason" className="sm:col-span-2" maxLength={300} defaultValue={state.values?.reason} error={err("reason")} />
        </div>
        <Preview state={state} />
        <Buttons pending={pending} canRun />
      </form>
      {state.jobId ? <JobProgress key={state.jobId} jobId={state.jobId} existing={state.existing} /> : null}
    </div>
  );
}
