// Points for an order: a pure function of (rules in force, order, member, counters).
//
// Arithmetic: cents and points are integers; every intermediate is an exact bigint ratio (ratio.ts).
// ROUNDING — the only two places a unit is rounded:
//   1. The cash value of points redeemed is allocated over the goods lines by largest remainder
//      (splitProportionally: whole cents, sums exactly to the total, weights = line after discounts).
//   2. The order's total points are floored ONCE at the very end ("floor-once-per-order").
// Nothing in between rounds, so 100 × 1.2 × 1.5 is exactly 180 before the floor.
//
// Composition (all multipliers in basis points):
//   base_i   = item's base cents × pointsPerUnit / unitCents
//   line_i   = base_i × (SKU multiplier, else category multiplier, else ×1)      — most specific wins
//   value_i  = line_i × tier multiplier
//   campaign = multiplier: Σ value_i over its items × (m − 1);  flat: its points
//              each capped by min(remaining day, month, budget allowance)
//   total    = floor(Σ value_i + Σ campaign)
// Campaigns add their EXTRA to the tier-adjusted value and stack additively (×2 and ×3 → ×4, not
// ×6): each campaign's bonus is then independent of the others, which is what makes per-campaign
// caps and budgets well defined and order-free, and the explanation a plain sum.
import { DomainError, type FieldError } from "@/lib/errors";
import { splitProportionally } from "@/lib/points/math";
import type { CampaignStep, CapKind, LineMultiplierStep, OrderExplanation } from "./explain";
import { add, BPS, compare, floor, min, mulBps, ratio, sub, sum, toDisplay, toSafeNumber, ZERO, type Ratio } from "./ratio";
import type { CampaignRule, Ruleset, Versioned } from "./schema";
import { findTier } from "./tiers";
import { DEFAULT_TIME_ZONE, localParts, parseRuleInstant } from "./time-zone";

export interface OrderItemInput {
  sku: string;
  category?: string | null;
  quantity: number;
  unitPriceCents: number;
  /** Discount on the whole line (not per unit). */
  discountCents: number;
}

export interface OrderInput {
  placedAt: Date;
  items: readonly OrderItemInput[];
  shippingCents: number;
  /** Cash value of the points redeemed on the order (from checkout.validateCheckoutPoints), stored on the order. */
  pointsCashCents: number;
}

export interface OrderMember {
  tierCode: string | null;
}

/** Bonus points a campaign has already given (caller counts; day/month are local to the deployment zone). */
export interface CampaignUsage {
  memberDay: number;
  memberMonth: number;
  total: number;
}

export interface OrderContext {
  timeZone?: string;
  /** By campaign rule key (usage spans versions of a campaign). Missing: nothing used yet. */
  campaignUsage?: Readonly<Record<string, CampaignUsage>>;
}

export interface OrderBase {
  goodsCents: number;
  discountCents: number;
  goodsAfterDiscountCents: number;
  shippingCents: number;
  pointsCashCents: number;
  /** The earning base: what points (and, by default, commissions) are computed on. */
  baseCents: number;
  items: { sku: string; baseCents: number; pointsCashCents: number }[];
}

export interface CampaignAwardResult {
  ruleKey: string;
  ruleVersionId: string;
  /** floor of the campaign's exact bonus — what the caller adds to the usage counters. */
  points: number;
}

export interface OrderEvaluation {
  points: number;
  base: OrderBase;
  explanation: OrderExplanation;
  /** Every rule version that took part: earning, tiers, applied campaigns. */
  ruleVersionIds: string[];
  campaignAwards: CampaignAwardResult[];
}

type OrderRules = Pick<Ruleset, "earning" | "tiers" | "campaigns">;

