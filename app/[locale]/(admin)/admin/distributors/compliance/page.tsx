import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { formatMoney } from "@/components/member/money";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTableCard } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { complianceReport } from "@/lib/distribution/compliance";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminDistribution.compliance"))("title") };
}

// The compliance report: real chain depth, paid levels, the depth-3 acknowledgement, recruiting
// rewards (points only) and commissions by level.
export default async function CompliancePage() {
  await requirePage("admin:members");
  const [t, format, locale, r] = await Promise.all([getTranslations("adminDistribution.compliance"), getFormatter(), getLocale(), complianceReport()]);
  const money = (c: number) => formatMoney(format, c);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Card>
        <dl className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4" data-testid="compliance-summary">
          <div>
            <dt className="text-muted">{t("maxDepth")}</dt>
            <dd className="tabular text-xl font-semibold">{r.maxChainDepth}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("paidDepth")}</dt>
            <dd className="tabular text-xl font-semibold">{r.paidDepth}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("rates")}</dt>
            <dd className="tabular text-xl font-semibold">{r.levelRatesBps.map((b) => `${format.number(b / 100)}%`).join(" / ")}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("depth3")}</dt>
            <dd className="text-xl font-semibold">{r.paidDepth < 3 ? t("notApplicable") : r.depth3Acknowledged ? t("acknowledged") : t("notAcknowledged")}</dd>
          </div>
        </dl>
        {r.paidDepth >= 3 ? (
          <div className="mt-4">
            <Alert tone="warn">{t("depth3Warning")}</Alert>
          </div>
        ) : null}
      </Card>
      <Card>
        <CardTitle className="mb-2">{t("recruitingTitle")}</CardTitle>
        <p className="mb-3 text-sm text-muted">{t("recruitingIntro")}</p>
        {r.recruitingRewards.length === 0 ? (
          <p className="text-sm">{t("noRecruiting")}</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm" data-testid="recruiting-rewards">
            {r.recruitingRewards.map((a) => (
              <li key={a.ruleKey}>
                <span className="font-mono">{a.ruleKey}</span> · {a.name[locale] ?? a.name.en ?? ""} · {t("points", { points: a.points })} {a.enabled ? "" : `· ${t("disabled")}`}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <DataTableCard
        title={t("byLevelTitle")}
        testId="commissions-by-level"
        rows={r.commissionsByLevel}
        rowKey={(l) => String(l.level)}
        empty={t("noCommissions")}
        columns={[
          { header: t("level"), cell: (l) => t("levelN", { level: l.level }) },
          { header: t("count"), numeric: true, cell: (l) => format.number(l.count) },
          { header: t("amount"), numeric: true, cell: (l) => money(l.amountCents) },
          { header: t("reversed"), numeric: true, cell: (l) => money(l.reversedCents) },
        ]}
      />
    </div>
  );
}
