import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { formatMoney } from "@/components/member/money";
import { Card, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { EarningsPoint } from "@/lib/distribution/dashboard";
import { CHART_RANGES, summariseEarnings, type ChartRange } from "@/lib/distribution/earnings-summary";
import { env } from "@/lib/env";
import { EarningsChart } from "./earnings-chart";

// Earnings over the last 30 or 90 days: a sentence that says it all, the bars, and the same numbers
// as a table (collapsed) for anyone who cannot use the chart.
export function EarningsTrend({ series, range }: { series: EarningsPoint[]; range: ChartRange }) {
  const t = useTranslations("distributorPortal.chart");
  const format = useFormatter();
  const s = summariseEarnings(series);
  const dayLabel = (day: string) => format.dateTime(new Date(`${day}T12:00:00Z`), { month: "short", day: "numeric", timeZone: "UTC" });
  return (
    <Card aria-labelledby="earnings-trend-title">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle id="earnings-trend-title">{t("title")}</CardTitle>
        <nav aria-label={t("range")} className="flex gap-1">
          {CHART_RANGES.map((r) => (
            <Link
              key={r}
              href={`/distributor?days=${r}`}
              scroll={false}
              aria-current={r === range ? "page" : undefined}
              className={cn("inline-flex min-h-9 items-center rounded-lg px-3 text-sm", r === range ? "bg-brand text-brand-fg" : "border border-border text-fg hover:bg-surface-2")}
            >
              {t("days", { days: r })}
            </Link>
          ))}
        </nav>
      </div>
      <p className="mt-2 text-sm" data-testid="earnings-summary">
        {s.best
          ? t("summary", { days: range, total: formatMoney(format, s.totalCents), active: s.activeDays, best: formatMoney(format, s.best.cents), bestDay: dayLabel(s.best.day) })
          : t("summaryNone", { days: range })}
      </p>
      <div className="mt-3">
        <EarningsChart series={series} currency={env.CURRENCY} />
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-muted">{t("table")}</summary>
        <div className="mt-2 max-h-64 overflow-y-auto" tabIndex={0} role="region" aria-label={t("table")}>
          <table className="w-full text-left" data-testid="earnings-table">
            <thead>
              <tr className="text-muted">
                <th scope="col" className="py-1 font-normal">{t("day")}</th>
                <th scope="col" className="py-1 text-right font-normal">{t("net")}</th>
              </tr>
            </thead>
            <tbody>
              {series.filter((p) => p.cents !== 0).map((p) => (
                <tr key={p.day} className="border-t border-border">
                  <td className="py-1">{dayLabel(p.day)}</td>
                  <td className="tabular py-1 text-right">{formatMoney(format, p.cents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {s.activeDays === 0 ? <p className="text-muted">{t("empty")}</p> : null}
        </div>
      </details>
    </Card>
  );
}
