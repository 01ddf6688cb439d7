// Test fixtures for the mall: a member holding points and a reward, written straight to the database.
import { db } from "@/db/client";
import { members, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { credit } from "@/lib/points/ledger";
import { createReward } from "./create-reward";
import type { CreateRewardInput } from "./reward-schema";
import { createRewardSchema } from "./reward-schema";

export async function memberWithPoints(points: number, opts: { tierCode?: string; expiresAt?: Date | null } = {}): Promise<string> {
  const id = newId();
  const at = now();
  await db.insert(users).values({ id, email: `${id}@mall.test`, name: "Test member", createdAt: at, updatedAt: at });
  await db.insert(members).values({ id, tierCode: opts.tierCode ?? "regular", createdAt: at });
  if (points > 0) {
    await db.transaction((tx) => credit(tx, { memberId: id, points, type: "adjust", reason: "test", actor: "test", availableAt: at, expiresAt: opts.expiresAt ?? null }));
  }
  return id;
}

export async function testReward(input: Partial<CreateRewardInput> = {}) {
  const parsed = createRewardSchema.parse({ sku: `T-${newId().slice(-12)}`, name: "测试奖品", type: "virtual", pointsPrice: 100, ...input });
  return createReward(parsed, { actor: "test" });
}
