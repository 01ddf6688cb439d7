// Zod schemas for every rule kind. A rule key ("earning", "tiers", "distribution",
// "campaign.<slug>", "action.<eventType>") has immutable versions; each version's `definition` is
// validated by the schema of its kind on publish and again on load (defaults fill fields added later).
//
// Number representation (DESIGN invariant 1 — no floats in money/points math):
// - money: integer cents; points: integers;
// - multipliers and rates: integer BASIS POINTS (10 000 = ×1, 12 000 = ×1.2, 1 000 = 10 %).
//   Chosen over {num, den} because one fixed denominator gives one canonical spelling per value
//   (no 6/5 vs 12/10), is a plain integer in JSON and admin forms, and composes exactly: a product
//   of k multipliers is an integer over 10 000^k, evaluated in bigint (see ratio.ts). Every
//   practical multiplier (×1.2, ×1.25, ×1.5, ×2) is exact; ×⅓ is not needed for loyalty rules.
import { z } from "zod";

export const RULE_KINDS = ["earning", "tiers", "distribution", "campaign", "action"] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** An immutable version of a rule key, as evaluators receive it. */
export interface Versioned<T> {
  id: string;
  ruleKey: string;
  definition: T;
}

// Custom issues carry `params.reason` (and its values) so an admin form can say why in the reader's
// language; `message` stays the English text the API returns.

// ---------------------------------------------------------------- shared pieces

const count = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const cents = count;
const points = count;
/** A multiplier in basis points: 0 (earns nothing) … 1 000 000 (×100, a guard against typos). */
export const multiplierBpsSchema = z.int().min(0).max(1_000_000);
/** A rate or share in basis points: 0 … 10 000 (100 %). */
export const rateBpsSchema = z.int().min(0).max(10_000);

