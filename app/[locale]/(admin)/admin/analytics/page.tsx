import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { TimeChart } from "@/components/analytics/chart";
import { RefreshButton } from "@/components/analytics/refresh-button";
import { formatMoney } from "@/components/member/money";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import type { AnalyticsTable } from "@/lib/admin/analytics/csv";
import { loadDashboard, type Dashboard } from "@/lib/admin/analytics/dashboard";
import { parseRange, PRESETS } from "@/lib/admin/analytics/range";
import { localDay, rollupsRefreshedAt } from "@/lib/admin/analytics/refresh-rollups";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("analytics") };
}

const COLORS = { brand: "var(--color-brand)", ok: "var(--color-ok)", warn: "var(--color-warn)", danger: "var(--color-danger)", muted: "var(--color-muted)" };

// The analytics dashboard: a date range over the daily rollups; every chart has its table and every table a CSV.
// It only reads: the rollups are refreshed by the background job (lib/jobs/background.ts), cron or "Refresh now".
export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin:analytics");
  const q = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const range = parseRange(q, localDay(now()));
  const [t, format, locale, d, asOf] = await Promise.all([getTranslations("analytics"), getFormatter(), getLocale(), loadDashboard(range), rollupsRefreshedAt()]);
  const n = (v: number) => format.number(v);
  const money = (cents: number) => formatMoney(format, cents);
  const pct = (bps: number | null) => (bps === null ? "—" : format.number(bps / 10_000, { style: "percent", maximumFractionDigits: 1 }));
  const rangeQuery = range.preset ? `range=${range.preset}` : `from=${range.from}&to=${range.to}`;
  const csvHref = (table: AnalyticsTable) => `/admin/analytics/export?table=${table}&${rangeQuery}`;
  const peakActive = Math.max(0, ...d.days.map((x) => x.activeMembers));
  const dayColumn: Column<Day> = { header: t("points.day"), rowHeader: true, cell: (x) => x.day };
  const numberColumn = (header: string, value: (x: Day) => number): Column<Day> => ({ header, numeric: true, cell: (x) => n(value(x)) });
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
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-sm text-muted" data-testid="analytics-as-of">
              {asOf ? <time dateTime={asOf.toISOString()}>{t("freshness.asOf", { time: format.dateTime(asOf, { dateStyle: "medium", timeStyle: "short" }) })}</time> : t("freshness.never")}
            </p>
            <RefreshButton labels={{ refresh: t("freshness.refresh"), refreshing: t("freshness.refreshing"), refreshed: t("freshness.refreshed"), busy: t("freshness.busy") }} />
          </div>
        }
      />
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
            columns={[
              dayColumn,
              ...(["issued", "redeemed", "expired", "reversed", "outstanding"] as const).map((k) => numberColumn(t(`points.${k}`), (x) => ({ issued: x.pointsIssued, redeemed: x.pointsRedeemed, expired: x.pointsExpired, reversed: x.pointsReversed, outstanding: x.outstanding })[k])),
            ]}
            rows={d.days}
            rowKey={(x) => x.day}
            empty={null}
          />
        </TableToggle>
      </Section>

      <Section title={t("sales.title")} csv={csvHref("sales")} csvLabel={t("csvNamed", { name: t("sales.title") })} csvText={t("csv")}>
        <MoneyFigures
          className="grid-cols-2 sm:grid-cols-3 lg:grid-cols-6"
          figures={[
            [t("sales.sales"), d.totals.salesCents],
            [t("sales.netSales"), d.totals.netSalesCents],
            [t("sales.distributorSales"), d.totals.distributorSalesCents],
            [t("sales.accrued"), d.totals.commissionsAccruedCents],
            [t("sales.reversed"), d.totals.commissionsReversedCents],
            [t("sales.paid"), d.totals.withdrawalsPaidCents],
          ]}
          money={money}
        />
        <h3 className="mt-2 text-sm font-semibold">{t("sales.nowTitle")}</h3>
        <MoneyFigures
          className="grid-cols-1 sm:grid-cols-3"
          testId="commissions-now"
          figures={[
            [t("sales.pending"), d.commissionsNow.pendingCents],
            [t("sales.payable"), d.commissionsNow.payableCents],
            [t("sales.withdrawing"), d.commissionsNow.withdrawingCents],
          ]}
          money={money}
        />
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
            columns={[
              dayColumn,
              numberColumn(t("sales.orders"), (x) => x.orders),
              ...(
                [
                  ["sales", (x) => x.salesCents],
                  ["netSales", (x) => x.netSalesCents],
                  ["distributorSales", (x) => x.distributorSalesCents],
                  ["accrued", (x) => x.commissionsAccruedCents],
                  ["reversed", (x) => x.commissionsReversedCents],
                  ["paid", (x) => x.withdrawalsPaidCents],
                ] as const satisfies readonly (readonly [string, (x: Day) => number])[]
              ).map(([k, cents]): Column<Day> => ({ header: t(`sales.${k}`), numeric: true, cell: (x) => money(cents(x)) })),
            ]}
            rows={d.days}
            rowKey={(x) => x.day}
            empty={null}
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
            columns={[
              dayColumn,
              numberColumn(t("members.active"), (x) => x.activeMembers),
              numberColumn(t("members.new"), (x) => x.newMembers),
              numberColumn(t("members.referred"), (x) => x.referredMembers),
              numberColumn(t("members.redemptions"), (x) => x.redemptions),
            ]}
            rows={d.days}
            rowKey={(x) => x.day}
            empty={null}
          />
        </TableToggle>
      </Section>

      <div className="grid gap-4 lg:grid-cols-2">
        <Section title={t("rewards.title")} csv={csvHref("rewards")} csvLabel={t("csvNamed", { name: t("rewards.title") })} csvText={t("csv")}>
          <DataTable
            caption={t("rewards.title")}
            columns={[
              { header: t("rewards.reward"), rowHeader: true, cell: (r) => (locale === "en" ? (r.nameEn ?? r.name) : r.name) },
              { header: t("rewards.units"), numeric: true, cell: (r) => n(r.units) },
              { header: t("rewards.points"), numeric: true, cell: (r) => n(r.points) },
            ]}
            rows={d.topRewards}
            rowKey={(r) => r.id}
            empty={<p className="text-sm text-muted">{t("rewards.empty")}</p>}
          />
        </Section>
        <Section title={t("distributors.title")} csv={csvHref("distributors")} csvLabel={t("csvNamed", { name: t("distributors.title") })} csvText={t("csv")}>
          <DataTable
            caption={t("distributors.title")}
            columns={[
              { header: t("distributors.distributor"), rowHeader: true, cell: (r) => r.name || "—" },
              { header: t("distributors.code"), className: "font-mono text-xs", cell: (r) => r.code ?? "—" },
              { header: t("distributors.orders"), numeric: true, cell: (r) => n(r.orders) },
              { header: t("distributors.commission"), numeric: true, cell: (r) => money(r.commissionCents) },
            ]}
            rows={d.topDistributors}
            rowKey={(r) => r.id}
            empty={<p className="text-sm text-muted">{t("distributors.empty")}</p>}
          />
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
          <h3 className="text-sm font-medium">{t("tiers.distribution")}</h3>
          <DataTable
            caption={t("tiers.distribution")}
            columns={[
              { header: t("tiers.tier"), rowHeader: true, cell: (x) => tierName(x.code) },
              { header: t("tiers.members"), numeric: true, cell: (x) => n(x.members) },
            ]}
            rows={d.tiers}
            rowKey={(x) => x.code}
            empty={null}
          />
        </Section>
        <Section title={t("tiers.movement")} csv={csvHref("tier-moves")} csvLabel={t("csvNamed", { name: t("tiers.movement") })} csvText={t("csv")}>
          <DataTable
            caption={t("tiers.movement")}
            columns={[
              { header: t("tiers.from"), cell: (m) => tierName(m.from) },
              { header: t("tiers.to"), cell: (m) => tierName(m.to) },
              { header: t("tiers.members"), numeric: true, cell: (m) => n(m.members) },
            ]}
            rows={d.tierMoves}
            rowKey={(m) => `${m.from ?? ""}>${m.to}`}
            empty={<p className="text-sm text-muted">{t("tiers.noMoves")}</p>}
          />
        </Section>
      </div>

      <Section title={t("funnel.title")} csv={csvHref("funnel")} csvLabel={t("csvNamed", { name: t("funnel.title") })} csvText={t("csv")}>
        <DataTable
          caption={t("funnel.title")}
          columns={[
            { header: t("funnel.step"), rowHeader: true, cell: ([step]) => step },
            { header: t("funnel.count"), numeric: true, cell: ([, count]) => n(count) },
          ]}
          rows={[
            [t("funnel.clicks"), d.referralClicks],
            [t("funnel.signUps"), d.totals.referredMembers],
            [t("funnel.orders"), d.totals.distributorOrders],
          ] as const}
          rowKey={([step]) => step}
          empty={null}
        />
      </Section>
    </div>
  );
}

type Day = Dashboard["days"][number];

/** Labelled money figures in a grid (the sales totals and the commissions now). */
function MoneyFigures({ figures, money, className, testId }: { figures: readonly (readonly [string, number])[]; money: (cents: number) => string; className: string; testId?: string }) {
  return (
    <dl className={`grid gap-3 text-sm ${className}`} data-testid={testId}>
      {figures.map(([label, cents]) => (
        <div key={label}>
          <dt className="text-muted">{label}</dt>
          <dd className="tabular text-lg font-semibold">{money(cents)}</dd>
        </div>
      ))}
    </dl>
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
