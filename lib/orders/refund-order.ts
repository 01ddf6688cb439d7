// Refunds: money back for all or part of an order. Points the order earned are taken back in
// proportion, points the member paid with are given back in proportion (to the very lots they came
// from), commissions are reversed in proportion (lib/distribution), all in one transaction with the
// order row locked so concurrent refunds add up correctly.
import { checkRefundRisk } from "@/lib/distribution/risk";
import { and, eq, sql } from "drizzle-orm";
import { db, type Executor, type Tx } from "@/db/client";
import { orderLines, orders, pointAllocations, pointEntries, refunds } from "@/db/schema";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { reverseOrderCommissions } from "@/lib/distribution/record-commissions";
import { debit, restore } from "@/lib/points/ledger";
import { proportionalShare } from "@/lib/points/math";
import type { RefundInput } from "./schemas";

export interface RefundResult {
  refundId: string;
  refundedCents: number;
  pointsReversed: number;
  pointsRestored: number;
  commissionsReversed: { commissionId: string; amountCents: number }[];
}

export async function refundOrder(externalId: string, input: RefundInput, { actor, ex = db }: { actor: string; ex?: Executor }): Promise<RefundResult> {
  return ex.transaction((tx) => refund(tx, externalId, input, actor));
}

async function refund(tx: Tx, externalId: string, input: RefundInput, actor: string): Promise<RefundResult> {
  const [order] = await tx.select().from(orders).where(eq(orders.externalId, externalId)).for("update");
  if (!order) throw new DomainError("not-found", `no order ${externalId}`);
  const refundable = order.paidCents - order.refundedCents;
  const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, order.id)).orderBy(orderLines.lineNo);

  let amount: number;
  const itemUpdates: { lineNo: number; quantity: number }[] = [];
  if (input.items) {
    amount = 0;
    for (const [i, it] of input.items.entries()) {
      const line = lines.find((l) => l.sku === it.sku && l.quantity - l.refundedQuantity - (itemUpdates.find((u) => u.lineNo === l.lineNo)?.quantity ?? 0) >= it.quantity);
      if (!line) throw new DomainError("invalid-request", `cannot refund ${it.quantity} × ${it.sku}`, { errors: [{ path: `items.${i}.quantity`, message: "more than was bought and not yet refunded" }] });
      // What the member paid for these units: the line after its discount and its share of the
      // points paid, per unit (floor; the last unit of a line takes the remainder).
      const linePaid = line.quantity * line.unitPriceCents - line.discountCents - line.pointsCashCents;
      const before = line.refundedQuantity + (itemUpdates.find((u) => u.lineNo === line.lineNo)?.quantity ?? 0);
      amount += proportionalShare(linePaid, before + it.quantity, line.quantity) - proportionalShare(linePaid, before, line.quantity);
      const existing = itemUpdates.find((u) => u.lineNo === line.lineNo);
      if (existing) existing.quantity += it.quantity;
      else itemUpdates.push({ lineNo: line.lineNo, quantity: it.quantity });
    }
    // Refunding every unit also returns the shipping.
    const allUnits = lines.every((l) => l.refundedQuantity + (itemUpdates.find((u) => u.lineNo === l.lineNo)?.quantity ?? 0) === l.quantity);
    if (allUnits) amount = refundable;
  } else {
    amount = input.amountCents ?? refundable;
  }
  if (amount > refundable || (amount === 0 && refundable === 0)) {
    throw new DomainError("refund-exceeds-order", `refund of ${amount} exceeds the ${refundable} still refundable`, { params: { refundable } });
  }

  const refundedAfter = order.refundedCents + amount;
  const fullyRefunded = refundedAfter >= order.paidCents;
  // Cumulative shares (named rule: floor of total × refunded/paid, the last refund takes the rest),
  // so several partial refunds never take back or give back more than the order's own points.
  const share = (total: number) => (fullyRefunded || order.paidCents === 0 ? total : proportionalShare(total, refundedAfter, order.paidCents));
  const refundId = newId();
  const at = now();

  let pointsReversed = 0;
  if (order.pointsAwarded > 0) {
    // Points of this order that expired are already gone: they are not taken again.
    const [expired] = await tx
      .select({ points: sql<number>`coalesce(sum(${pointAllocations.points} - ${pointAllocations.restored}), 0)::bigint` })
      .from(pointAllocations)
      .innerJoin(pointEntries, eq(pointEntries.id, pointAllocations.entryId))
      .where(and(eq(pointAllocations.lotId, order.earnLotId!), eq(pointEntries.type, "expire")));
    const target = Math.max(0, share(order.pointsAwarded) - Number(expired?.points ?? 0));
    pointsReversed = Math.max(0, target - order.pointsReversed);
    if (pointsReversed > 0) {
      await debit(tx, {
        memberId: order.memberId,
        points: pointsReversed,
        type: "reverse",
        onShortfall: "debt",
        preferLotIds: order.earnLotId ? [order.earnLotId] : [],
        reason: `refund:${externalId}`,
        actor,
        orderId: order.id,
        refundId,
        explanation: { kind: "refund", refundedCents: amount, paidCents: order.paidCents, pointsAwarded: order.pointsAwarded },
        ruleVersionIds: order.ruleVersionIds,
      });
    }
  }

  let pointsRestored = 0;
  if (order.pointsRedeemed > 0 && order.spendEntryId) {
    pointsRestored = share(order.pointsRedeemed) - order.pointsRestored;
    if (pointsRestored > 0) {
      await restore(tx, {
        memberId: order.memberId,
        debitEntryId: order.spendEntryId,
        points: pointsRestored,
        reason: `refund:${externalId}`,
        actor,
        orderId: order.id,
        refundId,
        explanation: { kind: "refund-restore", refundedCents: amount, paidCents: order.paidCents, pointsRedeemed: order.pointsRedeemed },
      });
    }
  }

  await tx.insert(refunds).values({
    id: refundId,
    orderId: order.id,
    memberId: order.memberId,
    amountCents: amount,
    items: input.items ?? null,
    reason: input.reason ?? "",
    pointsReversed,
    pointsRestored,
    createdAt: at,
  });
  await tx
    .update(orders)
    .set({ refundedCents: refundedAfter, pointsReversed: order.pointsReversed + pointsReversed, pointsRestored: order.pointsRestored + pointsRestored })
    .where(eq(orders.id, order.id));
  for (const u of itemUpdates) {
    await tx
      .update(orderLines)
      .set({ refundedQuantity: sql`${orderLines.refundedQuantity} + ${u.quantity}` })
      .where(and(eq(orderLines.orderId, order.id), eq(orderLines.lineNo, u.lineNo)));
  }
  // Same proportion as the points: the money refunded so far over the money paid.
  const reversed = await reverseOrderCommissions(tx, { orderId: order.id, refundId, refundedCents: refundedAfter, paidCents: order.paidCents }, actor);
  // Refund risk signals (soon after a commission freed up; a high refund rate) while the wallets are locked.
  if (reversed.length) await checkRefundRisk(tx, { orderId: order.id, refundId });
  const commissionsReversed = reversed.map((r) => ({ commissionId: r.commissionId, amountCents: r.amountCents }));
  return { refundId, refundedCents: amount, pointsReversed, pointsRestored, commissionsReversed };
}