function own<T>(record: Readonly<Record<string, T>>, key: string | null | undefined): T | undefined {
  // Own keys only: "constructor" as a category must not find Object.prototype.constructor.
  return key != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

function validate(order: OrderInput): void {
  const errors: FieldError[] = [];
  const count = (path: string, v: number, min = 0): boolean => {
    const ok = Number.isSafeInteger(v) && v >= min;
    if (!ok) errors.push({ path, message: min === 0 ? "must be a non-negative integer" : `must be an integer ≥ ${min}` });
    return ok;
  };
  if (!(order.placedAt instanceof Date) || Number.isNaN(order.placedAt.getTime())) errors.push({ path: "placedAt", message: "must be a valid time" });
  count("shippingCents", order.shippingCents);
  count("pointsCashCents", order.pointsCashCents);
  let orderGross = 0n;
  order.items.forEach((it, i) => {
    const valid = [
      count(`items.${i}.quantity`, it.quantity, 1),
      count(`items.${i}.unitPriceCents`, it.unitPriceCents),
      count(`items.${i}.discountCents`, it.discountCents),
    ].every(Boolean);
    if (!valid) return;
    const gross = BigInt(it.quantity) * BigInt(it.unitPriceCents);
    if (BigInt(it.discountCents) > gross) errors.push({ path: `items.${i}.discountCents`, message: "exceeds the line total" });
    orderGross += gross;
  });
  // Results are JS numbers; past 2^53 cents (≈ ¥90 trillion) they could not be exact.
  if (orderGross + BigInt(Number.isSafeInteger(order.shippingCents) ? order.shippingCents : 0) > BigInt(Number.MAX_SAFE_INTEGER)) {
    errors.push({ path: "items", message: "order total is too large" });
  }
  if (errors.length) throw new DomainError("invalid-request", "invalid order", { errors });
}

interface ActiveCampaign {
  rule: Versioned<CampaignRule>;
  /** null: whole order (including shipping when it is in the base). */
  items: number[] | null;
}

/** Whether a campaign's window (and weekday filter, in `timeZone`) contains `at`. */
export function isCampaignActive(c: CampaignRule, at: Date, timeZone: string = DEFAULT_TIME_ZONE): boolean {
  if (!c.enabled) return false;
  const t = at.getTime();
  if (t < parseRuleInstant(c.startsAt, timeZone).getTime()) return false;
  if (c.endsAt !== null && t >= parseRuleInstant(c.endsAt, timeZone).getTime()) return false;
  if (c.daysOfWeek !== null && !c.daysOfWeek.includes(localParts(at, timeZone).weekday)) return false;
  return true;
}

/** Items a campaign's category/SKU filter selects; null when it has no filter (whole order). */
function campaignItems(c: CampaignRule, items: readonly OrderItemInput[]): number[] | null {
  if (c.categories === null && c.skus === null) return null;
  const out: number[] = [];
  items.forEach((it, i) => {
    const byCategory = c.categories !== null && it.category != null && c.categories.includes(it.category);
    const bySku = c.skus !== null && c.skus.includes(it.sku);
    if (byCategory || bySku) out.push(i);
  });
  return out;
}

/** Points left under a campaign's caps, and which cap binds (the smallest; day before month before budget). */
function allowance(c: CampaignRule, usage: CampaignUsage | undefined): { left: bigint; binding: CapKind } | null {
  const caps: [CapKind, number | null, number][] = [
    ["member-day", c.caps.perMemberPerDay, usage?.memberDay ?? 0],
    ["member-month", c.caps.perMemberPerMonth, usage?.memberMonth ?? 0],
    ["budget", c.caps.budget, usage?.total ?? 0],
  ];
  let best: { left: bigint; binding: CapKind } | null = null;
  for (const [kind, cap, used] of caps) {
    if (cap === null) continue;
    const left = BigInt(Math.max(0, cap - used));
    if (!best || left < best.left) best = { left, binding: kind };
  }
  return best;
}

function byPriority(a: ActiveCampaign, b: ActiveCampaign): number {
  const p = b.rule.definition.priority - a.rule.definition.priority;
  if (p !== 0) return p;
  return a.rule.ruleKey < b.rule.ruleKey ? -1 : a.rule.ruleKey > b.rule.ruleKey ? 1 : 0;
}

export function evaluateOrder(rules: OrderRules, order: OrderInput, member: OrderMember, ctx: OrderContext = {}): OrderEvaluation {
  validate(order);
  const timeZone = ctx.timeZone ?? DEFAULT_TIME_ZONE;
  const earning = rules.earning.definition;

  // ---- base (integer cents) -------------------------------------------------------------
  const gross = order.items.map((it) => BigInt(it.quantity) * BigInt(it.unitPriceCents));
  const net = order.items.map((it, i) => gross[i]! - BigInt(it.discountCents));
  const goodsAfterDiscount = net.reduce((s, v) => s + v, 0n);
  if (BigInt(order.pointsCashCents) > goodsAfterDiscount) {
    throw new DomainError("invalid-request", "points paid exceed the goods", {
      errors: [{ path: "pointsCashCents", message: "exceeds the goods after discounts" }],
    });
  }
  // Rounding rule 1: the points-paid cash is spread over the lines as they were paid (after
  // discounts), by largest remainder, so per-line shares are whole cents summing to the total.
  const cashShares = splitProportionally(order.pointsCashCents, net.map(toSafeNumber));
  const itemBaseCents = order.items.map((_, i) => {
    const goods = earning.base.afterDiscounts ? net[i]! : gross[i]!;
    return goods - (earning.base.minusPointsPaid ? BigInt(cashShares[i]!) : 0n);
  });
  const shippingBase = earning.base.includeShipping ? BigInt(order.shippingCents) : 0n;
  const baseCents = itemBaseCents.reduce((s, v) => s + v, 0n) + shippingBase;

  // ---- exact points per line (shipping, when included, is one more line without category) ----
  const rate = (cents: bigint): Ratio => ratio(cents * BigInt(earning.pointsPerUnit), earning.unitCents);
  const baseValues = [...itemBaseCents.map(rate), ...(shippingBase > 0n ? [rate(shippingBase)] : [])];
  const basePoints = sum(baseValues);

  // Exact delta per (source, key), rendered into the steps once at the end.
  const lineMultipliers: LineMultiplierStep[] = [];
  const lineDeltas = new Map<LineMultiplierStep, Ratio>();
  const lineValues = baseValues.map((v, i) => {
    const it = order.items[i];
    if (!it) return v; // shipping: no category, no SKU
    const skuBps = own(earning.skuMultipliersBps, it.sku);
    const catBps = skuBps === undefined ? own(earning.categoryMultipliersBps, it.category) : undefined;
    const bps = skuBps ?? catBps;
    if (bps === undefined || bps === BPS) return v;
    const source = skuBps !== undefined ? "sku" : "category";
    const key = source === "sku" ? it.sku : it.category!;
    let step = lineMultipliers.find((x) => x.source === source && x.key === key);
    if (!step) {
      step = { source, key, bps, items: [], points: "", ruleVersionId: rules.earning.id };
      lineMultipliers.push(step);
    }
    step.items.push(i);
    const after = mulBps(v, bps);
    lineDeltas.set(step, add(lineDeltas.get(step) ?? ZERO, sub(after, v)));
    return after;
  });
  for (const step of lineMultipliers) step.points = toDisplay(lineDeltas.get(step)!);

  // ---- tier ------------------------------------------------------------------------------------
  const tier = findTier(rules.tiers.definition, member.tierCode);
  const tierBps = tier?.earnMultiplierBps ?? BPS; // unknown tier (removed since): no multiplier
  const values = lineValues.map((v) => mulBps(v, tierBps));
  const subtotal = sum(values);

  // ---- campaigns -----------------------------------------------------------------------------
  const active: ActiveCampaign[] = [];
  for (const rule of rules.campaigns) {
    const c = rule.definition;
    if (!isCampaignActive(c, order.placedAt, timeZone)) continue;
    if (baseCents < BigInt(c.minBaseCents)) continue;
    const items = campaignItems(c, order.items);
    if (items !== null && items.length === 0) continue;
    active.push({ rule, items });
  }
  active.sort(byPriority);

  interface Evaluated {
    a: ActiveCampaign;
    step: CampaignStep;
    /** The exact (capped) bonus; step.points is its display. */
    exact: Ratio;
  }
  const evaluateCampaign = (a: ActiveCampaign): Evaluated => {
    const c = a.rule.definition;
    const scope = a.items === null ? values : a.items.map((i) => values[i]!);
    const uncapped = c.award.kind === "multiplier" ? mulBps(sum(scope), c.award.bps - BPS) : ratio(c.award.points);
    const cap = allowance(c, ctx.campaignUsage?.[a.rule.ruleKey]);
    const capped = cap !== null && compare(uncapped, ratio(cap.left)) > 0;
    const exact = cap !== null ? min(uncapped, ratio(cap.left)) : uncapped;
    const step: CampaignStep = {
      ruleKey: a.rule.ruleKey,
      ruleVersionId: a.rule.id,
      label: c.name,
      award: c.award,
      items: a.items,
      points: toDisplay(exact),
      uncapped: toDisplay(uncapped),
      cappedBy: capped ? cap.binding : null,
    };
    return { a, step, exact };
  };

  // Candidates: all stacking campaigns together, or any single best-only campaign. The member gets
  // the candidate worth the most (after caps); ties go to the higher priority, then the rule key.
  const evaluated = active.map(evaluateCampaign);
  const stackers = evaluated.filter((e) => e.a.rule.definition.stacking === "stack");
  const exclusives = evaluated.filter((e) => e.a.rule.definition.stacking === "best-only");
  const candidates: Evaluated[][] = [...(stackers.length ? [stackers] : []), ...exclusives.map((e) => [e])];
  const worth = (cand: Evaluated[]) => sum(cand.map((e) => e.exact));
  candidates.sort((x, y) => compare(worth(y), worth(x)) || byPriority(x[0]!.a, y[0]!.a));
  const chosen = candidates[0] ?? [];
  const bonus = worth(chosen);

  // ---- total: rounding rule 2, floor once -------------------------------------------------
  const exact = add(subtotal, bonus);
  const total = floor(exact);

  const explanation: OrderExplanation = {
    kind: "order",
    baseCents: toSafeNumber(baseCents),
    rate: { points: earning.pointsPerUnit, perCents: earning.unitCents, ruleVersionId: rules.earning.id },
    basePoints: toDisplay(basePoints),
    lineMultipliers,
    tier: tier ? { code: tier.code, label: tier.name, bps: tier.earnMultiplierBps, ruleVersionId: rules.tiers.id } : null,
    subtotal: toDisplay(subtotal),
    campaigns: chosen.map((e) => e.step),
    notApplied: evaluated
      .filter((e) => !chosen.includes(e))
      .map((e) => ({ ruleKey: e.a.rule.ruleKey, ruleVersionId: e.a.rule.id, reason: "not-best" as const })),
    exact: toDisplay(exact),
    roundedDown: exact.den !== 1n,
    total: toSafeNumber(total),
    rounding: "floor-once-per-order",
  };

  const goodsCents = gross.reduce((s, v) => s + v, 0n);
  return {
    points: toSafeNumber(total),
    base: {
      goodsCents: toSafeNumber(goodsCents),
      discountCents: toSafeNumber(goodsCents - goodsAfterDiscount),
      goodsAfterDiscountCents: toSafeNumber(goodsAfterDiscount),
      shippingCents: order.shippingCents,
      pointsCashCents: order.pointsCashCents,
      baseCents: toSafeNumber(baseCents),
      items: order.items.map((it, i) => ({ sku: it.sku, baseCents: toSafeNumber(itemBaseCents[i]!), pointsCashCents: cashShares[i]! })),
    },
    explanation,
    ruleVersionIds: [...new Set([rules.earning.id, rules.tiers.id, ...chosen.map((e) => e.a.rule.id)])],
    campaignAwards: chosen.map((e) => ({ ruleKey: e.a.rule.ruleKey, ruleVersionId: e.a.rule.id, points: toSafeNumber(floor(e.exact)) })),
  };
}
