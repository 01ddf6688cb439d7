// A reward's main picture from an upload: stored by store-image.ts (checked, content-addressed),
// then set as imageUrl with its audit entry. The file is written only once the reward is known
// and the bytes are a real image; a file no reward points at is harmless (same name, same bytes).
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { rewards, type Reward } from "@/db/schema";
import { audit } from "@/lib/admin/audit";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { storeImage } from "./store-image";
import type { Staff } from "./staff";
import { assertId } from "./ids";

export async function setRewardImage(rewardId: string, bytes: Uint8Array, staff: Staff, opts?: Parameters<typeof storeImage>[1]): Promise<Reward> {
  assertId(rewardId, "reward");
  const [exists] = await db.select({ id: rewards.id }).from(rewards).where(eq(rewards.id, rewardId));
  if (!exists) throw new DomainError("not-found", "no such reward");
  const image = await storeImage(bytes, opts);
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ imageUrl: rewards.imageUrl }).from(rewards).where(eq(rewards.id, rewardId)).for("update");
    if (!current) throw new DomainError("not-found", "no such reward");
    const [row] = await tx.update(rewards).set({ imageUrl: image.url, updatedAt: now() }).where(eq(rewards.id, rewardId)).returning();
    await audit(tx, staff, { action: "reward.image", targetType: "reward", targetId: rewardId, before: { imageUrl: current.imageUrl }, after: { imageUrl: image.url, bytes: image.bytes, contentType: image.contentType } });
    return row!;
  });
}
