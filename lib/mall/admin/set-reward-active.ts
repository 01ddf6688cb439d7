// Offering a reward or withdrawing it. Withdrawing stops new redemptions at once (redeemReward's
// stock update requires active = true); existing redemptions are fulfilled as usual.
import { and, eq, ne } from "drizzle-orm";
import { db } from "@/db/client";
import { rewards, type Reward } from "@/db/schema";
import { audit } from "@/lib/admin/audit";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import type { Staff } from "./staff";
import { assertId } from "./ids";

/** Sets `active`; a no-op (nothing written, nothing audited) if it already has that value. */
export async function setRewardActive(rewardId: string, active: boolean, staff: Staff): Promise<Reward> {
  assertId(rewardId, "reward");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(rewards)
      .set({ active, updatedAt: now() })
      .where(and(eq(rewards.id, rewardId), ne(rewards.active, active)))
      .returning();
    if (!row) {
      const [same] = await tx.select().from(rewards).where(eq(rewards.id, rewardId));
      if (!same) throw new DomainError("not-found", "no such reward");
      return same;
    }
    await audit(tx, staff, { action: active ? "reward.activate" : "reward.deactivate", targetType: "reward", targetId: rewardId, before: { active: !active }, after: { active } });
    return row;
  });
}
