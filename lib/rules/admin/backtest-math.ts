// The pure part of a backtest: which rules were in force at each order's time (with the draft
// substituted), and re-evaluating an order exactly as ingestion did — the same evaluator, the same
// campaign cap and budget counters (simulated in order), the same tier, the same points-paid cash,
// and the same commission calculator over the order's upline snapshot.
import { calculateCommissions, type ChainMember } from "@/lib/distribution/commission-math";
import { evaluateOrder, type CampaignUsage, type OrderEvaluation } from "../evaluate-order";
import { buildRuleset } from "../ruleset";
import type { RuleDefinitions, RuleKind, Ruleset } from "../schema";
import { localDay } from "../usage";
import { withRule } from "./with-rule";

export interface StoredVersion {
  id: string;
  ruleKey: string;
  version: number;
  effectiveAt: Date;
  definition: unknown;
}

/** The ruleset in force at any instant, from every stored version (built once per distinct set). */
export class RulesetTimeline {
  private readonly changes: number[];
  private readonly cache = new Map<number, Ruleset>();

  constructor(
    private readonly versions: readonly StoredVersion[],
    private readonly draft?: { ruleKey: string; kind: RuleKind; definition: RuleDefinitions[RuleKind] },
  ) {
    this.changes = [...new Set(versions.map((v) => v.effectiveAt.getTime()))].sort((a, b) => a - b);
  }

  at(t: Date): Ruleset {
    const ms = t.getTime();
    // Index of the last change at or before t: every instant in one segment has the same versions.
    let lo = 0;
    let hi = this.changes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.changes[mid]! <= ms) lo = mid + 1;
      else hi = mid;
    }
    const segment = lo;
    let rules = this.cache.get(segment);
    if (!rules) {
      const cut = segment === 0 ? -Infinity : this.changes[segment - 1]!;
      const inForce = new Map<string, StoredVersion>();
      for (const v of this.versions) {
        if (v.effectiveAt.getTime() > cut) continue;
        const cur = inForce.get(v.ruleKey);
        if (!cur || v.version > cur.version) inForce.set(v.ruleKey, v);
      }
      rules = buildRuleset([...inForce.values()].map((v) => ({ id: v.id, ruleKey: v.ruleKey, definition: v.definition })));
      if (this.draft) rules = withRule(rules, this.draft.ruleKey, this.draft.kind, this.draft.definition);
      this.cache.set(segment, rules);
    }
    return rules;
  }
}

interface Counter {
  /** points by local day "YYYY-MM-DD" */
  days: Map<string, number>;
}

/** Campaign cap and budget counters as ingestion keeps them (rule_member_usage / rule_budget_usage), in memory. */
export class UsageSimulator {
  private readonly perMember = new Map<string, Counter>();
  private readonly budget = new Map<string, number>();

  constructor(private readonly timeZone: string) {}

  read(memberId: string, ruleKeys: readonly string[], at: Date): Record<string, CampaignUsage> {
    const out: Record<string, CampaignUsage> = {};
    if (ruleKeys.length === 0) return out; // no capped campaign in force: no calendar arithmetic
    const { day, monthStart } = localDay(at, this.timeZone);
    for (const k of ruleKeys) {
      const c = this.perMember.get(`${memberId} ${k}`);
      let memberDay = 0;
      let memberMonth = 0;
      for (const [d, p] of c?.days ?? []) {
        if (d === day) memberDay += p;
        // As ingestion counts it: every day from the month start on (rule_member_usage has no upper bound).
        if (d >= monthStart) memberMonth += p;
      }
      out[k] = { memberDay, memberMonth, total: this.budget.get(k) ?? 0 };
    }
    return out;
  }

  record(memberId: string, awards: readonly { ruleKey: string; points: number }[], at: Date): void {
    if (awards.length === 0) return;
    const { day } = localDay(at, this.timeZone);
    for (const a of awards) {
      const key = `${memberId} ${a.ruleKey}`;
      const c = this.perMember.get(key) ?? { days: new Map() };
      c.days.set(day, (c.days.get(day) ?? 0) + a.points);
      this.perMember.set(key, c);
      this.budget.set(a.ruleKey, (this.budget.get(a.ruleKey) ?? 0) + a.points);
    }
  }
}

export interface BacktestOrder {
  id: string;
  memberId: string;
  placedAt: Date;
  shippingCents: number;
  /** Cash value of the points paid at checkout, as stored on the order (what the customer paid with). */
  pointsCashCents: number;
  /** What ingestion awarded. */
  pointsAwarded: number;
  /** The tier the order was evaluated with (from its earn entry), else the member's tier now. */
  tierCode: string | null;
  lines: { sku: string; category: string | null; quantity: number; unitPriceCents: number; discountCents: number }[];
  upline: readonly string[];
}

export interface OrderOutcome {
  points: number;
  commissionCents: number;
}

/** Commissions depend on the distribution rule and the earning base (earning rule) only. */
export const affectsCommissions = (kind: RuleKind) => kind === "earning" || kind === "distribution";

const hasCaps = (c: Ruleset["campaigns"][number]) => c.definition.caps.perMemberPerDay !== null || c.definition.caps.perMemberPerMonth !== null || c.definition.caps.budget !== null;

/**
 * One order under one ruleset, as ingestion evaluates it. Does not record campaign usage: the caller
 * does (`cappedAwards`), only when the order earns — a member frozen at the time earned nothing.
 */
export function replayOrder(
  rules: Ruleset,
  order: BacktestOrder,
  usage: UsageSimulator,
  distributor: (memberId: string) => ChainMember["distributor"],
  timeZone: string,
  { commissions = true }: { commissions?: boolean } = {},
): OrderOutcome & { cappedAwards: { ruleKey: string; points: number }[]; evaluation: OrderEvaluation } {
  const capped = rules.campaigns.filter(hasCaps);
  const campaignUsage = usage.read(order.memberId, capped.map((c) => c.ruleKey), order.placedAt);
  const evaluation = evaluateOrder(
    rules,
    { placedAt: order.placedAt, items: order.lines, shippingCents: order.shippingCents, pointsCashCents: order.pointsCashCents },
    { tierCode: order.tierCode },
    { timeZone, campaignUsage },
  );
  let commissionCents = 0;
  if (commissions && (order.upline.length > 0 || rules.distribution.definition.selfPurchase)) {
    const member = (id: string): ChainMember => ({ memberId: id, distributor: distributor(id) });
    const { shares } = calculateCommissions({
      lines: order.lines.map((l, i) => ({ sku: l.sku, category: l.category, baseCents: evaluation.base.items[i]?.baseCents ?? 0 })),
      buyer: member(order.memberId),
      upline: order.upline.map(member),
      rule: rules.distribution,
    });
    commissionCents = shares.reduce((s, x) => s + x.amountCents, 0);
  }
  return {
    points: evaluation.points,
    commissionCents,
    cappedAwards: evaluation.campaignAwards.filter((a) => capped.some((c) => c.ruleKey === a.ruleKey)),
    evaluation,
  };
}

/**
 * Cash value of points, for the liability: points × 100 / pointsPerCurrencyUnit cents,
 * ROUNDED DOWN to a whole cent (one rule, named: the liability is never overstated by rounding).
 */
export function pointsValueCents(points: number, pointsPerCurrencyUnit: number): number {
  const v = (BigInt(points) * 100n) / BigInt(pointsPerCurrencyUnit);
  return Number(points < 0 && (BigInt(points) * 100n) % BigInt(pointsPerCurrencyUnit) !== 0n ? v - 1n : v);
}
