// Commission math: a pure function of (distribution rule, order lines, buyer, upline snapshot).
// No I/O; ingestion loads the snapshot and the rules, calls this, and writes what it returns.
//
// ROUNDING — one named rule, "floor-per-commission": each commission is the exact sum over the
// order's lines of lineBase × rate / 10 000, rounded DOWN to the cent once, per commission. Lines
// are never rounded one by one, and the fractions cut off are kept by the merchant: no cent is
// ever invented, and every commission is within one cent below its exact value.
//
// The chain: level 1 is the buyer's direct referrer, level 2 theirs, and so on, never deeper than
// the rule's depth and never deeper than 3 (MAX_COMMISSION_DEPTH), whatever a rule says. With
// self-purchase on (自购返佣), a buyer who is an active distributor is level 1 on their own order and
// the upline shifts one level up (so the chain is still at most `depth` long). A snapshot member
// who is not an active distributor is simply not paid — their level is not passed on to anyone
// (no "compression": compressing would pay deeper ancestors than the depth allows).
//
// Rate of a line at a level, most specific first: the SKU's override, the category's override,
// the distributor's own level rates, the rule's level rates.
import { DAY_MS } from "@/lib/clock";
import { proportionalShare } from "@/lib/points/math";
import { BPS, ratio, toDisplay, toSafeNumber } from "@/lib/rules/ratio";
import type { DistributionRule, Versioned } from "@/lib/rules/schema";

/** Never more than three levels of commission (Chinese rules on 传销 draw the line there). */
export const MAX_COMMISSION_DEPTH = 3;
export const COMMISSION_ROUNDING = "floor-per-commission" as const;

export interface CommissionLine {
  sku: string;
  category?: string | null;
  /** The line's earning base in cents: goods after discounts and points paid, no shipping (evaluateOrder's base.items). */
  baseCents: number;
}

/** What the calculator needs to know about a member of the chain. `distributor` null: not a distributor. */
export interface ChainMember {
  memberId: string;
  distributor: { levelCode: string; active: boolean } | null;
}

export interface CommissionInput {
  lines: readonly CommissionLine[];
  buyer: ChainMember;
  /** The upline snapshot, index 0 = direct referrer (depth 1). Entries past depth 3 are ignored. */
  upline: readonly ChainMember[];
  rule: Versioned<DistributionRule>;
}

export type RateSource = "sku" | "category" | "distributor-level" | "level";

export interface CommissionLineExplanation {
  sku: string;
  category: string | null;
  baseCents: number;
  rateBps: number;
  source: RateSource;
}

export interface CommissionExplanation {
  kind: "commission";
  rounding: typeof COMMISSION_ROUNDING;
  level: number;
  /** Depth of the distributor above the buyer (0: the buyer, on a self-purchase). */
  depth: number;
  selfPurchase: boolean;
  distributorLevel: string;
  baseCents: number;
  /** The rate when every line had the same one, else null (see lines). */
  rateBps: number | null;
  /** Rates came from a SKU/category override or the distributor's level on some line. */
  overridden: boolean;
  lines: CommissionLineExplanation[];
  /** The exact commission in cents, truncated for display ("1234.5678"). */
  exactCents: string;
  amountCents: number;
  ruleVersionId: string;
}

export interface CommissionShare {
  distributorId: string;
  level: number;
  baseCents: number;
  rateBps: number | null;
  amountCents: number;
  explanation: CommissionExplanation;
}

export type SkipReason = "not-a-distributor" | "inactive" | "beyond-depth" | "rounds-to-zero" | "own-order";

export interface CommissionResult {
  /** Commissions to pay, level ascending; only amounts ≥ 1 cent. */
  shares: CommissionShare[];
  /** Chain members who are not paid, and why (for explanations and tests). */
  skipped: { memberId: string; level: number; reason: SkipReason }[];
}

function own<T>(record: Readonly<Record<string, T>>, key: string | null | undefined): T | undefined {
  return key != null && Object.hasOwn(record, key) ? record[key] : undefined;
}

