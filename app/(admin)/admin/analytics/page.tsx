import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TimeChart } from "@/components/analytics/chart";
import { DataTable } from "@/components/analytics/data-table";
import { formatMoney } from "@/components/member/money";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import type { AnalyticsTable } from "@/lib/admin/analytics/csv";
import { loadDashboard } from "@/lib/admin/analytics/dashboard";
import { parseRange, PRESETS } from "@/lib/admin/analytics/range";
import { localDay, refreshRollups } from "@/lib/admin/analytics/refresh-rollups";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("analytics") };
}

const COLORS = { brand: "var(--color-brand)", ok: "var(--color-ok)", warn: "var(--color-warn)", danger: "var(--color-danger)", muted: "var(--color-muted)" };

// The analytics dashboard: a date range over the daily rollups; every chart has its table and every table a CSV.
export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin:analytics");
  const q = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  // Lazily bring today (and anything written since the last run) up to date, at most once a
  // minute; skip rather than wait when another refresh is running.
  await refreshRollups({ wait: false, minIntervalMs: 60_000 });
  const range = parseRange(q, localDay(now()));
  const [t, format, locale, d] = await Promise.all([getTranslations("analytics"), getFormatter(), getLocale(), loadDashboard(range)]);
  const n = (v: number) => format.number(v);
  const money = (cents: number) => formatMoney(format, cents);
  const pct = (bps: number | null) => (bps === null ? "—" : format.number(bps / 10_000, { style: "percent", maximumFractionDigits: 1 }));
  const rangeQuery = range.preset ? `range=${range.preset}` : `from=${range.from}&to=${range.to}`;
  const csvHref = (table: AnalyticsTable) => `/admin/analytics/export?table=${table}&${rangeQuery}`;
  const peakActive = Math.max(0, ...d.days.map((x) => x.activeMembers));
  const tierName = (code: string | null) => (code ? (d.tiers.find((x) => x.code === code)?.name?.[locale === "en" ? "en" : "zh-CN"] ?? code) : t("tiers.new"));

  const kpis: [string, string, string?][] = [
    [t("kpi.issued"), n(d.totals.pointsIssued)],
    [t("kpi.redeemed"), n(d.totals.pointsRedeemed)],
    [t("kpi.expired"), n(d.totals.pointsExpired)],
    [t("kpi.outstanding"), n(d.outstandingPoints)],
    [t("kpi.liability"), money(d.liabilityCents), t("kpi.liabilityHint", { points: n(d.checkout.pointsPerCurrencyUnit) })],
    [t("kpi.redemptionRate"), pct(d.redemptionRateBps), t("kpi.redemptionRateHint")],
    [t("kpi.breakage"), pct(d.breakageBps), t("kpi.breakageHint")],
    [t("kpi.activeMembers"), n(d.averageDailyActive), t("kpi.activeHint", { peak: n(peakActive) })],
    [t("kpi.newMembers"), n(d.totals.newMembers)],
  ];

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <Card>
        <nav aria-label={t("range")} className="flex flex-col gap-3">
          <ul className="flex flex-wrap gap-2">
            {PRESETS.map((p) => (
              <li key={p}>
                <Link
                  href={`/admin/analytics?range=${p}`}
                  aria-current={range.preset === p ? "page" : undefined}
                  className={`inline-flex min-h-11 items-center rounded-lg border px-3 text-sm ${range.preset === p ? "border-brand bg-brand text-brand-fg" : "border-border hover:bg-surface-2"}`}
                >
                  {t("lastDays", { days: p })}
                </Link>
              </li>
            ))}
          </ul>
          <form method="get" className="flex flex-wrap items-end gap-3">
            <Field label={t("from")} name="from" type="date" defaultValue={range.from} max={range.to} />
            <Field label={t("to")} name="to" type="date" defaultValue={range.to} />
            <Button type="submit" variant="secondary">
              {t("apply")}
            </Button>
          </form>
          <p className="text-sm text-muted" data-testid="analytics-range">
            {t("showing", { from: range.from, to: range.to, days: range.days })}
          </p>
        </nav>
        {range.invalid ? (
          <div className="mt-3">
            <Alert tone="warn">{t("invalidRange")}</Alert>
          </div>
        ) : null}
      </Card>

      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-3 xl:grid-cols-5">
        {kpis.map(([label, value, hint]) => (
          <li key={label}>
            <Card className="h-full">
              <p className="text-sm text-muted">{label}</p>
              <p className="tabular text-2xl font-bold" data-testid="kpi">
                {value}
              </p>
              {hint ? <p className="text-xs text-muted">{hint}</p> : null}
            </Card>
          </li>
        ))}
      </ul>

      <Section title={t("points.title")} csv={csvHref("points")} csvLabel={t("csvNamed", { name: t("points.title") })} csvText={t("csv")}>
        <TimeChart
          xKey="day"
          data={d.days.map((x) => ({ day: x.day, issued: x.pointsIssued, redeemed: x.pointsRedeemed, expired: x.pointsExpired, outstanding: x.outstanding }))}
          series={[
            { key: "issued", label: t("points.issued"), kind: "bar", color: COLORS.brand },
            { key: "redeemed", label: t("points.redeemed"), kind: "bar", color: COLORS.ok },
            { key: "expired", label: t("points.expired"), kind: "bar", color: COLORS.danger },
            { key: "outstanding", label: t("points.outstanding"), kind: "line", color: COLORS.warn, right: true },
          ]}
        />
        <TableToggle label={t("asTable")}>
          <DataTable
            caption={t("points.title")}
            columns={[{ label: t("points.day") }, ...["issued", "redeemed", "expired", "reversed", "outstanding"].map((k) => ({ label: t(`points.${k}`), numeric: true }))]}
            rows={d.days.map((x) => [x.day, n(x.pointsIssued), n(x.pointsRedeemed), n(x.pointsExpired), n(x.pointsReversed), n(x.outstanding)])}
          />
        </TableToggle>
      </Section>

      <Section title={t("sales.title")} csv={csvHref("sales")} csvLabel={t("csvNamed", { name: t("sales.title") })} csvText={t("csv")}>
        <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
          {(
            [
              ["sales", d.totals.salesCents],
              ["netSales", d.totals.netSalesCents],
              ["distributorSales", d.totals.distributorSalesCents],
              ["accrued", d.totals.commissionsAccruedCents],
              ["reversed", d.totals.commissionsReversedCents],
              ["paid", d.totals.withdrawalsPaidCents],
            ] as const
          ).map(([k, v]) => (
            <div key={k}>
              <dt className="text-muted">{t(`sales.${k}`)}</dt>
              <dd className="tabular text-lg font-semibold">{money(v)}</dd>
            </div>
          ))}
        </dl>
        <h3 className="mt-2 text-sm font-semibold">{t("sales.nowTitle")}</h3>
        <dl className="grid grid-cols-1 gap-3 text-sm sm:grid-cols-3" data-testid="commissions-now">
          {(
            [
              ["pending", d.commissionsNow.pendingCents],
              ["payable", d.commissionsNow.payableCents],
              ["withdrawing", d.commissionsNow.withdrawingCents],
            ] as const
          ).map(([k, v]) => (
            <div key={k}>
              <dt className="text-muted">{t(`sales.${k}`)}</dt>
              <dd className="tabular text-lg font-semibold">{money(v)}</dd>
            </div>
          ))}
        </dl>
        <TimeChart
          xKey="day"
          data={d.days.map((x) => ({ day: x.day, sales: x.salesCents / 100, distributorSales: x.distributorSalesCents / 100, accrued: x.commissionsAccruedCents / 100 }))}
          series={[
            { key: "sales", label: t("sales.sales"), kind: "bar", color: COLORS.brand },
            { key: "distributorSales", label: t("sales.distributorSales"), kind: "bar", color: COLORS.ok },
            { key: "accrued", label: t("sales.accrued"), kind: "line", color: COLORS.warn, right: true },
          ]}
        />
        <TableToggle label={t("asTable")}>
          <DataTable
            caption={t("sales.title")}
            columns={[{ label: t("points.day") }, ...["orders", "sales", "netSales", "distributorSales", "accrued", "reversed", "paid"].map((k) => ({ label: t(`sales.${k}`), numeric: true }))]}
            rows={d.days.map((x) => [x.day, n(x.orders), money(x.salesCents), money(x.netSalesCents), money(x.distributorSalesCents), money(x.commissionsAccruedCents), money(x.commissionsReversedCents), money(x.withdrawalsPaidCents)])}
          />
        </TableToggle>
      </Section>

      <Section title={t("members.title")} csv={csvHref("members")} csvLabel={t("csvNamed", { name: t("members.title") })} csvText={t("csv")}>
        <TimeChart
          xKey="day"
          height={200}
          data={d.days.map((x) => ({ day: x.day, active: x.activeMembers, new: x.newMembers }))}
          series={[
            { key: "active", label: t("members.active"), kind: "line", color: COLORS.brand },
            { key: "new", label: t("members.new"), kind: "bar", color: COLORS.ok },
          ]}
        />
        <TableToggle label={t("asTable")}>
          <DataTable
            caption={t("members.title")}
            columns={[{ label: t("points.day") }, ...["active", "new", "referred", "redemptions"].map((k) => ({ label: t(`members.${k}`), numeric: true }))]}
            rows={d.days.map((x) => [x.day, n(x.activeMembers), n(x.newMembers), n(x.referredMembers), n(x.redemptions)])}
          />
        </TableToggle>
      </Section>

      <div className="grid gap-4 lg:grid-cols-2">
        <Section title={t("rewards.title")} csv={csvHref("rewards")} csvLabel={t("csvNamed", { name: t("rewards.title") })} csvText={t("csv")}>
          {d.topRewards.length === 0 ? (
            <p className="text-sm text-muted">{t("rewards.empty")}</p>
          ) : (
            <DataTable
              caption={t("rewards.title")}
              columns={[{ label: t("rewards.reward") }, { label: t("rewards.units"), numeric: true }, { label: t("rewards.points"), numeric: true }]}
              rows={d.topRewards.map((r) => [locale === "en" ? (r.nameEn ?? r.name) : r.name, n(r.units), n(r.points)])}
            />
          )}
        </Section>
        <Section title={t("distributors.title")} csv={csvHref("distributors")} csvLabel={t("csvNamed", { name: t("distributors.title") })} csvText={t("csv")}>
          {d.topDistributors.length === 0 ? (
            <p className="text-sm text-muted">{t("distributors.empty")}</p>
          ) : (
            <DataTable
              caption={t("distributors.title")}
              columns={[{ label: t("distributors.distributor") }, { label: t("distributors.code") }, { label: t("distributors.orders"), numeric: true }, { label: t("distributors.commission"), numeric: true }]}
              rows={d.topDistributors.map((r) => [r.name || "—", <span key="c" className="font-mono text-xs">{r.code ?? "—"}</span>, n(r.orders), money(r.commissionCents)])}
            />
          )}
        </Section>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Section title={t("tiers.title")} csv={csvHref("tiers")} csvLabel={t("csvNamed", { name: t("tiers.distribution") })} csvText={t("csv")}>
          <TimeChart
            xKey="tier"
            height={200}
            data={d.tiers.map((x) => ({ tier: tierName(x.code), members: x.members }))}
            series={[{ key: "members", label: t("tiers.members"), kind: "bar", color: COLORS.brand }]}
          />
          <DataTable
            caption={t("tiers.distribution")}
            captionVisible
            columns={[{ label: t("tiers.tier") }, { label: t("tiers.members"), numeric: true }]}
            rows={d.tiers.map((x) => [tierName(x.code), n(x.members)])}
          />
        </Section>
        <Section title={t("tiers.movement")} csv={csvHref("tier-moves")} csvLabel={t("csvNamed", { name: t("tiers.movement") })} csvText={t("csv")}>
          {d.tierMoves.length === 0 ? (
            <p className="text-sm text-muted">{t("tiers.noMoves")}</p>
          ) : (
            <DataTable
              caption={t("tiers.movement")}
              columns={[{ label: t("tiers.from") }, { label: t("tiers.to") }, { label: t("tiers.members"), numeric: true }]}
              rows={d.tierMoves.map((m) => [tierName(m.from), tierName(m.to), n(m.members)])}
            />
          )}
        </Section>
      </div>

      <Section title={t("funnel.title")} csv={csvHref("funnel")} csvLabel={t("csvNamed", { name: t("funnel.title") })} csvText={t("csv")}>
        <DataTable
          caption={t("funnel.title")}
          columns={[{ label: t("funnel.step") }, { label: t("funnel.count"), numeric: true }]}
          rows={[
            [t("funnel.clicks"), n(d.referralClicks)],
            [t("funnel.signUps"), n(d.totals.referredMembers)],
            [t("funnel.orders"), n(d.totals.distributorOrders)],
          ]}
        />
      </Section>
    </div>
  );
}

function Section({ title, csv, csvLabel, csvText, children }: { title: string; csv: string; csvLabel: string; csvText: string; children: ReactNode }) {
  return (
    <Card className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <CardTitle>{title}</CardTitle>
        <a href={csv} download aria-label={csvLabel} className="inline-flex min-h-11 items-center text-sm font-medium text-brand underline">
          {csvText}
        </a>
      </div>
      {children}
    </Card>
  );
}

function TableToggle({ label, children }: { label: string; children: ReactNode }) {
  return (
    <details>
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium">{label}</summary>
      {children}
    </details>
  );
}
