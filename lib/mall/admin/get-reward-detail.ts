// One reward as the admin's reward page shows it: the row, its stock history (newest first), its
// coupon pool by status, and whether its type can still change.
import { count, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { couponCodes, rewards, stockMovements, type CouponStatus, type Reward, type StockMovement } from "@/db/schema";
import { isId } from "./ids";
import { kindLocked } from "./update-reward";

export const HISTORY_ROWS = 50;

export interface RewardDetail {
  reward: Reward;
  movements: StockMovement[];
  codes: Partial<Record<CouponStatus, number>>;
  kindLocked: boolean;
}

export async function getRewardDetail(rewardId: string): Promise<RewardDetail | null> {
  if (!isId(rewardId)) return null;
  const [reward] = await db.select().from(rewards).where(eq(rewards.id, rewardId));
  if (!reward) return null;
  const [movements, codes, locked] = await Promise.all([
    db.select().from(stockMovements).where(eq(stockMovements.rewardId, rewardId)).orderBy(desc(stockMovements.createdAt), desc(stockMovements.id)).limit(HISTORY_ROWS),
    reward.type === "coupon"
      ? db.select({ status: couponCodes.status, n: count() }).from(couponCodes).where(eq(couponCodes.rewardId, rewardId)).groupBy(couponCodes.status)
      : Promise.resolve([]),
    kindLocked(rewardId),
  ]);
  return { reward, movements, codes: Object.fromEntries(codes.map((c) => [c.status, c.n])), kindLocked: locked };
}
