// One redemption as the fulfilment page shows it: the row, its reward, the member and the timeline.
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { redemptionEvents, redemptions, rewards, users, type Redemption, type RedemptionEvent } from "@/db/schema";
import { isId } from "./ids";

export interface RedemptionDetail {
  redemption: Redemption;
  reward: { id: string; sku: string; name: string; nameEn: string | null; type: string; imageUrl: string | null };
  member: { id: string; email: string; name: string };
  events: RedemptionEvent[];
}

export async function getRedemptionDetail(redemptionId: string): Promise<RedemptionDetail | null> {
  if (!isId(redemptionId)) return null;
  const [row] = await db
    .select({
      redemption: redemptions,
      reward: { id: rewards.id, sku: rewards.sku, name: rewards.name, nameEn: rewards.nameEn, type: rewards.type, imageUrl: rewards.imageUrl },
      member: { id: users.id, email: users.email, name: users.name },
    })
    .from(redemptions)
    .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
    .innerJoin(users, eq(users.id, redemptions.memberId))
    .where(eq(redemptions.id, redemptionId));
  if (!row) return null;
  const events = await db.select().from(redemptionEvents).where(eq(redemptionEvents.redemptionId, redemptionId)).orderBy(asc(redemptionEvents.createdAt), asc(redemptionEvents.id));
  return { ...row, events };
}
