"use client";

// The editor of one rule key: the form (or advanced JSON) over the admin's draft, its issues field
// by field, saving, the live preview and publishing. Issues are checked as the admin types with the
// same schema the server uses; the saved draft's issues come from the server (which also checks
// campaign overlaps), and publishing checks everything again.
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState, useTransition } from "react";
import { discardDraftAction, saveDraftAction } from "@/app/[locale]/(admin)/admin/rules/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { checkDefinition, type RuleIssue } from "@/lib/rules/admin/rule-issues";
import type { RuleKind } from "@/lib/rules/schema";
import { EditorProvider, useFieldLabel } from "./fields";
import { issueText } from "./issue-text";
import { KindForm } from "./kind-forms";
import { fieldId, setIn, splitPath } from "./paths";
import type { BacktestView } from "@/lib/rules/admin/get-backtest";
import { BacktestPanel } from "./backtest-panel";
import { PreviewPanel, type TierOption } from "./preview-panel";
import { PublishPanel } from "./publish-panel";

export interface WorkbenchProps {
  ruleKey: string;
  kind: RuleKind;
  /** The saved draft, or the version the editing starts from. */
  initial: unknown;
  hasDraft: boolean;
  draftStale: boolean;
  /** The saved draft's issues from the server (campaign overlaps included). */
  serverIssues: RuleIssue[];
  inForceVersion: number | null;
  latestVersion: number | null;
  scheduled: { version: number; effectiveAt: string }[];
  tiers: TierOption[];
  timeZone: string;
  /** Now as a datetime-local value in the deployment zone. */
  nowLocal: string;
  /** The admin's latest backtest of this rule, if any. */
  backtest: BacktestView | null;
}

