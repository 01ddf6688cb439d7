// The dashboard's tables as CSV downloads (one per table on the page). Pure: a Dashboard in, text
// out. Headers are stable English column names (for spreadsheets and scripts); money in yuan.
import { toCsv } from "@/lib/mall/admin/csv";
import { centsToYuan } from "@/lib/money";
import type { Dashboard } from "./dashboard";

export const ANALYTICS_TABLES = ["points", "sales", "members", "rewards", "distributors", "tiers", "tier-moves", "funnel"] as const;
export type AnalyticsTable = (typeof ANALYTICS_TABLES)[number];

type Cell = string | number | null;

function table(d: Dashboard, name: AnalyticsTable): { header: string[]; rows: Cell[][] } {
  switch (name) {
    case "points":
      return {
        header: ["day", "issued", "restored", "redeemed", "expired", "reversed", "adjusted", "net", "outstanding"],
        rows: d.days.map((r) => [r.day, r.pointsIssued, r.pointsRestored, r.pointsRedeemed, r.pointsExpired, r.pointsReversed, r.pointsAdjusted, r.pointsNet, r.outstanding]),
      };
    case "sales":
      return {
        header: ["day", "orders", "sales_yuan", "net_sales_yuan", "refunds_yuan", "distributor_orders", "distributor_sales_yuan", "commissions_accrued_yuan", "commissions_reversed_yuan", "withdrawals_paid_yuan"],
        rows: d.days.map((r) => [r.day, r.orders, centsToYuan(r.salesCents), centsToYuan(r.netSalesCents), centsToYuan(r.refundsCents), r.distributorOrders, centsToYuan(r.distributorSalesCents), centsToYuan(r.commissionsAccruedCents), centsToYuan(r.commissionsReversedCents), centsToYuan(r.withdrawalsPaidCents)]),
      };
    case "members":
      return { header: ["day", "active_members", "new_members", "referred_members", "redemptions"], rows: d.days.map((r) => [r.day, r.activeMembers, r.newMembers, r.referredMembers, r.redemptions]) };
    case "rewards":
      return { header: ["reward_id", "name", "units", "points"], rows: d.topRewards.map((r) => [r.id, r.name, r.units, r.points]) };
    case "distributors":
      return { header: ["distributor_id", "code", "name", "orders", "commission_yuan"], rows: d.topDistributors.map((r) => [r.id, r.code, r.name, r.orders, centsToYuan(r.commissionCents)]) };
    case "tiers":
      return { header: ["tier", "members"], rows: d.tiers.map((t) => [t.code, t.members]) };
    case "tier-moves":
      return { header: ["from", "to", "members"], rows: d.tierMoves.map((m) => [m.from, m.to, m.members]) };
    case "funnel":
      return {
        header: ["step", "count"],
        rows: [
          ["referral_clicks", d.referralClicks],
          ["referred_sign_ups", d.totals.referredMembers],
          ["distributor_orders", d.totals.distributorOrders],
        ],
      };
  }
}

export function analyticsCsv(d: Dashboard, name: AnalyticsTable): { filename: string; csv: string } {
  const { header, rows } = table(d, name);
  return { filename: `analytics-${name}-${d.range.from}-${d.range.to}.csv`, csv: toCsv(header, rows) };
}
