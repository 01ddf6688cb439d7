"use client";

// Publishing the saved draft: now or at a scheduled time (never in the past), with a note. Says why
// it cannot be published yet, and which scheduled versions the new one would cancel (a version in
// force from an earlier time than a scheduled one means the scheduled one never takes effect).
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { publishDraftAction, type PublishState } from "@/app/[locale]/(admin)/admin/rules/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { localToInstant } from "./local-time";

export type PublishBlock = "noDraft" | "unsaved" | "issues" | "stale" | null;

export function PublishPanel({
  ruleKey,
  nextVersion,
  blocked,
  scheduled,
  timeZone,
  nowLocal,
}: {
  ruleKey: string;
  nextVersion: number;
  blocked: PublishBlock;
  scheduled: { version: number; effectiveAt: string }[];
  timeZone: string;
  nowLocal: string;
}) {
  const t = useTranslations("rules.publish");
  const tAll = useTranslations();
  const locale = useLocale();
  const [state, action, pending] = useActionState<PublishState, FormData>(publishDraftAction, {});
  const [when, setWhen] = useState<"now" | "scheduled">("now");
  const [at, setAt] = useState("");
  // Every scheduled version takes effect after now, so publishing now cancels them all.
  const effective = when === "now" ? -Infinity : (localToInstant(at, timeZone)?.getTime() ?? null);
  const cancelled = effective === null ? [] : scheduled.filter((s) => new Date(s.effectiveAt).getTime() >= effective);
  const fmt = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));

  return (
    <Card aria-labelledby="publish-title">
      <CardTitle id="publish-title" className="mb-4">
        {t("title")}
      </CardTitle>
      <form action={action} className="flex flex-col gap-4">
        <input type="hidden" name="ruleKey" value={ruleKey} />
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">{t("when")}</legend>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="when" value="now" checked={when === "now"} onChange={() => setWhen("now")} className="size-4" />
            {t("now")}
          </label>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" name="when" value="scheduled" checked={when === "scheduled"} onChange={() => setWhen("scheduled")} className="size-4" />
            {t("scheduled")}
          </label>
          {when === "scheduled" ? (
            <Field id="publish-at" name="at" label={t("at")} type="datetime-local" min={nowLocal} value={at} onChange={(e) => setAt(e.target.value)} hint={t("atHint", { zone: timeZone })} />
          ) : null}
        </fieldset>
        <Field id="publish-note" name="note" label={t("note")} maxLength={500} placeholder={t("notePlaceholder")} />
        {cancelled.length ? (
          <Alert tone="warn">
            {t("supersedes", { versions: cancelled.map((s) => `v${s.version} (${fmt(s.effectiveAt)})`).join(", ") })}
          </Alert>
        ) : null}
        {state.failure ? (
          <Alert tone="error">
            <p>{tAll(state.failure.error, state.failure.values)}</p>
          </Alert>
        ) : null}
        {blocked ? <p className="text-sm text-muted">{t(`blocked.${blocked}`)}</p> : null}
        <div>
          <Button type="submit" disabled={pending || blocked !== null}>
            {pending ? tAll("common.working") : t("submit", { version: nextVersion })}
          </Button>
        </div>
      </form>
    </Card>
  );
}
