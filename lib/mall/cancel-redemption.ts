// Cancelling a redemption: the points go back to exactly the lots they came from (an expired lot
// stays expired), the stock comes back, the timeline records who cancelled and why. Cancelling
// twice is a no-op that returns the cancelled redemption.
import { and, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { redemptionEvents, redemptions, rewards, stockMovements, type Redemption } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { lockBalance, restore } from "@/lib/points/ledger";
import { canCancel } from "./redemption-status";

export interface CancelRequest {
  redemptionId: string;
  by: "member" | "staff";
  /** For by = "member": the member asking (anyone else's redemption is "not found"). */
  memberId?: string;
  actor: string;
  reason?: string | null;
}

export async function cancelRedemption(input: CancelRequest, ex: Executor = db): Promise<Redemption> {
  return ex.transaction(async (tx) => {
    const at = clockNow();
    const [head] = await tx.select({ memberId: redemptions.memberId }).from(redemptions).where(eq(redemptions.id, input.redemptionId));
    if (!head || (input.by === "member" && head.memberId !== input.memberId)) throw new DomainError("not-found", "no such redemption");
    // Same lock order as redeeming: the member's balance row, then the redemption and the reward.
    await lockBalance(tx, head.memberId, at);
    const [r] = await tx.select().from(redemptions).where(eq(redemptions.id, input.redemptionId)).for("update");
    if (!r) throw new DomainError("not-found", "no such redemption");
    if (r.status === "cancelled") return r;
    if (!canCancel(r.status, input.by)) throw new DomainError("conflict", `a ${r.status} redemption cannot be cancelled`, { params: { status: r.status } });

    if (r.spendEntryId && r.pointsSpent > 0) {
      await restore(tx, { memberId: r.memberId, debitEntryId: r.spendEntryId, points: r.pointsSpent, reason: "redemption-cancelled", actor: input.actor, redemptionId: r.id });
    }
    const [stock] = await tx
      .update(rewards)
      .set({
        stock: sql`case when ${rewards.stock} is null then null else ${rewards.stock} + ${r.quantity} end`,
        redeemedCount: sql`greatest(0, ${rewards.redeemedCount} - ${r.quantity})`,
      })
      .where(eq(rewards.id, r.rewardId))
      .returning({ stock: rewards.stock });
    if (stock && stock.stock !== null) {
      await tx.insert(stockMovements).values({ id: newId(), rewardId: r.rewardId, delta: r.quantity, stockAfter: stock.stock, reason: "redemption cancelled", redemptionId: r.id, actor: input.actor, createdAt: at });
    }
    const [cancelled] = await tx
      .update(redemptions)
      .set({ status: "cancelled", updatedAt: at })
      .where(and(eq(redemptions.id, r.id), eq(redemptions.status, r.status)))
      .returning();
    await tx.insert(redemptionEvents).values({ id: newId(), redemptionId: r.id, memberId: r.memberId, status: "cancelled", note: input.reason ?? null, actor: input.actor, createdAt: at });
    return cancelled!;
  });
}
