"use client";
// Daily net commission as bars. The SVG is decorative for assistive technology (aria-hidden, no
// keyboard layer): the same numbers are in the text summary above it and the table under it.
// Colours are the theme tokens, so the chart follows light and dark mode without a re-render.
import { useFormatter, useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { EarningsPoint } from "@/lib/distribution/dashboard";

export function EarningsChart({ series, currency }: { series: EarningsPoint[]; currency: string }) {
  const t = useTranslations("distributorPortal.chart");
  const format = useFormatter();
  const money = (cents: number) => format.number(cents / 100, { style: "currency", currency, currencyDisplay: "narrowSymbol" });
  const shortDay = (day: string) => day.slice(5).replace("-", "/");
  const data = series.map((p) => ({ day: p.day, label: shortDay(p.day), yuan: p.cents / 100, cents: p.cents }));
  return (
    <div aria-hidden="true" className="h-48 w-full text-muted" data-testid="earnings-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--c-border)" />
          <XAxis dataKey="label" tick={{ fill: "var(--c-muted)", fontSize: 11 }} tickLine={false} axisLine={{ stroke: "var(--c-border)" }} minTickGap={16} />
          <YAxis width={44} tick={{ fill: "var(--c-muted)", fontSize: 11 }} tickLine={false} axisLine={false} allowDecimals={false} />
          <Tooltip
            cursor={{ fill: "var(--c-surface-2)" }}
            contentStyle={{ background: "var(--c-surface)", border: "1px solid var(--c-border)", borderRadius: 8, color: "var(--c-fg)" }}
            labelStyle={{ color: "var(--c-fg)" }}
            itemStyle={{ color: "var(--c-fg)" }}
            formatter={(_v, _n, item) => [money((item.payload as { cents: number }).cents), t("net")]}
            labelFormatter={(_l, payload) => String((payload?.[0]?.payload as { day?: string } | undefined)?.day ?? "")}
          />
          <Bar dataKey="yuan" fill="var(--c-brand)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
