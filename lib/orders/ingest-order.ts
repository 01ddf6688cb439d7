// Ingesting an order from the shop: points spent at checkout, points earned (pending for the return
// window), and the commissions of the buyer's upline as it is now (snapshot on the order), all in
// one transaction.
import { and, asc, eq, lte } from "drizzle-orm";
import { db, type Executor, type Tx } from "@/db/client";
import { distributors, members, orderLines, orders, pointLots, referralPaths } from "@/db/schema";
import { now as clockNow, DAY_MS } from "@/lib/clock";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { credit, debit, lockBalance } from "@/lib/points/ledger";
import { availableAt as availableAfterWindow, checkoutError, evaluateOrder, expiresAt as expiryFor, validateCheckoutPoints, type CampaignUsage, type TiersRule } from "@/lib/rules";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { readRuleUsage, recordRuleUsage } from "@/lib/rules/usage";
import { refreshTier } from "@/lib/members/refresh-tier";
import { attributeOrder } from "@/lib/distribution/attribute-order";
import { lapseExpiredBinding } from "@/lib/distribution/bind-referrer";
import { liveAttributionCode } from "@/lib/distribution/referral-attribution";
import { recordOrderCommissions, type OrderCommission } from "@/lib/distribution/record-commissions";
import { becomeDistributorBySetting } from "@/lib/distribution/become-distributor";
import { checkOrderRisk } from "@/lib/distribution/risk";
import { isUniqueViolation } from "@/db/errors";
import type { CreateOrder } from "./schemas";

export interface IngestedOrder {
  id: string;
  externalId: string;
  memberId: string;
  paidCents: number;
  points: { awarded: number; status: "pending" | "available" | "expired"; availableAt: string; ruleVersionIds: string[] };
  pointsRedeemed: number;
  commissions: OrderCommission[];
}

/** An order placed more than this far in the future is refused (clock skew allowance). */
const FUTURE_TOLERANCE_MS = DAY_MS;

export async function ingestOrder(input: CreateOrder, { actor, ex = db, source = "api" }: { actor: string; ex?: Executor; source?: string }): Promise<IngestedOrder> {
  const at = clockNow();
  const placedAt = input.placedAt ? new Date(input.placedAt) : at;
  if (placedAt.getTime() > at.getTime() + FUTURE_TOLERANCE_MS) {
    throw new DomainError("invalid-request", "placedAt is in the future", { errors: [{ path: "placedAt", message: "must not be more than a day in the future" }] });
  }
  try {
    return await ex.transaction((tx) => ingest(tx, input, placedAt, actor, source));
  } catch (e) {
    // Two different requests racing with one externalId: the unique index decides.
    if (isUniqueViolation(e, "orders_external_id_uq")) throw new DomainError("duplicate", `order ${input.externalId} already exists`);
    throw e;
  }
}

