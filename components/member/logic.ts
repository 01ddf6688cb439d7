// Pure helpers behind the member pages: what the check-in card, the task list, the tier card and
// the campaign list show, and how a ledger reason reads. Plain data in, plain data out.
import { BPS } from "@/lib/rules/ratio";
import { findTier, parseRuleInstant, streakBonusFor, type ActionRule, type CampaignRule, type StreakBonus, type Tier, type TierProgress, type TiersRule } from "@/lib/rules";

// ---------------------------------------------------------------- check-in

export interface CheckInView {
  checkedToday: boolean;
  /** The streak as it stands: including today once checked in, else the streak today would continue. */
  streak: number;
  /** Points today's check-in pays (base + any streak bonus, tier multiplier applied); null once checked in. */
  todayPoints: number | null;
  todayBonus: number;
  /** The next streak bonus still ahead: `inDays` 0 = today's check-in, 1 = tomorrow's… */
  nextBonus: { inDays: number; day: number; points: number } | null;
  /** Days of the current cycle for the streak strip (only for cycles of up to 10 days). */
  cycle: { length: number; position: number; bonusDays: Record<number, number> } | null;
}

/**
 * What the check-in card shows. `today`/`yesterday` are the streaks stored on those days' check-in
 * rows (null: none). Mirrors lib/points/record-event: today's streak = yesterday's + 1.
 */
export function checkInView(rule: ActionRule, state: { today: number | null; yesterday: number | null }, tierBps = BPS): CheckInView {
  const checkedToday = state.today !== null;
  const streak = state.today ?? state.yesterday ?? 0;
  const nextLength = streak + 1; // the streak length of the next check-in…
  const firstDay = checkedToday ? 1 : 0; // …which is tomorrow's once checked in today
  const bonusAt = (length: number) => (rule.streakBonus ? streakBonusFor(rule.streakBonus, length).bonus : 0);
  const multiply = (p: number) => (rule.applyTierMultiplier ? Math.floor((p * tierBps) / BPS) : p);
  const todayBonus = checkedToday ? 0 : bonusAt(nextLength);
  let nextBonus: CheckInView["nextBonus"] = null;
  if (rule.streakBonus && rule.streakBonus.bonuses.some((b) => b.points > 0)) {
    const horizon = rule.streakBonus.cycleDays ?? Math.max(...rule.streakBonus.bonuses.map((b) => b.day));
    for (let length = nextLength; length <= nextLength + horizon; length++) {
      const { day, bonus } = streakBonusFor(rule.streakBonus, length);
      if (bonus > 0) {
        nextBonus = { inDays: firstDay + (length - nextLength), day, points: multiply(bonus) };
        break;
      }
    }
  }
  return {
    checkedToday,
    streak,
    todayPoints: checkedToday ? null : multiply(rule.points + todayBonus),
    todayBonus: multiply(todayBonus),
    nextBonus,
    cycle: cycleOf(rule.streakBonus, streak, checkedToday),
  };
}

function cycleOf(streak: StreakBonus | null, length: number, checkedToday: boolean): CheckInView["cycle"] {
  if (!streak?.cycleDays || streak.cycleDays > 10) return null;
  const bonusDays: Record<number, number> = {};
  for (const b of streak.bonuses) if (b.points > 0 && b.day <= streak.cycleDays) bonusDays[b.day] = (bonusDays[b.day] ?? 0) + b.points;
  // Days of the current cycle already checked in. A cycle completed yesterday starts over today.
  const day = length === 0 ? 0 : streakBonusFor(streak, length).day;
  const position = !checkedToday && day === streak.cycleDays ? 0 : day;
  return { length: streak.cycleDays, position, bonusDays };
}

// ---------------------------------------------------------------- tasks

export type TaskState =
  | { kind: "done" }
  | { kind: "done-today" }
  | { kind: "done-month" }
  | { kind: "open"; used: number; max: number; per: "day" | "month" | "total" }
  | { kind: "open-unlimited" };

