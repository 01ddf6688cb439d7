// The dashboard's figures from the daily rollups. Pure: plain rows in, plain numbers out.
import type { AnalyticsDay } from "@/db/schema";
import { pointsCashCents } from "@/lib/rules/checkout";
import type { CheckoutPolicy } from "@/lib/rules/schema";
import { eachDay } from "./range";

export type DayFigures = Omit<AnalyticsDay, "refreshedAt">;
export const FIGURE_KEYS = [
  "pointsIssued", "pointsRestored", "pointsRedeemed", "pointsExpired", "pointsReversed", "pointsAdjusted", "pointsNet",
  "orders", "salesCents", "netSalesCents", "refundsCents", "distributorOrders", "distributorSalesCents", "redemptions",
  "redemptionPoints", "commissionsAccruedCents", "commissionsReversedCents", "withdrawalsPaidCents", "newMembers",
  "referredMembers", "activeMembers",
] as const satisfies readonly (keyof DayFigures)[];
export type Figure = (typeof FIGURE_KEYS)[number];

export const zeroDay = (day: string): DayFigures => ({ day, ...(Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Record<Figure, number>) });

/** One row per day of the range: days without activity have no rollup row and read as zeros. */
export function fillDays(rows: readonly DayFigures[], from: string, to: string): DayFigures[] {
  const byDay = new Map(rows.map((r) => [r.day, r]));
  return eachDay(from, to).map((d) => byDay.get(d) ?? zeroDay(d));
}

export function totals(rows: readonly DayFigures[]): Record<Figure, number> {
  const out = Object.fromEntries(FIGURE_KEYS.map((k) => [k, 0])) as Record<Figure, number>;
  for (const r of rows) for (const k of FIGURE_KEYS) out[k] += r[k];
  return out;
}

/** Points outstanding at the end of each day: the balance before the range plus each day's net. */
export function outstandingSeries(rows: readonly DayFigures[], openingPoints: number): { day: string; outstanding: number }[] {
  let running = openingPoints;
  return rows.map((r) => ({ day: r.day, outstanding: (running += r.pointsNet) }));
}

/**
 * Redemption rate: points redeemed ÷ points issued in the range (null when nothing was issued).
 * Breakage: of the points that left members' balances without a refund reversing them, the share
 * that expired rather than being redeemed — expired ÷ (redeemed + expired). Rates in basis points,
 * rounded half up (a display figure; no money depends on it).
 */
export function rates(t: Pick<Record<Figure, number>, "pointsIssued" | "pointsRedeemed" | "pointsExpired">): { redemptionRateBps: number | null; breakageBps: number | null } {
  const bps = (num: number, den: number) => (den > 0 ? Math.round((num * 10_000) / den) : null);
  return { redemptionRateBps: bps(t.pointsRedeemed, t.pointsIssued), breakageBps: bps(t.pointsExpired, t.pointsRedeemed + t.pointsExpired) };
}

/** What outstanding points would cost the merchant at checkout: floor(points × 100 / points per ¥1). */
export function liabilityCents(points: number, policy: CheckoutPolicy): number {
  return points > 0 ? pointsCashCents(points, policy) : 0;
}

/** Members at each tier at the end of the range: Σ of the daily tier changes up to it. */
export function tierDistribution(changes: readonly { key: string; count: number }[], order: readonly string[]): { code: string; members: number }[] {
  const sums = new Map<string, number>();
  for (const c of changes) sums.set(c.key, (sums.get(c.key) ?? 0) + c.count);
  const codes = [...order, ...[...sums.keys()].filter((k) => !order.includes(k)).sort()];
  return codes.map((code) => ({ code, members: Math.max(0, sums.get(code) ?? 0) }));
}
