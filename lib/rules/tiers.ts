// Tier qualification. Tiers are earned by points EARNED (or spend) in a rolling window — never by
// the balance, so spending points at the mall never costs a member their tier.
import type { Tier, TiersRule } from "./schema";

export interface TierMetrics {
  /** Points credited by earning (orders, actions) in the qualification window, before any spending. */
  pointsEarnedInWindow: number;
  /** Paid cents (net of refunds) in the window. */
  spendCentsInWindow: number;
}

/** The figure the rule qualifies on. */
export function tierMetricValue(rule: TiersRule, metrics: TierMetrics): number {
  return rule.qualification.basis === "spend" ? metrics.spendCentsInWindow : metrics.pointsEarnedInWindow;
}

export function findTier(rule: TiersRule, code: string | null | undefined): Tier | null {
  return rule.tiers.find((t) => t.code === code) ?? null;
}

function rank(rule: TiersRule, tier: Tier): number {
  return rule.tiers.findIndex((t) => t.code === tier.code);
}

/** The highest tier whose threshold the member reaches (thresholds are inclusive: exactly 5 000 is Silver). */
export function qualifyTier(rule: TiersRule, metrics: TierMetrics): Tier {
  const value = tierMetricValue(rule, metrics);
  let best = rule.tiers[0]!; // threshold 0 (schema-enforced), so every member qualifies for it
  for (const t of rule.tiers) if (value >= t.threshold) best = t;
  return best;
}

export interface TierProgress {
  current: Tier;
  /** null at the top tier. */
  next: Tier | null;
  basis: TiersRule["qualification"]["basis"];
  value: number;
  /** How much more of the basis (points or cents) reaches `next`; 0 at the top. */
  remaining: number;
  /** Progress from current to next threshold in basis points, rounded down (10 000 at the top). */
  progressBps: number;
}

/** Progress toward the next tier, for the member's tier page. */
export function tierProgress(rule: TiersRule, metrics: TierMetrics): TierProgress {
  const value = tierMetricValue(rule, metrics);
  const current = qualifyTier(rule, metrics);
  const next = rule.tiers[rank(rule, current) + 1] ?? null;
  const basis = rule.qualification.basis;
  if (!next) return { current, next, basis, value, remaining: 0, progressBps: 10_000 };
  const span = next.threshold - current.threshold;
  const done = value - current.threshold;
  return { current, next, basis, value, remaining: next.threshold - value, progressBps: Math.floor((done * 10_000) / span) };
}

export type TierChange = "upgrade" | "downgrade" | "keep";

export interface TierDecision {
  tier: Tier;
  change: TierChange;
  /** What the metrics alone would give. */
  qualified: Tier;
}

/**
 * The tier a member holds after the review at the end of a period. Qualifying higher always
 * upgrades; qualifying lower follows the downgrade policy. An unknown current code (a tier that was
 * removed) is replaced by the qualified tier.
 */
export function decideTierAtPeriodEnd(rule: TiersRule, currentCode: string | null, metrics: TierMetrics): TierDecision {
  const qualified = qualifyTier(rule, metrics);
  const current = findTier(rule, currentCode);
  if (!current) return { tier: qualified, change: currentCode === qualified.code ? "keep" : "upgrade", qualified };
  const cur = rank(rule, current);
  const q = rank(rule, qualified);
  if (q > cur) return { tier: qualified, change: "upgrade", qualified };
  if (q === cur) return { tier: current, change: "keep", qualified };
  switch (rule.downgrade.policy) {
    case "never":
      return { tier: current, change: "keep", qualified };
    case "one-level":
      return { tier: rule.tiers[cur - 1]!, change: "downgrade", qualified };
    case "recalculate":
      return { tier: qualified, change: "downgrade", qualified };
  }
}
