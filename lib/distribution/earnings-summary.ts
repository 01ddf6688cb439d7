// The words beside the earnings chart: what a screen reader (or anyone) needs without the bars.
import type { EarningsPoint } from "./dashboard";

export interface EarningsSummary {
  totalCents: number;
  /** Days with any net commission (a day whose refunds cancelled it out counts as none). */
  activeDays: number;
  /** The best day, or null when nothing was earned; the earliest such day on a tie. */
  best: EarningsPoint | null;
}

export function summariseEarnings(series: EarningsPoint[]): EarningsSummary {
  let totalCents = 0;
  let activeDays = 0;
  let best: EarningsPoint | null = null;
  for (const p of series) {
    totalCents += p.cents;
    if (p.cents !== 0) activeDays++;
    if (p.cents > 0 && (!best || p.cents > best.cents)) best = p;
  }
  return { totalCents, activeDays, best };
}

/** The periods the chart offers; anything else reads as the first. */
export const CHART_RANGES = [30, 90] as const;
export type ChartRange = (typeof CHART_RANGES)[number];
export function chartRange(raw: unknown): ChartRange {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return (CHART_RANGES as readonly number[]).includes(n) ? (n as ChartRange) : CHART_RANGES[0];
}
