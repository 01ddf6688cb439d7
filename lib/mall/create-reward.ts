import { db, type Executor } from "@/db/client";
import { rewards, stockMovements, type Reward } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { DEFAULT_COUPON_PATTERN } from "./coupon-code";
import type { CreateReward } from "./reward-schema";

/** Adds a reward to the catalogue; its opening stock is the first stock movement. */
export async function createReward(input: CreateReward, { actor, ex = db }: { actor: string; ex?: Executor }): Promise<Reward> {
  const at = now();
  const id = newId();
  const couponSource = input.type === "coupon" ? (input.couponSource ?? "pattern") : null;
  // A pool starts empty: its stock is the number of codes imported (import-coupons.ts adds them).
  const stock = couponSource === "pool" ? 0 : input.stock;
  try {
    return await ex.transaction(async (tx) => {
      const [row] = await tx
        .insert(rewards)
        .values({
          ...input,
          id,
          stock,
          nameEn: input.nameEn ?? null,
          descriptionEn: input.descriptionEn ?? null,
          termsEn: input.termsEn ?? null,
          startsAt: input.startsAt ? new Date(input.startsAt) : null,
          endsAt: input.endsAt ? new Date(input.endsAt) : null,
          imageUrl: input.imageUrl ?? null,
          couponSource,
          couponPattern: couponSource === "pattern" ? (input.couponPattern ?? DEFAULT_COUPON_PATTERN) : null,
          couponValidDays: input.couponValidDays ?? null,
          createdAt: at,
          updatedAt: at,
        })
        .returning();
      if (stock) await tx.insert(stockMovements).values({ id: newId(), rewardId: id, delta: stock, stockAfter: stock, reason: "opening stock", actor, createdAt: at });
      return row!;
    });
  } catch (e) {
    if (isUniqueViolation(e, "rewards_sku_uq")) throw new DomainError("duplicate", `a reward with sku ${input.sku} already exists`, { errors: [{ path: "sku", message: "already used" }] });
    throw e;
  }
}
