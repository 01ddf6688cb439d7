// The fulfilment queue: redemptions of physical rewards, oldest first within the filter (first
// in, first packed), one page at a time, with what the warehouse needs on each row.
import { asc, count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { redemptions, rewards, users, type Redemption } from "@/db/schema";
import { fulfilmentWhere, type FulfilmentQuery } from "./fulfilment-query";

export const QUEUE_PAGE_SIZE = 50;

export interface QueueRow {
  redemption: Redemption;
  reward: { id: string; sku: string; name: string; nameEn: string | null };
  email: string;
}

export interface QueuePage {
  rows: QueueRow[];
  total: number;
  page: number;
  pages: number;
}

export async function listFulfilment(q: FulfilmentQuery): Promise<QueuePage> {
  const where = fulfilmentWhere(q);
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(redemptions).innerJoin(rewards, eq(rewards.id, redemptions.rewardId)).innerJoin(users, eq(users.id, redemptions.memberId)).where(where),
    db
      .select({ redemption: redemptions, reward: { id: rewards.id, sku: rewards.sku, name: rewards.name, nameEn: rewards.nameEn }, email: users.email })
      .from(redemptions)
      .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
      .innerJoin(users, eq(users.id, redemptions.memberId))
      .where(where).orderBy(asc(redemptions.createdAt), asc(redemptions.id)).limit(QUEUE_PAGE_SIZE).offset((q.page - 1) * QUEUE_PAGE_SIZE),
  ]);
  const n = total?.n ?? 0;
  return { rows, total: n, page: q.page, pages: Math.max(1, Math.ceil(n / QUEUE_PAGE_SIZE)) };
}

/** The physical rewards, for the queue's reward filter. */
export async function physicalRewards() {
  return db.select({ id: rewards.id, sku: rewards.sku, name: rewards.name, nameEn: rewards.nameEn }).from(rewards).where(eq(rewards.type, "physical")).orderBy(asc(rewards.sku));
}
