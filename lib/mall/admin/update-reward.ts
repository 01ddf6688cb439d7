// Editing a reward's details. Stock is not a field here: it only moves through adjustStock (with
// a reason and a stock movement) or redemptions. A reward's type and coupon source are fixed once
// anything has been redeemed or any code exists: they decide how past redemptions were fulfilled.
import { count, eq } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { couponCodes, redemptions, rewards, stockMovements, type Reward } from "@/db/schema";
import { isUniqueViolation } from "@/db/errors";
import { audit } from "@/lib/admin/audit";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { DEFAULT_COUPON_PATTERN } from "../coupon-code";
import { createRewardSchema } from "../reward-schema";
import { auditedFields, changedFields } from "./add-reward";
import { invalidReward } from "./reward-errors";
import { staffLabel, type Staff } from "./staff";
import { assertId } from "./ids";

export async function updateReward(rewardId: string, input: unknown, staff: Staff): Promise<Reward> {
  assertId(rewardId, "reward");
  const parsed = createRewardSchema.safeParse(input);
  if (!parsed.success) throw invalidReward(parsed.error);
  const r = parsed.data;
  try {
    return await db.transaction(async (tx) => {
      const at = now();
      const [current] = await tx.select().from(rewards).where(eq(rewards.id, rewardId)).for("update");
      if (!current) throw new DomainError("not-found", "no such reward");

      const couponSource = r.type === "coupon" ? (r.couponSource ?? "pattern") : null;
      const kindChanged = r.type !== current.type || couponSource !== current.couponSource;
      let stock = current.stock;
      if (kindChanged) {
        if (await kindLocked(rewardId, tx)) {
          throw new DomainError("conflict", "the type and coupon source are fixed once the reward has redemptions or codes", {
            errors: [{ path: r.type !== current.type ? "type" : "couponSource", message: "locked" }],
          });
        }
        // A pool's stock is its codes: it can only start from zero.
        if (couponSource === "pool" && current.stock) {
          throw new DomainError("conflict", "a coupon pool starts with no stock: adjust the stock to 0 first", { errors: [{ path: "couponSource", message: "stock-not-zero" }] });
        }
        if (couponSource === "pool") stock = 0;
      }

      const [updated] = await tx
        .update(rewards)
        .set({
          sku: r.sku,
          name: r.name,
          nameEn: r.nameEn ?? null,
          description: r.description,
          descriptionEn: r.descriptionEn ?? null,
          terms: r.terms,
          termsEn: r.termsEn ?? null,
          type: r.type,
          category: r.category,
          pointsPrice: r.pointsPrice,
          stock,
          perMemberLimit: r.perMemberLimit,
          tierCodes: r.tierCodes,
          active: r.active,
          flash: r.flash,
          startsAt: r.startsAt ? new Date(r.startsAt) : null,
          endsAt: r.endsAt ? new Date(r.endsAt) : null,
          imageUrl: r.imageUrl ?? null,
          images: r.images,
          couponSource,
          couponPattern: couponSource === "pattern" ? (r.couponPattern ?? current.couponPattern ?? DEFAULT_COUPON_PATTERN) : null,
          couponValidDays: couponSource ? (r.couponValidDays ?? null) : null,
          updatedAt: at,
        })
        .where(eq(rewards.id, rewardId))
        .returning();
      if (stock !== current.stock) {
        await tx.insert(stockMovements).values({ id: newId(), rewardId, delta: (stock ?? 0) - (current.stock ?? 0), stockAfter: stock, reason: "coupon pool: stock is the codes imported", actor: staffLabel(staff), createdAt: at });
      }
      const diff = changedFields(auditedFields(current), auditedFields(updated!));
      if (diff.changed.length) await audit(tx, staff, { action: "reward.update", targetType: "reward", targetId: rewardId, before: diff.before, after: diff.after });
      return updated!;
    });
  } catch (e) {
    if (isUniqueViolation(e, "rewards_sku_uq")) throw new DomainError("duplicate", `a reward with sku ${r.sku} already exists`, { errors: [{ path: "sku", message: "already used" }] });
    throw e;
  }
}

/** Whether the reward's type and coupon source are fixed (something redeemed, or codes exist). */
export async function kindLocked(rewardId: string, ex: Executor = db): Promise<boolean> {
  const [used] = await ex.select({ n: count() }).from(redemptions).where(eq(redemptions.rewardId, rewardId));
  const [codes] = await ex.select({ n: count() }).from(couponCodes).where(eq(couponCodes.rewardId, rewardId));
  return (used?.n ?? 0) > 0 || (codes?.n ?? 0) > 0;
}
