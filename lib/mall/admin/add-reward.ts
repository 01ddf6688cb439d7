// Adding a reward from the admin console: the catalogue's own createReward (the same one the
// Integration API uses) and the audit entry, in one transaction.
import { db } from "@/db/client";
import type { Reward } from "@/db/schema";
import { audit } from "@/lib/admin/audit";
import { createReward } from "../create-reward";
import { createRewardSchema } from "../reward-schema";
import { invalidReward } from "./reward-errors";
import { staffLabel, type Staff } from "./staff";

export async function addReward(input: unknown, staff: Staff): Promise<Reward> {
  const parsed = createRewardSchema.safeParse(input);
  if (!parsed.success) throw invalidReward(parsed.error);
  return db.transaction(async (tx) => {
    const reward = await createReward(parsed.data, { actor: staffLabel(staff), ex: tx });
    await audit(tx, staff, { action: "reward.create", targetType: "reward", targetId: reward.id, after: auditedFields(reward) });
    return reward;
  });
}

/** What the audit log keeps of a reward (everything an admin can set; not counters or timestamps). */
export function auditedFields(r: Reward) {
  return {
    sku: r.sku,
    name: r.name,
    nameEn: r.nameEn,
    description: r.description,
    descriptionEn: r.descriptionEn,
    terms: r.terms,
    termsEn: r.termsEn,
    type: r.type,
    category: r.category,
    pointsPrice: r.pointsPrice,
    stock: r.stock,
    perMemberLimit: r.perMemberLimit,
    tierCodes: r.tierCodes,
    active: r.active,
    flash: r.flash,
    startsAt: r.startsAt?.toISOString() ?? null,
    endsAt: r.endsAt?.toISOString() ?? null,
    imageUrl: r.imageUrl,
    images: r.images,
    couponSource: r.couponSource,
    couponPattern: r.couponPattern,
    couponValidDays: r.couponValidDays,
  };
}
export type AuditedReward = ReturnType<typeof auditedFields>;

/** Only the fields that changed, before and after (the audit log's diff of an edit). */
export function changedFields(before: AuditedReward, after: AuditedReward) {
  const keys = (Object.keys(after) as (keyof AuditedReward)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  return {
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
    changed: keys,
  };
}
