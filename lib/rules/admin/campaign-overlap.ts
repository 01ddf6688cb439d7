// Two campaigns are ambiguous when an order could meet both and nothing but their rule keys decides
// between them: both best-only, the same priority, enabled, windows (and weekdays) overlapping.
// The evaluator would still pick one (by key), but an admin could not predict which, so the editor
// refuses the pair and names both.
import type { CampaignRule, LocalizedText } from "../schema";
import { localParts, parseRuleInstant } from "../time-zone";

export interface CampaignCandidate {
  ruleKey: string;
  definition: CampaignRule;
}

export interface CampaignOverlap {
  ruleKey: string;
  name: LocalizedText;
  /** The first instant both could apply, and the end of the shared window (null: open-ended). */
  from: Date;
  until: Date | null;
}

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;

function window(c: CampaignRule, tz: string): { start: number; end: number } {
  return { start: parseRuleInstant(c.startsAt, tz).getTime(), end: c.endsAt === null ? Infinity : parseRuleInstant(c.endsAt, tz).getTime() };
}

/** The first instant in [lo, hi) whose local weekday is in `days`, or null. */
function firstDayIn(lo: number, hi: number, days: ReadonlySet<number>, tz: string): number | null {
  if (hi - lo >= WEEK) {
    for (let t = lo; t < lo + WEEK; t += HOUR) if (days.has(localParts(new Date(t), tz).weekday)) return t;
  }
  // Every local day inside [lo, hi) holds one hourly sample, except a last partial day: check hi − 1 ms too.
  for (let t = lo; t < hi; t += HOUR) if (days.has(localParts(new Date(t), tz).weekday)) return t;
  return hi > lo && days.has(localParts(new Date(hi - 1), tz).weekday) ? hi - 1 : null;
}

/** When both campaigns can apply to one order, or null. */
export function sharedTime(a: CampaignRule, b: CampaignRule, tz: string): { from: Date; until: Date | null } | null {
  const wa = window(a, tz);
  const wb = window(b, tz);
  const lo = Math.max(wa.start, wb.start);
  const hi = Math.min(wa.end, wb.end);
  if (!(lo < hi)) return null;
  const all = [1, 2, 3, 4, 5, 6, 7];
  const days = new Set((a.daysOfWeek ?? all).filter((d) => (b.daysOfWeek ?? all).includes(d)));
  if (days.size === 0) return null;
  const first = days.size === 7 ? lo : firstDayIn(lo, hi === Infinity ? lo + WEEK : hi, days, tz);
  if (first === null) return null;
  return { from: new Date(first), until: hi === Infinity ? null : new Date(hi) };
}

/** The campaigns among `others` that `candidate` would be ambiguous with. */
export function ambiguousOverlaps(candidate: CampaignCandidate, others: readonly CampaignCandidate[], tz: string): CampaignOverlap[] {
  const c = candidate.definition;
  if (!c.enabled || c.stacking !== "best-only") return [];
  const out: CampaignOverlap[] = [];
  for (const o of others) {
    const d = o.definition;
    if (o.ruleKey === candidate.ruleKey || !d.enabled || d.stacking !== "best-only" || d.priority !== c.priority) continue;
    const shared = sharedTime(c, d, tz);
    if (shared && !out.some((x) => x.ruleKey === o.ruleKey)) out.push({ ruleKey: o.ruleKey, name: d.name, ...shared });
  }
  return out;
}
