// Commissions of an order, written in the ingestion transaction (and taken back in the refund's):
// the distribution domain's side of lib/orders. The upline is the snapshot stored on the order.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { commissions, distributors } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { newId } from "@/lib/ids";
import type { Ruleset } from "@/lib/rules/schema";
import { calculateCommissions, commissionAvailableAt, commissionStatus, reverseShares, type ChainMember, type CommissionLine } from "./commission-math";
import { upgradeLevels } from "./levels";
import { lockWallets, recordCommissions, releaseDue, reverseCommission } from "./wallet";

/** A commission as the Integration API returns it with an order (API.md). */
export interface OrderCommission {
  id: string;
  distributorId: string;
  level: number;
  amountCents: number;
  status: "pending" | "available" | "reversed";
  availableAt: string;
}

export interface OrderForCommissions {
  orderId: string;
  buyerId: string;
  placedAt: Date;
  lines: readonly CommissionLine[];
  /** The upline snapshot, nearest first. */
  upline: readonly string[];
  /** The same members with their distributor rows, when the caller loaded them with the upline (saves a query). */
  chain?: readonly ChainMember[];
}

export async function recordOrderCommissions(tx: Tx, order: OrderForCommissions, rules: Pick<Ruleset, "earning" | "distribution">, actor: string): Promise<OrderCommission[]> {
  const rule = rules.distribution;
  if (order.upline.length === 0 && !rule.definition.selfPurchase) return [];
  const known = order.chain && order.chain.length === order.upline.length && order.chain.every((c, i) => c.memberId === order.upline[i]);
  const ids = known ? (rule.definition.selfPurchase ? [order.buyerId] : []) : [...new Set([order.buyerId, ...order.upline])];
  const rows = ids.length
    ? await tx.select({ memberId: distributors.memberId, levelCode: distributors.levelCode, status: distributors.status }).from(distributors).where(inArray(distributors.memberId, ids))
    : [];
  const member = (id: string): ChainMember => {
    const d = rows.find((r) => r.memberId === id);
    return { memberId: id, distributor: d ? { levelCode: d.levelCode, active: d.status === "active" } : null };
  };
  const upline = known ? order.chain! : order.upline.map(member);
  const { shares } = calculateCommissions({ lines: order.lines, buyer: member(order.buyerId), upline, rule });
  if (!shares.length) return [];

  const at = clockNow();
  const availableAt = commissionAvailableAt(order.placedAt, rules.earning.definition.returnWindowDays, rule.definition.freezeDays);
  // An old order (imported history) is past its freeze already: written released.
  const releasedAt = availableAt.getTime() <= at.getTime() ? at : null;
  const ruleVersionIds = [rule.id, rules.earning.id];
  const written = shares.map((s) => ({
    id: newId(),
    distributorId: s.distributorId,
    orderId: order.orderId,
    buyerId: order.buyerId,
    level: s.level,
    baseCents: s.baseCents,
    rateBps: s.rateBps,
    amountCents: s.amountCents,
    availableAt,
    releasedAt,
    explanation: s.explanation as unknown as Record<string, unknown>,
    ruleVersionIds,
    createdAt: at,
  }));
  await recordCommissions(tx, written, actor);
  // Their sales just grew: move up whoever now meets a higher level's conditions (never down).
  await upgradeLevels(tx, [...shares.map((s) => s.distributorId), order.buyerId], rule.definition.levels, at);
  return written.map((c) => ({
    id: c.id,
    distributorId: c.distributorId,
    level: c.level,
    amountCents: c.amountCents,
    status: commissionStatus({ amountCents: c.amountCents, reversedCents: 0, availableAt }, at),
    availableAt: availableAt.toISOString(),
  }));
}

export interface CommissionReversal {
  commissionId: string;
  /** Cents taken back by this refund (from pending/available, plus any negative adjustment). */
  amountCents: number;
  /** Of which a negative wallet adjustment (the money had already been withdrawn). */
  adjustmentCents: number;
}

/**
 * Reverses an order's commissions in proportion to the money refunded so far (cumulative floor,
 * see reverseShares). Runs in the refund's transaction, which holds the order row lock, so
 * concurrent refunds of one order add up correctly.
 */
export async function reverseOrderCommissions(
  tx: Tx,
  refund: { orderId: string; refundId: string; refundedCents: number; paidCents: number },
  actor: string,
): Promise<CommissionReversal[]> {
  const owners = await tx.selectDistinct({ distributorId: commissions.distributorId }).from(commissions).where(eq(commissions.orderId, refund.orderId));
  if (!owners.length) return [];
  const at = clockNow();
  const wallets = await lockWallets(tx, owners.map((o) => o.distributorId), at);
  for (const w of wallets.values()) await releaseDue(tx, w, actor, at);
  const rows = await tx.select().from(commissions).where(and(eq(commissions.orderId, refund.orderId))).orderBy(asc(commissions.level));
  const deltas = reverseShares(rows, { refundedCents: refund.refundedCents, paidCents: refund.paidCents });
  const out: CommissionReversal[] = [];
  for (const [i, c] of rows.entries()) {
    const cents = deltas[i]!;
    if (cents <= 0) continue;
    const r = await reverseCommission(tx, c, cents, { actor, refundId: refund.refundId }, at);
    out.push({ commissionId: c.id, amountCents: r.reversedCents + r.adjustmentCents, adjustmentCents: r.adjustmentCents });
  }
  return out;
}
