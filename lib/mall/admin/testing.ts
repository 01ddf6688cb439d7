// Test fixtures for the admin mall: a staff actor, audit rows of a target, a physical redemption.
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { newId } from "@/lib/ids";
import { redeemReward } from "../redeem-reward";
import { memberWithPoints, testReward } from "../testing";
import type { Staff } from "./staff";

export const staff: Staff = { userId: newId(), email: "ops@shop.test" };

export async function auditOf(targetId: string, action?: string) {
  return db
    .select()
    .from(auditLog)
    .where(action ? and(eq(auditLog.targetId, targetId), eq(auditLog.action, action)) : eq(auditLog.targetId, targetId))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
}

export const ADDRESS = { recipient: "王芳", phone: "+86 138 0000 0000", region: "上海市 浦东新区", line: "世纪大道 100 号", postalCode: "200120" };

/** A member who redeemed `quantity` of a fresh physical reward (stock 10, 100 points each). */
export async function physicalRedemption({ quantity = 1, address = ADDRESS as Record<string, unknown>, reward = {} as Parameters<typeof testReward>[0] } = {}) {
  const memberId = await memberWithPoints(10_000);
  const r = await testReward({ type: "physical", pointsPrice: 100, stock: 10, ...reward });
  const redemption = await redeemReward({ memberId, rewardId: r.id, quantity, shippingAddress: address, source: "web", actor: "member" });
  return { memberId, reward: r, redemptionId: redemption.id };
}