/** Whether an action rule can still pay this member now, from its caps and the member's usage. */
export function taskState(rule: ActionRule, usage: { day: number; month: number; total: number }): TaskState {
  if (rule.maxPerMemberTotal !== null && usage.total >= rule.maxPerMemberTotal) return { kind: "done" };
  if (rule.maxPerMemberPerMonth !== null && usage.month >= rule.maxPerMemberPerMonth) return { kind: "done-month" };
  if (rule.maxPerMemberPerDay !== null && usage.day >= rule.maxPerMemberPerDay) return { kind: "done-today" };
  // Show the tightest cap that allows more than one award as progress ("1/3 today").
  if (rule.maxPerMemberPerDay !== null && rule.maxPerMemberPerDay > 1) return { kind: "open", used: usage.day, max: rule.maxPerMemberPerDay, per: "day" };
  if (rule.maxPerMemberPerMonth !== null && rule.maxPerMemberPerMonth > 1) return { kind: "open", used: usage.month, max: rule.maxPerMemberPerMonth, per: "month" };
  if (rule.maxPerMemberTotal !== null && rule.maxPerMemberTotal > 1) return { kind: "open", used: usage.total, max: rule.maxPerMemberTotal, per: "total" };
  return { kind: "open-unlimited" };
}

export const isTaskDone = (s: TaskState) => s.kind === "done" || s.kind === "done-today" || s.kind === "done-month";

// ---------------------------------------------------------------- campaigns

export interface CampaignWindow {
  status: "running" | "upcoming" | "ended";
  startsAt: Date;
  endsAt: Date | null;
}

/** Where a campaign stands at `at` (instants without a zone are wall-clock times in `timeZone`). */
export function campaignWindow(c: CampaignRule, at: Date, timeZone: string): CampaignWindow {
  const startsAt = parseRuleInstant(c.startsAt, timeZone);
  const endsAt = c.endsAt === null ? null : parseRuleInstant(c.endsAt, timeZone);
  const status = endsAt && endsAt.getTime() <= at.getTime() ? "ended" : startsAt.getTime() > at.getTime() ? "upcoming" : "running";
  return { status, startsAt, endsAt };
}

// ---------------------------------------------------------------- ledger reasons

export type ReasonRef =
  | { kind: "order" | "checkout" | "refund"; ref: string }
  | { kind: "event"; ref: string }
  | { kind: "expired" }
  | { kind: "redemption" | "redemption-cancelled" }
  | { kind: "other"; text: string };

/** The ledger's `reason` (order:ID, checkout:ID, refund:ID, event:TYPE, expired, redemption, redemption-cancelled, free text) parsed. */
export function parseReason(reason: string): ReasonRef {
  const m = /^(order|checkout|refund|event):(.+)$/.exec(reason);
  if (m) return { kind: m[1] as "order" | "checkout" | "refund" | "event", ref: m[2]! };
  if (reason === "expired") return { kind: "expired" };
  // Written by the mall (lib/mall/redeem-reward.ts, cancel-redemption.ts) on entries that carry the redemption.
  if (reason === "redemption" || reason === "redemption-cancelled") return { kind: reason };
  return { kind: "other", text: reason };
}

// ---------------------------------------------------------------- tier standing

export type TierStanding =
  | { kind: "next"; target: Tier; remaining: number; progressBps: number }
  | { kind: "keep"; target: Tier; remaining: number; progressBps: number }
  | { kind: "top" };

/**
 * What the tier card says, from tierProgress and the tier the member HOLDS. They differ when a
 * member keeps a tier they no longer qualify for until the review (downgrade policy): then the
 * card shows what keeps it, not progress to a tier they already have.
 */
export function tierStanding(rule: TiersRule, heldCode: string, p: TierProgress): TierStanding {
  const rank = (t: Tier) => rule.tiers.findIndex((x) => x.code === t.code);
  const held = findTier(rule, heldCode) ?? p.current;
  if (rank(held) > rank(p.current)) {
    const remaining = Math.max(0, held.threshold - p.value);
    return { kind: "keep", target: held, remaining, progressBps: held.threshold > 0 ? Math.floor((Math.min(p.value, held.threshold) * 10_000) / held.threshold) : 10_000 };
  }
  if (!p.next) return { kind: "top" };
  return { kind: "next", target: p.next, remaining: p.remaining, progressBps: Math.max(0, Math.min(10_000, p.progressBps)) };
}