export const localizedTextSchema = z.strictObject({
  "zh-CN": z.string().trim().min(1).max(200),
  en: z.string().trim().min(1).max(200),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const codeSchema = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, "lowercase letters, digits, - or _");
/** Instants: with "Z"/offset an absolute instant, without one a wall-clock time in the deployment zone. */
const instantSchema = z.iso.datetime({ offset: true, local: true });
/** ISO weekday: 1 = Monday … 7 = Sunday. */
const weekdaySchema = z.int().min(1).max(7);
const bpsByKey = z.record(z.string().min(1), multiplierBpsSchema);

// ---------------------------------------------------------------- earning ("earning")

export const expiryPolicySchema = z.discriminatedUnion("kind", [
  /** Expires `days` × 24 h after the points become available. */
  z.strictObject({ kind: z.literal("rolling"), days: z.int().min(1).max(36_500) }),
  /** Expires at the end (23:59:59.999 local) of the `years`-th calendar year, counting the year they became available as 1. */
  z.strictObject({ kind: z.literal("end-of-year"), years: z.int().min(1).max(100) }),
  z.strictObject({ kind: z.literal("never") }),
]);
export type ExpiryPolicy = z.infer<typeof expiryPolicySchema>;

/** 积分抵现: paying part of an order with points. */
export const checkoutPolicySchema = z.strictObject({
  /** Points worth one currency unit (¥1 = 100 cents). Default 100 points = ¥1, i.e. 1 point = 1 分. */
  pointsPerCurrencyUnit: z.int().min(1).max(1_000_000).default(100),
  /** At most this percentage of the goods (after discounts, without shipping) may be paid with points; 0 disables. */
  maxPercentOfGoods: z.int().min(0).max(100).default(50),
});
export type CheckoutPolicy = z.infer<typeof checkoutPolicySchema>;

export const earningRuleSchema = z.strictObject({
  /** Earn rate: `pointsPerUnit` points per `unitCents` cents of earning base (default 1 point per ¥1). */
  pointsPerUnit: z.int().min(0).max(1_000_000).default(1),
  unitCents: z.int().min(1).max(100_000_000).default(100),
  base: z
    .strictObject({
      /** Goods after line discounts (true) or at list price (false). */
      afterDiscounts: z.boolean().default(true),
      /** Subtract the cash value of points redeemed on the order (points don't earn points). */
      minusPointsPaid: z.boolean().default(true),
      includeShipping: z.boolean().default(false),
    })
    .prefault({}),
  /** Per-category multipliers; a SKU multiplier wins over its category's (most specific wins). */
  categoryMultipliersBps: bpsByKey.default({}),
  skuMultipliersBps: bpsByKey.default({}),
  /** Points stay pending this long after the order (returns window), then become available. */
  returnWindowDays: z.int().min(0).max(365).default(7),
  expiry: expiryPolicySchema.default({ kind: "rolling", days: 365 }),
  checkout: checkoutPolicySchema.prefault({}),
  /** Manual adjustments by an admin: bigger than this (either sign) need a second admin's approval. */
  manualAdjustments: z.strictObject({ approvalAbovePoints: z.int().min(0).max(1_000_000_000).default(10_000) }).prefault({}),
});
export type EarningRule = z.infer<typeof earningRuleSchema>;
export type EarningRuleInput = z.input<typeof earningRuleSchema>;

// ---------------------------------------------------------------- tiers ("tiers")

export const tierSchema = z.strictObject({
  code: codeSchema,
  name: localizedTextSchema,
  /** Minimum qualifying amount: points earned, or spend in cents, within the window (see qualification.basis). */
  threshold: count,
  /** Applied to order points (orders always; actions only where the action opts in). */
  earnMultiplierBps: multiplierBpsSchema.default(10_000),
  /** Discount on reward prices in the mall, in basis points (500 = 5 % off the points price). */
  catalogueDiscountBps: rateBpsSchema.default(0),
  /** Perks listed on the member's tier page. */
  benefits: z.array(localizedTextSchema).max(20).default([]),
});
export type Tier = z.infer<typeof tierSchema>;

export const tiersRuleSchema = z
  .strictObject({
    qualification: z
      .strictObject({
        /** What earns a tier: points earned (never the balance — spending must not cost a tier) or spend. */
        basis: z.enum(["points-earned", "spend"]).default("points-earned"),
        windowMonths: z.int().min(1).max(120).default(12),
      })
      .prefault({}),
    downgrade: z
      .strictObject({
        /**
         * At the end of a review period a member who no longer qualifies:
         * "recalculate" drops to the tier they qualify for, "one-level" drops at most one tier,
         * "never" keeps the tier. Upgrades happen as soon as a member qualifies.
         */
        policy: z.enum(["recalculate", "one-level", "never"]).default("recalculate"),
      })
      .prefault({}),
    /** Lowest first; the first threshold is 0 so every member has a tier. */
    tiers: z.array(tierSchema).min(1).max(20),
  })
  .superRefine((rule, ctx) => {
    const tiers = rule.tiers;
    if (tiers[0] && tiers[0].threshold !== 0) {
      ctx.addIssue({ code: "custom", path: ["tiers", 0, "threshold"], message: "the first tier's threshold must be 0", params: { reason: "first-tier-threshold" } });
    }
    const seen = new Set<string>();
    tiers.forEach((t, i) => {
      if (seen.has(t.code)) ctx.addIssue({ code: "custom", path: ["tiers", i, "code"], message: `duplicate tier code ${t.code}`, params: { reason: "duplicate-code", code: t.code } });
      seen.add(t.code);
      const prev = tiers[i - 1];
      if (prev && t.threshold <= prev.threshold) {
        ctx.addIssue({ code: "custom", path: ["tiers", i, "threshold"], message: "thresholds must increase strictly", params: { reason: "thresholds-increasing", previous: prev.threshold } });
      }
    });
  });
export type TiersRule = z.infer<typeof tiersRuleSchema>;
export type TiersRuleInput = z.input<typeof tiersRuleSchema>;

// ---------------------------------------------------------------- campaigns ("campaign.<slug>")

export const campaignAwardSchema = z.discriminatedUnion("kind", [
  /** Extra points: ×2 means the member earns the order's points once more on the matching lines. */
  z.strictObject({ kind: z.literal("multiplier"), bps: multiplierBpsSchema.min(10_000) }),
  /** A fixed bonus per qualifying order. */
  z.strictObject({ kind: z.literal("flat"), points: points.min(1) }),
]);
export type CampaignAward = z.infer<typeof campaignAwardSchema>;

const capsSchema = z
  .strictObject({
    perMemberPerDay: points.nullable().default(null),
    perMemberPerMonth: points.nullable().default(null),
    /** Total points the campaign may give across all members. */
    budget: points.nullable().default(null),
  })
  .prefault({});
export type CampaignCaps = z.infer<typeof capsSchema>;

export const campaignRuleSchema = z
  .strictObject({
    name: localizedTextSchema,
    enabled: z.boolean().default(true),
    /** Active for orders placed in [startsAt, endsAt); endsAt null = open-ended. */
    startsAt: instantSchema,
    endsAt: instantSchema.nullable().default(null),
    /** Restrict to these local weekdays (1 = Mon … 7 = Sun), e.g. [6, 7] for weekends. */
    daysOfWeek: z.array(weekdaySchema).max(7).nullable().default(null),
    award: campaignAwardSchema,
    /** Only lines in these categories / SKUs count (a line matching either counts); null = every line. */
    categories: z.array(z.string().min(1)).nullable().default(null),
    skus: z.array(z.string().min(1)).nullable().default(null),
    /** The order's earning base must reach this (e.g. "spend ¥200, get 100 points"). */
    minBaseCents: cents.default(0),
    /** Higher first: order in the explanation and tie-break between best-only candidates. */
    priority: z.int().min(-1_000_000).max(1_000_000).default(0),
    /** "stack": combines with the other stacking campaigns; "best-only": applies alone, only if it gives the most. */
    stacking: z.enum(["stack", "best-only"]).default("stack"),
    caps: capsSchema,
  })
  .superRefine((c, ctx) => {
    // Comparable without a time zone only when both are local or both absolute; a mixed pair is
    // checked by the evaluator (an empty window simply never matches).
    if (c.endsAt !== null && isLocalInstant(c.startsAt) === isLocalInstant(c.endsAt)) {
      if (comparableMs(c.endsAt) <= comparableMs(c.startsAt)) {
        ctx.addIssue({ code: "custom", path: ["endsAt"], message: "endsAt must be after startsAt", params: { reason: "ends-before-starts" } });
      }
    }
  });
export type CampaignRule = z.infer<typeof campaignRuleSchema>;
export type CampaignRuleInput = z.input<typeof campaignRuleSchema>;

function isLocalInstant(s: string): boolean {
  return !/(Z|[+-]\d{2}:\d{2})$/i.test(s);
}

function comparableMs(s: string): number {
  return Date.parse(isLocalInstant(s) ? `${s}Z` : s);
}

// ---------------------------------------------------------------- actions ("action.<eventType>")

export const streakBonusSchema = z.strictObject({
  /** Streak days restart counting after this many days (7: weekly cycle); null = no cycle. */
  cycleDays: z.int().min(1).max(366).nullable().default(null),
  /** Extra points on reaching exactly this day of the (cycle of the) streak. */
  bonuses: z.array(z.strictObject({ day: z.int().min(1).max(366), points: points })).max(366).default([]),
});
export type StreakBonus = z.infer<typeof streakBonusSchema>;

export const actionRuleSchema = z.strictObject({
  name: localizedTextSchema,
  enabled: z.boolean().default(true),
  points: points,
  /** Multiply by the member's tier earn multiplier (off by default: actions pay the same for everyone). */
  applyTierMultiplier: z.boolean().default(false),
  /** Check-in style streak bonuses; the caller supplies the streak length. */
  streakBonus: streakBonusSchema.nullable().default(null),
  /** Caps count AWARDS per member (not points): check-in once a day, signup once ever. null = no cap. */
  maxPerMemberPerDay: count.min(1).nullable().default(null),
  maxPerMemberPerMonth: count.min(1).nullable().default(null),
  maxPerMemberTotal: count.min(1).nullable().default(null),
  /** Total points this action may give across all members; null = unlimited. */
  budget: points.nullable().default(null),
});
export type ActionRule = z.infer<typeof actionRuleSchema>;
export type ActionRuleInput = z.input<typeof actionRuleSchema>;

// ---------------------------------------------------------------- distribution ("distribution")

const levelRates = z.array(rateBpsSchema).min(1).max(3);

/**
 * When a distributor moves up to a level automatically (null: only an admin assigns it). Every
 * condition that is set must hold (and at least one must be set); sales are net of refunds, over
 * the last `periodDays` days. Team = level-1 and level-2 members; team sales = the earning base of
 * the orders the distributor earned commission on; own sales = their own orders. Never downgrades.
 */
export const levelUpgradeSchema = z
  .strictObject({
    minTeamSize: count.min(1).nullable().default(null),
    minTeamSalesCents: cents.min(1).nullable().default(null),
    minOwnSalesCents: cents.min(1).nullable().default(null),
    periodDays: z.int().min(1).max(3650).default(30),
  });
export type LevelUpgrade = z.infer<typeof levelUpgradeSchema>;

export const distributionRuleSchema = z
  .strictObject({
    /** Commission levels paid up the referral chain. Never more than 3. */
    depth: z.int().min(1).max(3).default(2),
    /** Depth 3 is regulated in some markets (multi-level marketing); an admin must acknowledge it. */
    complianceAcknowledged: z.boolean().default(false),
    /** Rate per level (index 0 = direct referrer), in bps of the earning base; exactly `depth` entries. */
    levelRatesBps: levelRates.default([1000, 500]),
    categoryRatesBps: z.record(z.string().min(1), levelRates).default({}),
    skuRatesBps: z.record(z.string().min(1), levelRates).default({}),
    /** Whether a distributor earns (as level 1) on their own orders. */
    selfPurchase: z.boolean().default(false),
    /** Commission stays pending this many days after the order's return window closes. */
    freezeDays: z.int().min(0).max(365).default(7),
    withdrawal: z
      .strictObject({
        minCents: cents.default(1000),
        /** Most cents a distributor may request per local day (null: no amount cap). */
        dailyCapCents: cents.nullable().default(null),
        /** Most requests per local day (rejected ones do not count); null: no count cap. */
        maxRequestsPerDay: z.int().min(1).max(1000).nullable().default(3),
        /** Fee kept from each payout, in bps of the requested amount (rounded down: never over-charged). */
        feeBps: rateBpsSchema.default(0),
      })
      .prefault({}),
    binding: z
      .strictObject({
        /** When a referred member is bound to the referrer: at signup, or at their first order. */
        mode: z.enum(["signup", "first-order"]).default("signup"),
        /** Binding lapses after this many days; null = permanent. */
        expiryDays: z.int().min(1).max(36_500).nullable().default(null),
        allowRebind: z.boolean().default(false),
      })
      .prefault({}),
    /**
     * Risk signal thresholds (lib/distribution/risk.ts; the review queue quotes them). A signal holds
     * the affected pending commissions and opens a case for an admin.
     */
    risk: z
      .strictObject({
        /** A refund within this many days after a commission of the order freed up. */
        refundAfterReleaseDays: z.int().min(0).max(365).default(3),
        /** Refund rate, in bps of the commission cents of the distributor's level-1 commissions of the last `windowDays`… */
        refundRateBps: rateBpsSchema.min(1).default(3000),
        /** …once there are at least this many of them. */
        refundRateMinOrders: z.int().min(1).max(100_000).default(5),
        windowDays: z.int().min(1).max(3650).default(90),
        /** A burst: this many sign-ups from one IP through one distributor… */
        signupBurstCount: z.int().min(2).max(1000).default(5),
        /** …within this many minutes. */
        signupBurstMinutes: z.int().min(1).max(10_080).default(10),
      })
      .prefault({}),
    /** A referral link click attributes orders for this many days. */
    attributionWindowDays: z.int().min(1).max(365).default(30),
    becomeDistributor: z
      .discriminatedUnion("mode", [
        z.strictObject({ mode: z.literal("everyone") }),
        z.strictObject({ mode: z.literal("apply") }),
        z.strictObject({ mode: z.literal("threshold"), thresholdCents: cents.min(1) }),
      ])
      .default({ mode: "apply" }),
    /**
     * Distributor levels (the first is the default for new distributors). A level may carry its own
     * rates per commission level (`ratesBps`, exactly `depth` entries); SKU and category overrides
     * still win over them (most specific to the product wins).
     */
    levels: z
      .array(z.strictObject({ code: codeSchema, name: localizedTextSchema, ratesBps: levelRates.nullable().default(null), upgrade: levelUpgradeSchema.nullable().default(null) }))
      .min(1)
      .max(20)
      .default([
        { code: "junior", name: { "zh-CN": "初级分销员", en: "Junior" }, ratesBps: null, upgrade: null },
        { code: "senior", name: { "zh-CN": "高级分销员", en: "Senior" }, ratesBps: null, upgrade: null },
      ]),
  })
  .superRefine((d, ctx) => {
    if (d.depth === 3 && !d.complianceAcknowledged) {
      ctx.addIssue({ code: "custom", path: ["complianceAcknowledged"], message: "depth 3 requires complianceAcknowledged: true", params: { reason: "compliance-required" } });
    }
    const checkRates = (rates: number[], path: (string | number)[]) => {
      if (rates.length !== d.depth) ctx.addIssue({ code: "custom", path, message: `needs exactly ${d.depth} rates (one per level)`, params: { reason: "rates-count", depth: d.depth } });
      if (rates.reduce((s, r) => s + r, 0) > 10_000) ctx.addIssue({ code: "custom", path, message: "rates add up to more than 100 %", params: { reason: "rates-sum" } });
    };
    checkRates(d.levelRatesBps, ["levelRatesBps"]);
    for (const [k, r] of Object.entries(d.categoryRatesBps)) checkRates(r, ["categoryRatesBps", k]);
    for (const [k, r] of Object.entries(d.skuRatesBps)) checkRates(r, ["skuRatesBps", k]);
    const codes = new Set<string>();
    d.levels.forEach((l, i) => {
      if (l.ratesBps) checkRates(l.ratesBps, ["levels", i, "ratesBps"]);
      if (l.upgrade && l.upgrade.minTeamSize === null && l.upgrade.minTeamSalesCents === null && l.upgrade.minOwnSalesCents === null) {
        ctx.addIssue({ code: "custom", path: ["levels", i, "upgrade"], message: "set at least one upgrade condition", params: { reason: "upgrade-empty" } });
      }
      if (i === 0 && l.upgrade) ctx.addIssue({ code: "custom", path: ["levels", i, "upgrade"], message: "the first level is where every distributor starts: it has no upgrade conditions", params: { reason: "upgrade-first-level" } });
      if (codes.has(l.code)) ctx.addIssue({ code: "custom", path: ["levels", i, "code"], message: `duplicate level code ${l.code}`, params: { reason: "duplicate-code", code: l.code } });
      codes.add(l.code);
    });
  });
export type DistributionRule = z.infer<typeof distributionRuleSchema>;
export type DistributionRuleInput = z.input<typeof distributionRuleSchema>;

// ---------------------------------------------------------------- keys

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EVENT_TYPE = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;

/** The kind a rule key belongs to, or null for a malformed key. */
export function ruleKindOf(ruleKey: string): RuleKind | null {
  if (ruleKey === "earning" || ruleKey === "tiers" || ruleKey === "distribution") return ruleKey;
  if (ruleKey.startsWith("campaign.") && SLUG.test(ruleKey.slice("campaign.".length))) return "campaign";
  if (ruleKey.startsWith("action.") && EVENT_TYPE.test(ruleKey.slice("action.".length))) return "action";
  return null;
}

export function campaignKey(slug: string): string {
  return `campaign.${slug}`;
}

export function actionKey(eventType: string): string {
  return `action.${eventType}`;
}

export const ruleSchemas = {
  earning: earningRuleSchema,
  tiers: tiersRuleSchema,
  distribution: distributionRuleSchema,
  campaign: campaignRuleSchema,
  action: actionRuleSchema,
} as const;

export interface RuleDefinitions {
  earning: EarningRule;
  tiers: TiersRule;
  distribution: DistributionRule;
  campaign: CampaignRule;
  action: ActionRule;
}

// ---------------------------------------------------------------- the ruleset evaluators read

/** The versions in force at one instant, parsed. Evaluators take the slice they need. */
export interface Ruleset {
  earning: Versioned<EarningRule>;
  tiers: Versioned<TiersRule>;
  distribution: Versioned<DistributionRule>;
  campaigns: Versioned<CampaignRule>[];
  actions: Versioned<ActionRule>[];
}

// ---------------------------------------------------------------- defaults

const earningDefaults = earningRuleSchema.parse({});

const tiersDefaults = tiersRuleSchema.parse({
  tiers: [
    { code: "regular", name: { "zh-CN": "普通会员", en: "Regular" }, threshold: 0 },
    { code: "silver", name: { "zh-CN": "白银会员", en: "Silver" }, threshold: 5_000, earnMultiplierBps: 12_000, catalogueDiscountBps: 500 },
    { code: "gold", name: { "zh-CN": "黄金会员", en: "Gold" }, threshold: 20_000, earnMultiplierBps: 15_000, catalogueDiscountBps: 1_000 },
  ],
} satisfies TiersRuleInput);

const distributionDefaults = distributionRuleSchema.parse({});

const actionDefaults: Record<string, ActionRuleInput> = {
  signup: { name: { "zh-CN": "注册奖励", en: "Welcome bonus" }, points: 100, maxPerMemberTotal: 1 },
  "first-order": { name: { "zh-CN": "首单奖励", en: "First order bonus" }, points: 100, maxPerMemberTotal: 1 },
  "check-in": {
    name: { "zh-CN": "每日签到", en: "Daily check-in" },
    points: 5,
    maxPerMemberPerDay: 1,
    streakBonus: { cycleDays: 7, bonuses: [{ day: 7, points: 20 }] },
  },
  "profile-completed": { name: { "zh-CN": "完善资料", en: "Profile completed" }, points: 50, maxPerMemberTotal: 1 },
  review: { name: { "zh-CN": "商品评价", en: "Product review" }, points: 10, maxPerMemberPerMonth: 10 },
  share: { name: { "zh-CN": "分享", en: "Share" }, points: 2, maxPerMemberPerDay: 3 },
};

export interface RuleSeed<K extends RuleKind = RuleKind> {
  ruleKey: string;
  kind: K;
  definition: RuleDefinitions[K];
}

/**
 * The ruleset a clean database starts with (version 1 of each key): earn 1 point per ¥1 after
 * discounts and points paid, pending 7 days, expiring 365 days after available; 100 points = ¥1 at
 * checkout up to 50 % of the goods; Regular/Silver/Gold at 0/5 000/20 000 points earned in 12 months
 * (×1/×1.2/×1.5); two-level distribution at 10 %/5 %; a few everyday actions; no campaigns.
 */
export const DEFAULT_RULES: readonly RuleSeed[] = [
  { ruleKey: "earning", kind: "earning", definition: earningDefaults },
  { ruleKey: "tiers", kind: "tiers", definition: tiersDefaults },
  { ruleKey: "distribution", kind: "distribution", definition: distributionDefaults },
  ...Object.entries(actionDefaults).map(
    ([type, def]): RuleSeed<"action"> => ({ ruleKey: actionKey(type), kind: "action", definition: actionRuleSchema.parse(def) }),
  ),
];
