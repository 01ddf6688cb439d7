import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { NewRuleForm } from "@/components/rules/new-rule-form";
import { ruleName, summarizeRule } from "@/components/rules/rule-summary";
import { Card, CardTitle } from "@/components/ui/card";
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
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="rules-table">
            <caption className="sr-only">{t("list.caption")}</caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-2 pr-3">{t("list.rule")}</th>
                <th scope="col" className="py-2 pr-3">{t("list.version")}</th>
                <th scope="col" className="py-2 pr-3">{t("list.effective")}</th>
                <th scope="col" className="py-2 pr-3">{t("list.summary")}</th>
                <th scope="col" className="py-2">{t("list.scheduled")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.ruleKey} className="border-t border-border align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/admin/rules/${encodeURIComponent(r.ruleKey)}`} className="font-medium text-brand underline">
                      {ruleName(r.kind, r.ruleKey, r.inForce?.definition ?? null, locale, t)}
                    </Link>
                    <span className="block font-mono text-xs text-muted">{r.ruleKey}</span>
                    {r.kind === "campaign" || r.kind === "action" ? <span className="block text-xs text-muted">{t(`kinds.${r.kind}`)}</span> : null}
                    {r.hasDraft ? <span className="mt-1 inline-block rounded bg-warn-soft px-1.5 text-xs text-warn">{t("list.draft")}</span> : null}
                  </th>
                  <td className="tabular py-2 pr-3">{r.inForce ? `v${r.inForce.version}` : "—"}</td>
                  <td className="py-2 pr-3 whitespace-nowrap">{r.inForce ? format.dateTime(r.inForce.effectiveAt, WHEN) : t("list.notYet")}</td>
                  <td className="py-2 pr-3">{r.inForce ? (r.inForce.valid ? summarizeRule(r.kind, r.inForce.definition, locale, tz, t) : t("list.invalid")) : t("list.noVersion")}</td>
                  <td className="py-2">
                    {r.scheduled.length ? (
                      <ul>
                        {r.scheduled.map((s) => (
                          <li key={s.version} className="whitespace-nowrap">
                            {t("list.scheduledAt", { version: s.version, at: format.dateTime(s.effectiveAt, WHEN) })}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="text-muted">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