export function RuleWorkbench(props: WorkbenchProps) {
  const { ruleKey, kind } = props;
  const t = useTranslations("rules");
  const tAll = useTranslations();
  const locale = useLocale();
  const labelOf = useFieldLabel();
  const [value, setValue] = useState<unknown>(props.initial);
  const [revision, setRevision] = useState(0);
  const [saved, setSaved] = useState<{ json: string; issues: RuleIssue[]; at: string | null } | null>(
    props.hasDraft ? { json: JSON.stringify(props.initial), issues: props.serverIssues, at: null } : null,
  );
  const [tab, setTab] = useState<"form" | "json">("form");
  const [jsonText, setJsonText] = useState("");
  const [jsonError, setJsonError] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const json = useMemo(() => JSON.stringify(value), [value]);
  const dirty = saved === null ? json !== JSON.stringify(props.initial) : json !== saved.json;
  const issues = useMemo(() => (saved && saved.json === json ? saved.issues : checkDefinition(ruleKey, value).issues), [saved, json, ruleKey, value]);
  const say = (i: RuleIssue) => issueText(i, (k, v) => t(k, v), (k) => t.has(k), locale);

  const set = (path: (string | number)[], next: unknown) => {
    setValue((cur: unknown) => setIn(cur, path, next));
  };

  const save = () =>
    start(async () => {
      setFailure(null);
      const r = await saveDraftAction(ruleKey, value);
      if (r.failure) setFailure(tAll(r.failure.error, r.failure.values));
      else setSaved({ json, issues: r.issues ?? [], at: r.savedAt ?? null });
    });

  const hasSavedDraft = props.hasDraft || saved !== null;
  return (
    <EditorProvider value={{ value, set, issues, timeZone: props.timeZone }}>
      <Card aria-labelledby="draft-title">
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          <CardTitle id="draft-title">{t("editor.title")}</CardTitle>
          <p className="text-sm text-muted" role="status" data-testid="draft-status">
            {dirty ? t("editor.unsaved") : hasSavedDraft ? t("editor.saved") : props.inForceVersion ? t("editor.fromVersion", { version: props.inForceVersion }) : t("editor.new")}
          </p>
        </div>
        <div role="tablist" aria-label={t("editor.view")} className="mb-4 flex gap-2">
          {(["form", "json"] as const).map((k) => (
            <button
              key={k}
              role="tab"
              type="button"
              id={`tab-${k}`}
              aria-selected={tab === k}
              aria-controls={`panel-${k}`}
              className={cn("min-h-11 rounded-lg px-3 text-sm font-medium", tab === k ? "bg-brand text-brand-fg" : "border border-border hover:bg-surface-2")}
              onClick={() => {
                if (k === "json") {
                  setJsonText(JSON.stringify(value, null, 2));
                  setJsonError(false);
                }
                setTab(k);
              }}
            >
              {t(`editor.${k}`)}
            </button>
          ))}
        </div>

        {issues.length > 0 ? (
          <div className="mb-4 rounded-lg border border-danger bg-danger-soft px-3 py-2 text-sm text-danger" data-testid="issue-summary">
            <p className="font-medium">{t("editor.issues", { count: issues.length })}</p>
            <ul className="mt-1 list-disc pl-5">
              {issues.map((i, n) => (
                <li key={n}>
                  <a className="underline" href={`#${fieldId(splitPath(i.path))}`}>
                    {labelOf(splitPath(i.path), true)}
                  </a>
                  : {say(i)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        {tab === "form" ? (
          <div id="panel-form" role="tabpanel" aria-labelledby="tab-form">
            <KindForm key={revision} kind={kind} />
          </div>
        ) : (
          <div id="panel-json" role="tabpanel" aria-labelledby="tab-json" className="flex flex-col gap-2">
            <label htmlFor="rule-json" className="text-sm font-medium">
              {t("editor.jsonLabel")}
            </label>
            <textarea
              id="rule-json"
              value={jsonText}
              onChange={(e) => setJsonText(e.target.value)}
              rows={18}
              spellCheck={false}
              aria-invalid={jsonError || undefined}
              aria-describedby={jsonError ? "rule-json-error" : undefined}
              className="rounded-lg border border-border bg-surface p-3 font-mono text-xs text-fg"
            />
            {jsonError ? (
              <p id="rule-json-error" className="text-sm text-danger">
                {t("editor.jsonInvalid")}
              </p>
            ) : null}
            <div>
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  try {
                    setValue(JSON.parse(jsonText));
                    setRevision((r) => r + 1);
                    setJsonError(false);
                  } catch {
                    setJsonError(true);
                  }
                }}
              >
                {t("editor.applyJson")}
              </Button>
            </div>
          </div>
        )}

        {failure ? (
          <div className="mt-4">
            <Alert tone="error">{failure}</Alert>
          </div>
        ) : null}
        <div className="mt-4 flex flex-wrap gap-2">
          <Button type="button" onClick={save} disabled={pending || (!dirty && hasSavedDraft)}>
            {pending ? tAll("common.working") : t("editor.save")}
          </Button>
          {hasSavedDraft ? (
            <Button type="button" variant="secondary" disabled={pending} onClick={() => start(() => discardDraftAction(ruleKey))}>
              {t("editor.discard")}
            </Button>
          ) : null}
        </div>
      </Card>

      <PreviewPanel ruleKey={ruleKey} kind={kind} definition={value} tiers={props.tiers} timeZone={props.timeZone} nowLocal={props.nowLocal} inForceVersion={props.inForceVersion} />

      {kind !== "action" ? <BacktestPanel ruleKey={ruleKey} definition={value} blocked={issues.length > 0} initial={props.backtest} /> : null}

      <PublishPanel
        ruleKey={ruleKey}
        nextVersion={(props.latestVersion ?? 0) + 1}
        blocked={!hasSavedDraft ? "noDraft" : dirty ? "unsaved" : issues.length ? "issues" : props.draftStale ? "stale" : null}
        scheduled={props.scheduled}
        timeZone={props.timeZone}
        nowLocal={props.nowLocal}
      />
    </EditorProvider>
  );
}
