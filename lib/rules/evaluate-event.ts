// Points for an action event (signup, check-in, review, share, any custom type): a pure function of
// (rules in force, event, member, usage counters). The caller counts; this decides.
//
// Caps count AWARDS per member (check-in once a day, signup once ever); the budget counts points
// across all members. Awards are all-or-nothing: an award that would overrun the budget gives 0 —
// a member never sees "3 of your 5 review points". Rounding: only when a tier multiplier applies,
// floor once per event.
import type { EventExplanation, EventReason } from "./explain";
import { BPS } from "./ratio";
import { actionKey, type ActionRule, type Ruleset, type StreakBonus } from "./schema";
import { findTier } from "./tiers";

export interface EventInput {
  type: string;
  occurredAt: Date;
  /** Consecutive local days including this one (check-ins); the caller reads it from check_ins. */
  streak?: number;
}

export interface EventMember {
  tierCode: string | null;
}

/** Prior awards of this action to the member (local day / month / ever) and points it gave everyone. */
export interface ActionCounters {
  memberDay: number;
  memberMonth: number;
  memberTotal: number;
  budgetUsed: number;
}

export const NO_USAGE: ActionCounters = { memberDay: 0, memberMonth: 0, memberTotal: 0, budgetUsed: 0 };

export interface EventEvaluation {
  points: number;
  reason: EventReason;
  explanation: EventExplanation;
  ruleVersionIds: string[];
}

/**
 * The bonus for streak `length`: with a cycle of N days the streak counts 1…N, 1…N (so a weekly
 * "day 7: +20" pays on days 7, 14, 21…); without one, the day is the streak length itself.
 */
export function streakBonusFor(streak: StreakBonus, length: number): { day: number; bonus: number } {
  const day = streak.cycleDays === null ? length : ((length - 1) % streak.cycleDays) + 1;
  const bonus = streak.bonuses.filter((b) => b.day === day).reduce((s, b) => s + b.points, 0);
  return { day, bonus };
}

function capReason(rule: ActionRule, c: ActionCounters): EventReason | null {
  if (!rule.enabled) return "rule-disabled";
  if (rule.maxPerMemberTotal !== null && c.memberTotal >= rule.maxPerMemberTotal) return "cap-member-total";
  if (rule.maxPerMemberPerMonth !== null && c.memberMonth >= rule.maxPerMemberPerMonth) return "cap-member-month";
  if (rule.maxPerMemberPerDay !== null && c.memberDay >= rule.maxPerMemberPerDay) return "cap-member-day";
  return null;
}

export function evaluateEvent(
  rules: Pick<Ruleset, "actions" | "tiers">,
  event: EventInput,
  member: EventMember,
  counters: ActionCounters = NO_USAGE,
): EventEvaluation {
  const version = rules.actions.find((a) => a.ruleKey === actionKey(event.type));
  const explanation: EventExplanation = {
    kind: "event",
    eventType: event.type,
    label: version?.definition.name ?? null,
    basePoints: 0,
    streak: null,
    tier: null,
    total: 0,
    reason: "no-rule",
    rounding: "floor-once-per-event",
  };
  // The explanation is filled in as the evaluation goes; a result snapshots it.
  const result = (points: number, reason: EventReason, ruleVersionIds: string[]): EventEvaluation => ({
    points,
    reason,
    explanation: { ...explanation, reason, total: points },
    ruleVersionIds,
  });
  if (!version) return result(0, "no-rule", []);

  const rule = version.definition;
  const blocked = capReason(rule, counters);
  if (blocked) return result(0, blocked, [version.id]);

  explanation.basePoints = rule.points;
  let raw = rule.points;
  if (rule.streakBonus && event.streak !== undefined && event.streak >= 1) {
    const { day, bonus } = streakBonusFor(rule.streakBonus, event.streak);
    explanation.streak = { length: event.streak, day, bonus };
    raw += bonus;
  }
  const ids = [version.id];
  let points = raw;
  if (rule.applyTierMultiplier) {
    const tier = findTier(rules.tiers.definition, member.tierCode);
    if (tier) {
      explanation.tier = { code: tier.code, label: tier.name, bps: tier.earnMultiplierBps, ruleVersionId: rules.tiers.id };
      ids.push(rules.tiers.id);
      points = Number((BigInt(raw) * BigInt(tier.earnMultiplierBps)) / BigInt(BPS)); // floor, once
    }
  }
  if (points === 0) return result(0, "zero-points", ids);
  if (rule.budget !== null && counters.budgetUsed + points > rule.budget) return result(0, "budget-exhausted", ids);
  return result(points, "awarded", ids);
}
