import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { rebaseDraftAction } from "@/app/[locale]/(admin)/admin/rules/actions";
import { DiffTable } from "@/components/rules/diff-table";
import { localInputValue } from "@/components/rules/local-time";
import { RollbackButton } from "@/components/rules/rollback-button";
import { ruleName } from "@/components/rules/rule-summary";
import { RuleWorkbench } from "@/components/rules/rule-workbench";
import { Alert } from "@/components/ui/alert";
import { Button, LinkButton } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { isDomainError } from "@/lib/errors";
import { latestBacktest } from "@/lib/rules/admin/get-backtest";
import { getRule, type RuleDetail } from "@/lib/rules/admin/get-rule";
import type { VersionStatus } from "@/lib/rules/admin/version-status";
import { loadRuleset } from "@/lib/rules/load-ruleset";

type Params = { params: Promise<{ ruleKey: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const t = await getTranslations("rules");
  return { title: `${t("title")} · ${decodeURIComponent((await params).ruleKey)}` };
}

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;
const BADGE: Record<VersionStatus, string> = {
  "in-force": "bg-ok-soft text-ok",
  scheduled: "bg-warn-soft text-warn",
  past: "bg-surface-2 text-muted",
  superseded: "bg-danger-soft text-danger",
};

// One rule key: the draft editor with preview and publishing, a side-by-side diff against the
// version in force, and the version history with one-click rollback.
export default async function RulePage({ params, searchParams }: Params) {
  const actor = await requirePage("admin:rules");
  const ruleKey = decodeURIComponent((await params).ruleKey);
  const sp = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const at = now();
  let detail: RuleDetail;
  try {
    detail = await getRule(ruleKey, actor, at);
  } catch (e) {
    if (isDomainError(e) && e.code === "not-found") notFound();
    throw e;
  }
  const [t, format, locale, rules, backtest] = await Promise.all([getTranslations("rules"), getFormatter(), getLocale(), loadRuleset(at), latestBacktest(ruleKey, actor)]);
  const tz = env.DEPLOYMENT_TZ;
  const { inForce, draft, versions, latest } = detail;
  const name = ruleName(detail.kind, ruleKey, draft?.definition ?? inForce?.definition ?? latest?.definition ?? null, locale, t);

  // What to compare with the version in force: ?compare=draft|<version>, else the draft if any.
  const compareParam = sp.compare ?? (draft ? "draft" : undefined);
  const compared =
    compareParam === "draft" && draft
      ? { title: t("diff.draft"), definition: draft.parsed ?? draft.definition }
      : (() => {
          const v = versions.find((x) => String(x.version) === compareParam);
          return v ? { title: t("diff.version", { version: v.version }), definition: v.definition } : null;
        })();
  const showAll = sp.all === "1";
  const keep = (extra: Record<string, string>) => `?${new URLSearchParams({ ...(compareParam ? { compare: compareParam } : {}), ...extra })}`;

  return (
    <div className="flex flex-col gap-4">
      <div>
        <Link href="/admin/rules" className="text-sm text-brand underline">
          ← {t("title")}
        </Link>
        <h1 className="text-xl font-semibold">{name}</h1>
        <p className="text-sm text-muted">
          <span className="font-mono">{ruleKey}</span> · {detail.kind === "campaign" || detail.kind === "action" ? `${t(`kinds.${detail.kind}`)} · ` : null}
          {inForce ? t("detail.inForce", { version: inForce.version, at: format.dateTime(inForce.effectiveAt, WHEN) }) : t("detail.noneInForce")}
        </p>
      </div>

      {sp.published ? (
        <Alert tone="success">
          {(() => {
            const v = versions.find((x) => String(x.version) === sp.published);
            return v && v.status === "scheduled"
              ? t("detail.publishedScheduled", { version: v.version, at: format.dateTime(v.effectiveAt, WHEN) })
              : t("detail.published", { version: sp.published });
          })()}
        </Alert>
      ) : null}
      {sp.rolledBack ? <Alert tone="success">{t("detail.rolledBack", { version: sp.rolledBack, from: sp.from ?? "?" })}</Alert> : null}

      {draft?.stale ? (
        <Alert tone="warn">
          <p className="font-medium">{t("detail.staleTitle")}</p>
          <p>{t("detail.staleBody", { base: draft.baseVersion ?? 0, latest: latest?.version ?? 0 })}</p>
          <form action={rebaseDraftAction} className="mt-2 flex flex-wrap gap-2">
            <input type="hidden" name="ruleKey" value={ruleKey} />
            <LinkButton href={keep({ compare: "draft" })} variant="secondary">
              {t("detail.reviewDiff")}
            </LinkButton>
            <Button type="submit" variant="secondary">
              {t("detail.rebase", { latest: latest?.version ?? 0 })}
            </Button>
          </form>
        </Alert>
      ) : null}

      <RuleWorkbench
        key={`${latest?.id ?? "none"}-${draft ? "draft" : "clean"}`}
        ruleKey={ruleKey}
        kind={detail.kind}
        initial={draft?.definition ?? inForce?.definition ?? latest?.definition ?? {}}
        hasDraft={draft !== null}
        draftStale={draft?.stale ?? false}
        serverIssues={draft?.issues ?? []}
        inForceVersion={inForce?.version ?? null}
        latestVersion={latest?.version ?? null}
        scheduled={versions.filter((v) => v.status === "scheduled").map((v) => ({ version: v.version, effectiveAt: v.effectiveAt.toISOString() }))}
        tiers={rules.tiers.definition.tiers.map((x) => ({ code: x.code, label: x.name[locale as "en"] ?? x.code }))}
        timeZone={tz}
        nowLocal={localInputValue(at, tz)}
        backtest={backtest}
      />

      <Card aria-labelledby="diff-title">
        <CardTitle id="diff-title" className="mb-4">
          {t("diff.title")}
        </CardTitle>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="compare" className="text-sm font-medium">
              {inForce ? t("diff.compare", { version: inForce.version }) : t("diff.compareNothing")}
            </label>
            <select key={compareParam ?? ""} id="compare" name="compare" defaultValue={compareParam ?? ""} className="min-h-11 rounded-lg border border-border bg-surface px-3 text-base text-fg">
              <option value="" disabled>
                {t("diff.choose")}
              </option>
              {draft ? <option value="draft">{t("diff.draft")}</option> : null}
              {versions.map((v) => (
                <option key={v.version} value={String(v.version)}>
                  {t("diff.version", { version: v.version })} — {t(`status.${v.status}`)}
                </option>
              ))}
            </select>
          </div>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="checkbox" name="all" value="1" defaultChecked={showAll} className="size-4" />
            {t("diff.showAll")}
          </label>
          <Button type="submit" variant="secondary">
            {t("diff.show")}
          </Button>
        </form>
        {compared ? (
          <DiffTable
            before={inForce?.definition ?? {}}
            after={compared.definition}
            beforeTitle={inForce ? t("diff.inForce", { version: inForce.version }) : t("diff.nothing")}
            afterTitle={compared.title}
            showAll={showAll}
          />
        ) : (
          <p className="text-sm text-muted">{t("diff.pick")}</p>
        )}
      </Card>

      <Card aria-labelledby="history-title">
        <CardTitle id="history-title" className="mb-4">
          {t("history.title")}
        </CardTitle>
        {versions.length === 0 ? (
          <p className="text-sm text-muted">{t("history.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="history-table">
              <caption className="sr-only">{t("history.title")}</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-3">{t("history.version")}</th>
                  <th scope="col" className="py-2 pr-3">{t("history.status")}</th>
                  <th scope="col" className="py-2 pr-3">{t("history.effective")}</th>
                  <th scope="col" className="py-2 pr-3">{t("history.by")}</th>
                  <th scope="col" className="py-2 pr-3">{t("history.note")}</th>
                  <th scope="col" className="py-2">{t("history.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.id} className="border-t border-border align-top" data-testid={`version-${v.version}`}>
                    <th scope="row" className="tabular py-2 pr-3 font-medium">
                      v{v.version}
                    </th>
                    <td className="py-2 pr-3">
                      <span className={cn("inline-block rounded px-1.5 text-xs font-medium", BADGE[v.status])}>{t(`status.${v.status}`)}</span>
                    </td>
                    <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(v.effectiveAt, WHEN)}</td>
                    <td className="py-2 pr-3">{v.createdBy ?? t("history.system")}</td>
                    <td className="py-2 pr-3">{v.note || "—"}</td>
                    <td className="py-2">
                      <div className="flex flex-wrap items-start gap-2">
                        {v.status !== "in-force" ? (
                          <LinkButton href={keep({ compare: String(v.version) })} variant="ghost" aria-label={t("history.compareLabel", { version: v.version })}>
                            {t("history.compare")}
                          </LinkButton>
                        ) : null}
                        {v.status !== "in-force" && latest ? <RollbackButton ruleKey={ruleKey} version={v.version} nextVersion={latest.version + 1} /> : null}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