function assertCents(name: string, v: number): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative safe integer, got ${v}`);
}

/** The rate of one line at one level (index 0 = level 1), and where it came from. */
export function lineRate(rule: DistributionRule, line: CommissionLine, levelIndex: number, distributorLevel: string): { bps: number; source: RateSource } {
  const sku = own(rule.skuRatesBps, line.sku);
  if (sku) return { bps: sku[levelIndex] ?? 0, source: "sku" };
  const category = own(rule.categoryRatesBps, line.category);
  if (category) return { bps: category[levelIndex] ?? 0, source: "category" };
  const level = rule.levels.find((l) => l.code === distributorLevel)?.ratesBps;
  if (level) return { bps: level[levelIndex] ?? 0, source: "distributor-level" };
  return { bps: rule.levelRatesBps[levelIndex] ?? 0, source: "level" };
}

/** The paying chain: who sits at which commission level for this order (before rates). */
export function commissionChain(input: Pick<CommissionInput, "buyer" | "upline" | "rule">): { member: ChainMember; level: number; depth: number }[] {
  const rule = input.rule.definition;
  const depth = Math.min(rule.depth, MAX_COMMISSION_DEPTH);
  const self = rule.selfPurchase && input.buyer.distributor?.active === true;
  const chain = [...(self ? [{ member: input.buyer, depth: 0 }] : []), ...input.upline.slice(0, MAX_COMMISSION_DEPTH).map((member, i) => ({ member, depth: i + 1 }))];
  return chain.map((c, i) => ({ ...c, level: i + 1 })).filter((c) => c.level <= depth);
}

export function calculateCommissions(input: CommissionInput): CommissionResult {
  input.lines.forEach((l, i) => assertCents(`lines[${i}].baseCents`, l.baseCents));
  const rule = input.rule.definition;
  const self = rule.selfPurchase && input.buyer.distributor?.active === true;
  const chain = commissionChain(input);
  const shares: CommissionShare[] = [];
  const skipped: CommissionResult["skipped"] = [];

  // Beyond the depth: recorded so an explanation (and the compliance report) can say so.
  const offset = self ? 1 : 0;
  input.upline.forEach((m, i) => {
    const level = i + 1 + offset;
    if (level > Math.min(rule.depth, MAX_COMMISSION_DEPTH)) skipped.push({ memberId: m.memberId, level, reason: "beyond-depth" });
  });

  const baseCents = input.lines.reduce((s, l) => s + BigInt(l.baseCents), 0n);
  for (const { member, level, depth } of chain) {
    if (member.memberId === input.buyer.memberId && depth > 0) {
      skipped.push({ memberId: member.memberId, level, reason: "own-order" }); // never happens with a sound tree; belt and braces
      continue;
    }
    if (!member.distributor) {
      skipped.push({ memberId: member.memberId, level, reason: "not-a-distributor" });
      continue;
    }
    if (!member.distributor.active) {
      skipped.push({ memberId: member.memberId, level, reason: "inactive" });
      continue;
    }
    const distributorLevel = member.distributor.levelCode;
    const lines = input.lines.map((l) => {
      const r = lineRate(rule, l, level - 1, distributorLevel);
      return { sku: l.sku, category: l.category ?? null, baseCents: l.baseCents, rateBps: r.bps, source: r.source };
    });
    const exact = lines.reduce((s, l) => s + BigInt(l.baseCents) * BigInt(l.rateBps), 0n); // cents × 10 000
    const amount = toSafeNumber(exact / BigInt(BPS)); // floor (non-negative)
    const rates = new Set(lines.map((l) => l.rateBps));
    const rateBps = rates.size === 1 ? lines[0]!.rateBps : lines.length === 0 ? 0 : null;
    if (amount === 0) {
      skipped.push({ memberId: member.memberId, level, reason: "rounds-to-zero" });
      continue;
    }
    shares.push({
      distributorId: member.memberId,
      level,
      baseCents: toSafeNumber(baseCents),
      rateBps,
      amountCents: amount,
      explanation: {
        kind: "commission",
        rounding: COMMISSION_ROUNDING,
        level,
        depth,
        selfPurchase: depth === 0,
        distributorLevel,
        baseCents: toSafeNumber(baseCents),
        rateBps,
        overridden: lines.some((l) => l.source !== "level"),
        lines,
        exactCents: toDisplay(ratio(exact, BPS), 4),
        amountCents: amount,
        ruleVersionId: input.rule.id,
      },
    });
  }
  return { shares, skipped };
}

/**
 * When a commission frees up: it stays pending for the order's return window and then the freeze
 * period (both whole days of 24 h from the moment the order was placed).
 */
export function commissionAvailableAt(placedAt: Date, returnWindowDays: number, freezeDays: number): Date {
  return new Date(placedAt.getTime() + (returnWindowDays + freezeDays) * DAY_MS);
}

export type CommissionStatus = "pending" | "available" | "reversed";

/** A commission's state at `now`, from its figures and timestamps alone (no cron needed). */
export function commissionStatus(c: { amountCents: number; reversedCents: number; availableAt: Date }, now: Date): CommissionStatus {
  if (c.amountCents > 0 && c.reversedCents >= c.amountCents) return "reversed";
  return c.availableAt.getTime() <= now.getTime() ? "available" : "pending";
}

export interface RefundProgress {
  /** Everything refunded on the order so far, this refund included. */
  refundedCents: number;
  paidCents: number;
}

/**
 * How much of each commission a refund takes back, in proportion to the money refunded (named
 * rule: cumulative floor — after each refund a commission has lost floor(amount × refunded/paid)
 * in total, and the refund that completes the order takes the rest). So reversals never exceed the
 * commission, several partial refunds add up exactly to it, and the order of refunds does not
 * change the total. Returns the cents to reverse now, per commission (0 when nothing is due).
 */
export function reverseShares(commissions: readonly { amountCents: number; reversedCents: number }[], refund: RefundProgress): number[] {
  assertCents("refundedCents", refund.refundedCents);
  assertCents("paidCents", refund.paidCents);
  const full = refund.refundedCents >= refund.paidCents;
  return commissions.map((c, i) => {
    assertCents(`commissions[${i}].amountCents`, c.amountCents);
    assertCents(`commissions[${i}].reversedCents`, c.reversedCents);
    const target = full ? c.amountCents : proportionalShare(c.amountCents, refund.refundedCents, refund.paidCents);
    return Math.max(0, Math.min(c.amountCents, target) - c.reversedCents);
  });
}

/** The fee kept from a withdrawal (named rule: rounded down, so a distributor is never over-charged) and what is sent. */
export function withdrawalFee(amountCents: number, feeBps: number): { feeCents: number; netCents: number } {
  assertCents("amountCents", amountCents);
  const feeCents = proportionalShare(amountCents, feeBps, BPS);
  return { feeCents, netCents: amountCents - feeCents };
}
