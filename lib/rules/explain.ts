// Structured "why" for every award, stored on the ledger entry (jsonb) and rendered in the member's
// language. Everything here is JSON-safe. Fractional intermediate values are display strings,
// truncated to 2 decimals (see ratio.toDisplay); the integer `total` is the authority.
import type { Locale } from "@/lib/i18n/locales";
import { BPS, bpsToDecimal } from "./ratio";
import type { CampaignAward, LocalizedText } from "./schema";

export type CapKind = "member-day" | "member-month" | "budget";

export interface LineMultiplierStep {
  source: "sku" | "category";
  /** The SKU or category the multiplier is configured for. */
  key: string;
  bps: number;
  /** Indexes into the order's items. */
  items: number[];
  /** Points this multiplier added (negative for multipliers below ×1), on the base. */
  points: string;
  ruleVersionId: string;
}

export interface CampaignStep {
  ruleKey: string;
  ruleVersionId: string;
  label: LocalizedText;
  award: CampaignAward;
  /** Items the campaign applied to; null: the whole order. */
  items: number[] | null;
  /** Points the campaign added, after caps. */
  points: string;
  /** Before caps. */
  uncapped: string;
  cappedBy: CapKind | null;
}

export interface OrderExplanation {
  kind: "order";
  baseCents: number;
  rate: { points: number; perCents: number; ruleVersionId: string };
  /** baseCents at the earn rate, before any multiplier. */
  basePoints: string;
  lineMultipliers: LineMultiplierStep[];
  tier: { code: string; label: LocalizedText; bps: number; ruleVersionId: string } | null;
  /** (base + line multipliers) × tier. */
  subtotal: string;
  campaigns: CampaignStep[];
  /** Active campaigns that lost to a better best-only choice (or to the stacking ones). */
  notApplied: { ruleKey: string; ruleVersionId: string; reason: "not-best" }[];
  /** Exact total before the final floor (display). */
  exact: string;
  /** Whether the final floor dropped a fraction. */
  roundedDown: boolean;
  total: number;
  rounding: "floor-once-per-order";
}

export type EventReason =
  | "awarded"
  | "no-rule"
  | "rule-disabled"
  | "cap-member-day"
  | "cap-member-month"
  | "cap-member-total"
  | "budget-exhausted"
  | "zero-points";

export interface EventExplanation {
  kind: "event";
  eventType: string;
  label: LocalizedText | null;
  basePoints: number;
  streak: { length: number; day: number; bonus: number } | null;
  tier: { code: string; label: LocalizedText; bps: number; ruleVersionId: string } | null;
  total: number;
  reason: EventReason;
  rounding: "floor-once-per-event";
}

export type Explanation = OrderExplanation | EventExplanation;

const WORDS = {
  en: {
    base: (n: string) => `${n} base`,
    sku: (k: string) => `SKU ${k}`,
    category: (k: string) => `category ${k}`,
    capped: " (capped)",
    rounded: " (rounded down)",
    streak: (day: number) => `streak day ${day}`,
    noRule: (t: string) => `no points rule for “${t}”`,
    reasons: {
      "rule-disabled": "switched off",
      "cap-member-day": "daily limit reached",
      "cap-member-month": "monthly limit reached",
      "cap-member-total": "limit reached",
      "budget-exhausted": "campaign budget used up",
      "zero-points": "no points",
    },
    colon: ": ",
  },
  "zh-CN": {
    base: (n: string) => `基础 ${n}`,
    sku: (k: string) => `商品 ${k}`,
    category: (k: string) => `品类 ${k}`,
    capped: "（已达上限）",
    rounded: "（向下取整）",
    streak: (day: number) => `连续第 ${day} 天`,
    noRule: (t: string) => `“${t}”没有积分规则`,
    reasons: {
      "rule-disabled": "已停用",
      "cap-member-day": "已达每日上限",
      "cap-member-month": "已达每月上限",
      "cap-member-total": "已达上限",
      "budget-exhausted": "活动预算已用完",
      "zero-points": "无积分",
    },
    colon: "：",
  },
} as const;

/** "+ 50" / "− 30": a signed term of the rendered sum. */
function term(points: string): string {
  return points.startsWith("-") ? `− ${points.slice(1)}` : `+ ${points}`;
}

/**
 * Renders the explanation as one line, e.g.
 *   en:    "120 = 100 base × 1.2 Silver"
 *   zh-CN: "120 = 基础 100 × 1.2 白银会员"
 * Line multipliers are added inside the base, the tier multiplies, campaigns add their (capped)
 * extra: "(100 base + 50 category tea ×2) × 1.2 Silver + 90 Weekend ×1.5".
 */
export function formatExplanation(expl: Explanation, locale: Locale): string {
  const w = WORDS[locale];
  if (expl.kind === "event") {
    const name = expl.label?.[locale] ?? expl.eventType;
    if (expl.reason === "no-rule") return `0 = ${w.noRule(expl.eventType)}`;
    if (expl.reason !== "awarded") return `0 = ${name}${w.colon}${w.reasons[expl.reason]}`;
    let s = `${expl.basePoints} ${name}`;
    if (expl.streak && expl.streak.bonus > 0) s += ` + ${expl.streak.bonus} ${w.streak(expl.streak.day)}`;
    if (expl.tier && expl.tier.bps !== BPS) {
      if (expl.streak && expl.streak.bonus > 0) s = `(${s})`;
      s += ` × ${bpsToDecimal(expl.tier.bps)} ${expl.tier.label[locale]}`;
    }
    return `${expl.total} = ${s}`;
  }

  // A ×1 tier (Regular) is recorded but not worth a term in the sentence.
  const tier = expl.tier && expl.tier.bps !== BPS ? expl.tier : null;
  let base = w.base(expl.basePoints);
  if (expl.lineMultipliers.length > 0) {
    const terms = expl.lineMultipliers.map((m) => `${term(m.points)} ${m.source === "sku" ? w.sku(m.key) : w.category(m.key)} ×${bpsToDecimal(m.bps)}`);
    base = `${base} ${terms.join(" ")}`;
    if (tier) base = `(${base})`;
  }
  let s = base;
  if (tier) s += ` × ${bpsToDecimal(tier.bps)} ${tier.label[locale]}`;
  for (const c of expl.campaigns) {
    const factor = c.award.kind === "multiplier" ? ` ×${bpsToDecimal(c.award.bps)}` : "";
    s += ` ${term(c.points)} ${c.label[locale]}${factor}${c.cappedBy ? w.capped : ""}`;
  }
  return `${expl.total} = ${s}${expl.roundedDown ? w.rounded : ""}`;
}
