// The compliance report (传销 red lines): how deep the referral tree really is, how many levels are
// paid, whether depth 3 was acknowledged, any recruiting rewards (they may pay points only — never
// cash; the action rules are the only place they can exist), and commissions actually paid per level.
import { sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";
import { now as clockNow } from "@/lib/clock";
import { loadRuleset } from "@/lib/rules/load-ruleset";

/** Event types that reward recruiting (a sign-up through someone, a downline's first order). */
export const RECRUITING_EVENT = /referr|recruit|invite|downline/i;

export interface ComplianceReport {
  /** Deepest ancestor → descendant distance in the referral tree (0: no bindings). */
  maxChainDepth: number;
  paidDepth: number;
  levelRatesBps: number[];
  depth3Acknowledged: boolean;
  recruitingRewards: { ruleKey: string; name: Record<string, string>; points: number; enabled: boolean }[];
  commissionsByLevel: { level: number; count: number; amountCents: number; reversedCents: number }[];
}

export async function complianceReport(ex: Executor = db): Promise<ComplianceReport> {
  const rules = await loadRuleset(clockNow(), ex);
  const d = rules.distribution.definition;
  const [[depth], byLevel] = await Promise.all([
    ex.execute(sql`select coalesce(max(depth), 0)::int max_depth from referral_paths`).then((r) => rowsOf<{ max_depth: number }>(r)),
    ex
      .execute(sql`select level::int, count(*)::int n, coalesce(sum(amount_cents), 0)::text amount, coalesce(sum(reversed_cents), 0)::text reversed from commissions group by level order by level`)
      .then((r) => rowsOf<{ level: number; n: number; amount: string; reversed: string }>(r)),
  ]);
  return {
    maxChainDepth: Number(depth?.max_depth ?? 0),
    paidDepth: d.depth,
    levelRatesBps: d.levelRatesBps,
    depth3Acknowledged: d.complianceAcknowledged,
    recruitingRewards: rules.actions
      .filter((a) => RECRUITING_EVENT.test(a.ruleKey.slice("action.".length)))
      .map((a) => ({ ruleKey: a.ruleKey, name: a.definition.name as Record<string, string>, points: a.definition.points, enabled: a.definition.enabled })),
    commissionsByLevel: byLevel.map((r) => ({ level: Number(r.level), count: Number(r.n), amountCents: Number(r.amount), reversedCents: Number(r.reversed) })),
  };
}
