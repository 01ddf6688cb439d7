import type { Reward } from "@/db/schema";

/** A reward as the Integration API returns it (API.md "Reward"): times as RFC 3339 strings. */
export function rewardView(r: Reward) {
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    nameEn: r.nameEn,
    description: r.description,
    descriptionEn: r.descriptionEn,
    terms: r.terms,
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
    redeemedCount: r.redeemedCount,
    createdAt: r.createdAt.toISOString(),
  };
}
export type RewardView = ReturnType<typeof rewardView>;
