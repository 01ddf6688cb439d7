// "This order would earn 150 points: base 100 × 1.5 Gold" — a sample order evaluated under the rules
// in force and under the same rules with the draft substituted, through the checkout validator and
// order evaluator that ingestion uses. A fresh member: no caps used yet, not frozen.
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { DomainError, fieldErrors, isDomainError } from "@/lib/errors";
import { evaluateOrder, type OrderEvaluation } from "../evaluate-order";
import type { OrderExplanation } from "../explain";
import { validateCheckoutPoints, type CheckoutRejectionReason } from "../checkout";
import { loadRuleset } from "../load-ruleset";
import type { Ruleset } from "../schema";
import { validateRule } from "./validate-rule";
import type { RuleIssue } from "./rule-issues";
import { withRule } from "./with-rule";

const cents = z.int().min(0).max(1_000_000_000_000);

export const sampleOrderSchema = z.strictObject({
  /** When the order is placed (campaign windows, versions in force); default now. */
  placedAt: z.iso.datetime({ offset: true }).optional(),
  items: z
    .array(
      z.strictObject({
        sku: z.string().trim().min(1).max(64),
        category: z.string().trim().max(64).nullable().default(null),
        quantity: z.int().min(1).max(100_000),
        unitPriceCents: cents,
        discountCents: cents.default(0),
      }),
    )
    .min(1)
    .max(20),
  shippingCents: cents.default(0),
  pointsRedeemed: z.int().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
  /** The member's tier code (null: no tier). */
  tierCode: z.string().trim().max(64).nullable().default(null),
});
export type SampleOrder = z.input<typeof sampleOrderSchema>;

export type PreviewSide =
  | { ok: true; points: number; explanation: OrderExplanation; baseCents: number; pointsCashCents: number; ruleVersionIds: string[] }
  | { ok: false; path: string; reason: CheckoutRejectionReason | "invalid-order"; params: Record<string, string | number>; message: string };

export interface OrderPreview {
  placedAt: string;
  inForce: PreviewSide;
  /** null when the draft has issues (they are listed instead). */
  draft: PreviewSide | null;
  draftIssues: RuleIssue[];
}

/** The sample under one ruleset: points at checkout first (their cash value lowers the base), then the order. */
export function evaluateSample(rules: Ruleset, sample: z.output<typeof sampleOrderSchema>, placedAt: Date, timeZone: string): PreviewSide {
  const goods = sample.items.reduce((s, it) => s + it.quantity * it.unitPriceCents - it.discountCents, 0);
  let pointsCashCents = 0;
  if (sample.pointsRedeemed > 0) {
    const check = validateCheckoutPoints({ points: sample.pointsRedeemed, goodsAfterDiscountCents: Math.max(0, goods) }, rules.earning.definition.checkout);
    if (!check.ok) return { ok: false, path: "pointsRedeemed", reason: check.rejection.reason, params: check.rejection.params, message: check.rejection.detail };
    pointsCashCents = check.cashCents;
  }
  let evaluation: OrderEvaluation;
  try {
    evaluation = evaluateOrder(rules, { placedAt, items: sample.items, shippingCents: sample.shippingCents, pointsCashCents }, { tierCode: sample.tierCode }, { timeZone });
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { ok: false, path: e.errors[0]?.path ?? "items", reason: "invalid-order", params: {}, message: e.errors[0]?.message ?? e.message };
  }
  return { ok: true, points: evaluation.points, explanation: evaluation.explanation, baseCents: evaluation.base.baseCents, pointsCashCents, ruleVersionIds: evaluation.ruleVersionIds };
}

export async function previewOrder(input: { ruleKey: string; definition: unknown; sample: SampleOrder }, ex: Executor = db): Promise<OrderPreview> {
  const parsed = sampleOrderSchema.safeParse(input.sample);
  if (!parsed.success) throw new DomainError("invalid-request", "invalid sample order", { errors: fieldErrors(parsed.error.issues) });
  const sample = parsed.data;
  const placedAt = sample.placedAt ? new Date(sample.placedAt) : now();
  const tz = env.DEPLOYMENT_TZ;
  const rules = await loadRuleset(placedAt, ex);
  const check = await validateRule(input.ruleKey, input.definition, { at: now(), ex });
  return {
    placedAt: placedAt.toISOString(),
    inForce: evaluateSample(rules, sample, placedAt, tz),
    draft: check.ok ? evaluateSample(withRule(rules, input.ruleKey, check.kind, check.definition), sample, placedAt, tz) : null,
    draftIssues: check.issues,
  };
}
