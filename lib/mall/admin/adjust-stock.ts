// A stock adjustment by staff (goods counted, damaged, restocked): never a plain field edit. It is
// one conditional update — the stock can never go below zero, whatever else runs at the same
// time — and a stock movement with the reason, in the same transaction, plus the audit entry.
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { rewards, stockMovements } from "@/db/schema";
import { audit } from "@/lib/admin/audit";
import { now } from "@/lib/clock";
import { DomainError, fieldErrors } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { staffLabel, type Staff } from "./staff";
import { assertId } from "./ids";

/** The schema's ceiling for a reward's stock (reward-schema.ts). */
export const MAX_STOCK = 100_000_000;

const reason = z.string().trim().min(1).max(200);
export const stockAdjustmentSchema = z.discriminatedUnion("mode", [
  // Add (+) or take away (−) units of a limited stock.
  z.object({ mode: z.literal("delta"), delta: z.int().min(-MAX_STOCK).max(MAX_STOCK).refine((d) => d !== 0, "must not be 0"), reason }),
  // Stop counting: the reward becomes unlimited.
  z.object({ mode: z.literal("unlimited"), reason }),
  // Start counting an unlimited reward at this many units.
  z.object({ mode: z.literal("limit"), stock: z.int().min(0).max(MAX_STOCK), reason }),
]);
export type StockAdjustment = z.input<typeof stockAdjustmentSchema>;

export interface StockAdjusted {
  rewardId: string;
  stockBefore: number | null;
  stockAfter: number | null;
  delta: number;
}

export async function adjustStock(rewardId: string, input: unknown, staff: Staff): Promise<StockAdjusted> {
  assertId(rewardId, "reward");
  const parsed = stockAdjustmentSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid-request", "invalid stock adjustment", { errors: fieldErrors(parsed.error.issues) });
  const change = parsed.data;
  return db.transaction(async (tx) => {
    const [reward] = await tx.select({ stock: rewards.stock, couponSource: rewards.couponSource }).from(rewards).where(eq(rewards.id, rewardId)).for("update");
    // Stamped after the row lock: concurrent adjustments get times in the order they applied, so
    // the stock history reads in order (stock_after of each row follows the one before it).
    const at = now();
    if (!reward) throw new DomainError("not-found", "no such reward");
    // A pool's stock is the number of codes in it: it grows only by importing codes.
    if (reward.couponSource === "pool" && (change.mode !== "delta" || change.delta > 0)) {
      throw new DomainError("conflict", "a coupon pool grows by importing codes", { errors: [{ path: change.mode === "delta" ? "delta" : "mode", message: "pool" }] });
    }

    let row: { stock: number | null } | undefined;
    if (change.mode === "delta") {
      [row] = await tx
        .update(rewards)
        .set({ stock: sql`${rewards.stock} + ${change.delta}`, updatedAt: at })
        .where(and(eq(rewards.id, rewardId), isNotNull(rewards.stock), sql`${rewards.stock} + ${change.delta} between 0 and ${MAX_STOCK}`))
        .returning({ stock: rewards.stock });
      if (!row) {
        const [nowRow] = await tx.select({ stock: rewards.stock }).from(rewards).where(eq(rewards.id, rewardId));
        if (nowRow?.stock === null) throw new DomainError("conflict", "the stock is unlimited", { errors: [{ path: "delta", message: "unlimited" }] });
        const stock = nowRow?.stock ?? 0;
        const message = stock + change.delta < 0 ? "below-zero" : "too-large";
        throw new DomainError("conflict", message === "below-zero" ? `only ${stock} in stock` : `stock would exceed ${MAX_STOCK}`, { errors: [{ path: "delta", message }], params: { stock } });
      }
    } else if (change.mode === "unlimited") {
      [row] = await tx.update(rewards).set({ stock: null, updatedAt: at }).where(and(eq(rewards.id, rewardId), isNotNull(rewards.stock))).returning({ stock: rewards.stock });
      if (!row) throw new DomainError("conflict", "the stock is already unlimited", { errors: [{ path: "mode", message: "already-unlimited" }] });
    } else {
      [row] = await tx.update(rewards).set({ stock: change.stock, updatedAt: at }).where(and(eq(rewards.id, rewardId), isNull(rewards.stock))).returning({ stock: rewards.stock });
      if (!row) throw new DomainError("conflict", "the stock is already counted", { errors: [{ path: "mode", message: "already-limited" }] });
    }

    const stockAfter = row.stock;
    // Under the row lock, the stock before is exact.
    const delta = change.mode === "delta" ? change.delta : change.mode === "limit" ? change.stock : 0;
    const stockBefore = change.mode === "delta" ? stockAfter! - change.delta : change.mode === "limit" ? null : reward.stock;
    await tx.insert(stockMovements).values({ id: newId(), rewardId, delta, stockAfter, reason: change.reason, actor: staffLabel(staff), createdAt: at });
    await audit(tx, staff, { action: "reward.stock-adjust", targetType: "reward", targetId: rewardId, before: { stock: stockBefore }, after: { stock: stockAfter, delta, reason: change.reason } });
    return { rewardId, stockBefore, stockAfter, delta };
  });
}
