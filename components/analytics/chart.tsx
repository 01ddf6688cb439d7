"use client";

// The dashboard's charts (recharts). Decorative for assistive technology: every chart is followed
// by the same numbers as a table (DataTable), so the SVG is hidden from screen readers.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface Series {
  key: string;
  label: string;
  kind: "bar" | "line";
  /** CSS colour (theme variables keep light and dark readable). */
  color: string;
  /** Plot on the right-hand axis (a running total next to daily flows). */
  right?: boolean;
}

export function TimeChart({ data, xKey, series, height = 260 }: { data: Record<string, string | number>[]; xKey: string; series: Series[]; height?: number }) {
  const hasRight = series.some((s) => s.right);
  return (
    <div aria-hidden="true" className="w-full text-xs" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart accessibilityLayer={false} data={data} margin={{ top: 8, right: hasRight ? 8 : 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--color-border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey={xKey} tick={{ fill: "var(--color-muted)" }} tickFormatter={(d: string) => (d.length === 10 ? d.slice(5) : d)} minTickGap={24} />
          <YAxis yAxisId="left" tick={{ fill: "var(--color-muted)" }} width={64} />
          {hasRight ? <YAxis yAxisId="right" orientation="right" tick={{ fill: "var(--color-muted)" }} width={72} /> : null}
          <Tooltip contentStyle={{ background: "var(--color-surface)", border: "1px solid var(--color-border)", color: "var(--color-fg)" }} />
          {/* Legend text in the body colour: series colours on the card would not all meet contrast. */}
          <Legend formatter={(value: string) => <span style={{ color: "var(--color-fg)" }}>{value}</span>} />
          {series.map((s) =>
            s.kind === "bar" ? (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} yAxisId={s.right ? "right" : "left"} isAnimationActive={false} />
            ) : (
              <Line key={s.key} dataKey={s.key} name={s.label} stroke={s.color} dot={false} strokeWidth={2} yAxisId={s.right ? "right" : "left"} isAnimationActive={false} />
            ),
          )}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
