// One line per rule for the overview, in the reader's language, from the parsed definition.
import type { ActionRule, CampaignRule, DistributionRule, EarningRule, RuleKind, TiersRule } from "@/lib/rules/schema";
import { parseRuleInstant } from "@/lib/rules/time-zone";
import { formatUnit } from "./issue-text";

type T = (key: string, values?: Record<string, string | number>) => string;

export function ruleName(kind: RuleKind, ruleKey: string, definition: unknown, locale: string, t: T): string {
  if (kind === "campaign" || kind === "action") {
    const name = (definition as { name?: Record<string, unknown> } | null)?.name?.[locale];
    if (typeof name === "string" && name) return name;
    return ruleKey;
  }
  return t(`kinds.${kind}`);
}

export function summarizeRule(kind: RuleKind, definition: unknown, locale: string, timeZone: string, t: T): string {
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  const pct = (bps: number) => formatUnit("percentBps", bps, locale);
  const times = (bps: number) => formatUnit("multiplier", bps, locale);
  const money = (c: number) => formatUnit("money", c, locale);
  const when = (s: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(parseRuleInstant(s, timeZone));
  switch (kind) {
    case "earning": {
      const d = definition as EarningRule;
      const expiry = d.expiry.kind === "rolling" ? t("summary.expiryRolling", { days: d.expiry.days }) : d.expiry.kind === "end-of-year" ? t("summary.expiryYear", { years: d.expiry.years }) : t("summary.expiryNever");
      return [
        t("summary.rate", { points: n(d.pointsPerUnit), unit: money(d.unitCents) }),
        t("summary.pending", { days: d.returnWindowDays }),
        expiry,
        t("summary.checkout", { points: n(d.checkout.pointsPerCurrencyUnit), percent: d.checkout.maxPercentOfGoods }),
      ].join(" · ");
    }
    case "tiers": {
      const d = definition as TiersRule;
      return d.tiers.map((x) => `${x.name[locale as "en"] ?? x.code} ≥ ${n(x.threshold)} ${times(x.earnMultiplierBps)}`).join(" · ");
    }
    case "distribution": {
      const d = definition as DistributionRule;
      return [
        t("summary.levels", { depth: d.depth, rates: d.levelRatesBps.map(pct).join(" / ") }),
        t("summary.freeze", { days: d.freezeDays }),
        t("summary.withdrawMin", { amount: money(d.withdrawal.minCents) }),
      ].join(" · ");
    }
    case "campaign": {
      const d = definition as CampaignRule;
      const award = d.award.kind === "multiplier" ? times(d.award.bps) : t("summary.flat", { points: n(d.award.points) });
      const window = d.endsAt ? `${when(d.startsAt)} – ${when(d.endsAt)}` : t("summary.from", { start: when(d.startsAt) });
      return [
        ...(d.enabled ? [] : [t("summary.disabled")]),
        award,
        window,
        ...(d.daysOfWeek ? [t("summary.weekdays", { days: d.daysOfWeek.map((x) => new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, x, 12)))).join(" ") })] : []),
        t(`opt.${d.stacking}`),
        t("summary.priority", { priority: d.priority }),
      ].join(" · ");
    }
    case "action": {
      const d = definition as ActionRule;
      const caps = [
        d.maxPerMemberPerDay !== null ? t("summary.perDay", { n: d.maxPerMemberPerDay }) : null,
        d.maxPerMemberPerMonth !== null ? t("summary.perMonth", { n: d.maxPerMemberPerMonth }) : null,
        d.maxPerMemberTotal !== null ? t("summary.total", { n: d.maxPerMemberTotal }) : null,
      ].filter((x): x is string => x !== null);
      return [...(d.enabled ? [] : [t("summary.disabled")]), t("summary.points", { points: n(d.points) }), ...caps].join(" · ");
    }
  }
}
