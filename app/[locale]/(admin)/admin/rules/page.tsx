import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { NewRuleForm } from "@/components/rules/new-rule-form";
import { ruleName, summarizeRule } from "@/components/rules/rule-summary";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { listRules } from "@/lib/rules/admin/list-rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rules"))("title") };
}

const WHEN = { dateStyle: "medium", timeStyle: "short" } as const;

// The rules overview: every rule key with the version in force, what is scheduled, drafts, and
// starting a new campaign or custom action rule.
export default async function RulesPage() {
  const actor = await requirePage("admin:rules");
  const at = now();
  const [t, format, locale, rows] = await Promise.all([getTranslations("rules"), getFormatter(), getLocale(), listRules(at, actor)]);
  const tz = env.DEPLOYMENT_TZ;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Card>
        <DataTable
          caption={t("list.caption")}
          testId="rules-table"
          rows={rows}
          rowKey={(r) => r.ruleKey}
          empty={t("list.noVersion")}
          columns={[
            {
              header: t("list.rule"),
              rowHeader: true,
              cell: (r) => (
                <>
                  <Link href={`/admin/rules/${encodeURIComponent(r.ruleKey)}`} className="font-medium text-brand underline">
                    {ruleName(r.kind, r.ruleKey, r.inForce?.definition ?? r.upcoming, locale, t)}
                  </Link>
                  <span className="block font-mono text-xs text-muted">{r.ruleKey}</span>
                  {r.kind === "campaign" || r.kind === "action" ? <span className="block text-xs text-muted">{t(`kinds.${r.kind}`)}</span> : null}
                  {r.hasDraft ? <span className="mt-1 inline-block rounded bg-warn-soft px-1.5 text-xs text-warn">{t("list.draft")}</span> : null}
                </>
              ),
            },
            { header: t("list.version"), cell: (r) => (r.inForce ? `v${r.inForce.version}` : "—"), className: "tabular whitespace-nowrap" },
            { header: t("list.effective"), cell: (r) => (r.inForce ? format.dateTime(r.inForce.effectiveAt, WHEN) : t("list.notYet")), className: "whitespace-nowrap" },
            {
              header: t("list.summary"),
              cell: (r) =>
                r.inForce ? (r.inForce.valid ? summarizeRule(r.kind, r.inForce.definition, locale, tz, t) : t("list.invalid")) : r.scheduled.length ? t("list.onlyScheduled") : t("list.noVersion"),
            },
            {
              header: t("list.scheduled"),
              cell: (r) =>
                r.scheduled.length ? (
                  <ul>
                    {r.scheduled.map((s) => (
                      <li key={s.version} className="whitespace-nowrap">
                        {t("list.scheduledAt", { version: s.version, at: format.dateTime(s.effectiveAt, WHEN) })}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="text-muted">—</span>
                ),
            },
          ]}
        />
      </Card>
      <Card aria-labelledby="new-rule-title">
        <CardTitle id="new-rule-title" className="mb-1">
          {t("list.newTitle")}
        </CardTitle>
        <p className="mb-4 text-sm text-muted">{t("list.newIntro")}</p>
        <NewRuleForm />
      </Card>
    </div>
  );
}