async function ingest(tx: Tx, input: CreateOrder, placedAt: Date, actor: string, source: string): Promise<IngestedOrder> {
  const tz = env.DEPLOYMENT_TZ;
  const [member] = await tx.select({ id: members.id, tierCode: members.tierCode, frozenAt: members.frozenAt }).from(members).where(eq(members.id, input.memberId));
  if (!member) throw new DomainError("invalid-request", "unknown member", { errors: [{ path: "memberId", message: "no member with this id" }] });
  // A second order with this externalId is refused by the unique index when the order row is
  // written (mapped to 409 duplicate in ingestOrder); the transaction then undoes everything.

  const rules = await loadRuleset(placedAt, tx);
  const earning = rules.earning.definition;
  const goodsAfterDiscountCents = input.items.reduce((s, it) => s + it.quantity * it.unitPriceCents - it.discountCents, 0);

  // The upline first: a binding written here (first order, lapse) takes the referral-tree lock,
  // which every binding takes before the member's balance lock (same order as sign-up).
  const distribution = rules.distribution.definition;
  // A binding lapsed by inactivity is written before the upline is read (no-op when permanent).
  if (distribution.binding.expiryDays !== null) await lapseExpiredBinding(tx, member.id, placedAt, distribution, actor);
  // The upline with each member's distributor row (commissions need both; one query).
  const bound = await tx
    .select({ ancestorId: referralPaths.ancestorId, levelCode: distributors.levelCode, status: distributors.status })
    .from(referralPaths)
    .leftJoin(distributors, eq(distributors.memberId, referralPaths.ancestorId))
    .where(and(eq(referralPaths.descendantId, member.id), lte(referralPaths.depth, 3)))
    .orderBy(asc(referralPaths.depth));
  // A buyer without an upline: the order's referral code, else their live link attribution (never
  // moves anyone who has an upline).
  const attributedCode = bound.length ? null : (input.referralCode ?? null);
  const linkCode = bound.length || attributedCode ? null : await liveAttributionCode(tx, member.id, placedAt);
  const upline = attributedCode
    ? await attributeOrder(tx, member.id, attributedCode, distribution, { source: "api", actor })
    : linkCode
      ? await attributeOrder(tx, member.id, linkCode, distribution, { source: "link", actor })
      : bound.map((u) => u.ancestorId);

  // Points at checkout (积分抵现): validated against the policy, then spent through the ledger.
  const orderId = newId();
  let pointsCashCents = 0;
  let spendEntryId: string | null = null;
  if (input.pointsRedeemed > 0) {
    const check = validateCheckoutPoints({ points: input.pointsRedeemed, goodsAfterDiscountCents }, earning.checkout);
    if (!check.ok) throw checkoutError(check.rejection);
    pointsCashCents = check.cashCents;
    const spend = await debit(tx, {
      memberId: member.id,
      points: input.pointsRedeemed,
      type: "spend",
      onShortfall: "reject",
      reason: `checkout:${input.externalId}`,
      actor,
      orderId,
      explanation: { kind: "checkout", cashCents: pointsCashCents, externalId: input.externalId },
      ruleVersionIds: [rules.earning.id],
    });
    spendEntryId = spend.entry.id;
  }

  // Caps and budgets of the campaigns in force: counters read under the member's ledger lock. With
  // no capped campaign there is nothing to read, and the credit below takes the same lock anyway
  // (one round trip fewer on the common path).
  const capped = rules.campaigns.filter((c) => c.definition.caps.perMemberPerDay !== null || c.definition.caps.perMemberPerMonth !== null || c.definition.caps.budget !== null);
  if (capped.length) await lockBalance(tx, member.id);
  const usage = await readRuleUsage(tx, member.id, capped.map((c) => c.ruleKey), placedAt, tz);
  const campaignUsage: Record<string, CampaignUsage> = Object.fromEntries(
    Object.entries(usage).map(([k, u]) => [k, { memberDay: u.pointsDay, memberMonth: u.pointsMonth, total: u.budgetUsed }]),
  );
  const evaluation = evaluateOrder(
    rules,
    { placedAt, items: input.items, shippingCents: input.shippingCents, pointsCashCents },
    { tierCode: member.frozenAt ? null : member.tierCode },
    { timeZone: tz, campaignUsage },
  );
  const points = member.frozenAt ? 0 : evaluation.points;
  const paidCents = goodsAfterDiscountCents + input.shippingCents - pointsCashCents;

  const at = clockNow();
  const available = availableAfterWindow(placedAt, earning.returnWindowDays);
  const expires = expiryFor(earning.expiry, available, tz);
  const earnLotId = points > 0 ? newId() : null;
  await tx.insert(orders).values({
    id: orderId,
    externalId: input.externalId,
    memberId: member.id,
    placedAt,
    currency: env.CURRENCY,
    goodsCents: evaluation.base.goodsCents,
    discountCents: evaluation.base.discountCents,
    shippingCents: input.shippingCents,
    pointsRedeemed: input.pointsRedeemed,
    pointsCashCents,
    paidCents,
    earningBaseCents: evaluation.base.baseCents,
    pointsAwarded: points,
    earnLotId,
    spendEntryId,
    ruleVersionIds: evaluation.ruleVersionIds,
    uplineSnapshot: upline,
    referralCode: input.referralCode ?? null,
    source,
    createdAt: at,
  });
  await tx.insert(orderLines).values(
    input.items.map((it, i) => ({
      orderId,
      lineNo: i + 1,
      memberId: member.id,
      sku: it.sku,
      name: it.name ?? "",
      category: it.category ?? null,
      quantity: it.quantity,
      unitPriceCents: it.unitPriceCents,
      discountCents: it.discountCents,
      pointsCashCents: evaluation.base.items[i]?.pointsCashCents ?? 0,
      baseCents: evaluation.base.items[i]?.baseCents ?? 0,
    })),
  );

  if (earnLotId) {
    const earned = await credit(tx, {
      lotId: earnLotId,
      memberId: member.id,
      points,
      type: "earn",
      availableAt: available,
      expiresAt: expires,
      reason: `order:${input.externalId}`,
      actor,
      orderId,
      explanation: evaluation.explanation as unknown as Record<string, unknown>,
      ruleVersionIds: evaluation.ruleVersionIds,
    });
    // An old order whose points are already past expiry: the ledger says so at once.
    if (expires && expires.getTime() <= at.getTime()) await expireLotNow(tx, member.id, earnLotId, actor);
    await recordRuleUsage(tx, member.id, evaluation.campaignAwards.filter((a) => capped.some((c) => c.ruleKey === a.ruleKey)), placedAt, tz);
    if (mayUpgrade(rules.tiers.definition, member.tierCode, earned.lifetimeEarned)) await refreshTier(tx, member.id, rules.tiers);
  }

  const commissions = await recordOrderCommissions(
    tx,
    {
      orderId,
      buyerId: member.id,
      placedAt,
      lines: input.items.map((it, i) => ({ sku: it.sku, category: it.category ?? null, baseCents: evaluation.base.items[i]?.baseCents ?? 0 })),
      upline,
      chain: bound.map((u) => ({ memberId: u.ancestorId, distributor: u.levelCode !== null && u.status !== null ? { levelCode: u.levelCode, active: u.status === "active" } : null })),
    },
    rules,
    actor,
  );
  // Risk signals about the buyer and the paid upline (shared phone / address): hold and open a case.
  if (commissions.length) await checkOrderRisk(tx, { orderId, buyerId: member.id, distributorIds: commissions.map((c) => c.distributorId) });
  // 人人分销 / spend threshold: the buyer becomes a distributor (after this order's commissions).
  await becomeDistributorBySetting(tx, member.id, rules.distribution.definition.becomeDistributor);

  const status = expires && expires.getTime() <= at.getTime() ? "expired" : available.getTime() <= at.getTime() ? "available" : "pending";
  return {
    id: orderId,
    externalId: input.externalId,
    memberId: member.id,
    paidCents,
    points: { awarded: points, status, availableAt: available.toISOString(), ruleVersionIds: evaluation.ruleVersionIds },
    pointsRedeemed: input.pointsRedeemed,
    commissions,
  };
}

/**
 * Whether an upgrade is possible at all: on the points-earned basis, points earned in any window
 * are at most the lifetime total, so below the next tier's threshold there is nothing to check
 * (saves the window queries on almost every order). The spend basis is always checked.
 */
function mayUpgrade(tiers: TiersRule, currentCode: string, lifetimeEarned: number): boolean {
  if (tiers.qualification.basis !== "points-earned") return true;
  const i = tiers.tiers.findIndex((t) => t.code === currentCode);
  const next = tiers.tiers[i + 1];
  return i < 0 || (next !== undefined && lifetimeEarned >= next.threshold);
}

async function expireLotNow(tx: Tx, memberId: string, lotId: string, actor: string): Promise<void> {
  const [lot] = await tx.select({ remaining: pointLots.remaining }).from(pointLots).where(eq(pointLots.id, lotId));
  if (!lot || lot.remaining <= 0) return;
  await debit(tx, { memberId, points: lot.remaining, type: "expire", onShortfall: "reject", preferLotIds: [lotId], reason: "expired", actor });
  await tx.update(pointLots).set({ expiredAt: clockNow() }).where(eq(pointLots.id, lotId));
}
