// Server side: the member's redemptions one page at a time, with names in the reader's language
// (the page renders the first, the loadRedemptionsPage action the next ones).
import { getLocale } from "next-intl/server";
import type { RedemptionStatus, RewardType } from "@/db/schema";
import { createdAtIdKey, decodeCursor } from "@/lib/api/pagination";
import { isLocale } from "@/lib/i18n/locales";
import { listMemberRedemptions } from "@/lib/mall/member-redemptions";
import { localized } from "./view";

export interface RedemptionRowData {
  id: string;
  status: RedemptionStatus;
  quantity: number;
  pointsSpent: number;
  createdAt: string;
  rewardName: string;
  imageUrl: string | null;
  type: RewardType;
}

export interface RedemptionsPage {
  rows: RedemptionRowData[];
  nextCursor: string | null;
}

/** null when the cursor is not one we issued. */
export async function redemptionsPage(memberId: string, cursor: string | null): Promise<RedemptionsPage | null> {
  const key = cursor ? decodeCursor(createdAtIdKey, cursor) : undefined;
  if (key === null) return null;
  const [page, rawLocale] = await Promise.all([listMemberRedemptions(memberId, { cursor: key }), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  return {
    rows: page.rows.map((r) => ({
      id: r.id,
      status: r.status,
      quantity: r.quantity,
      pointsSpent: r.pointsSpent,
      createdAt: r.createdAt.toISOString(),
      rewardName: localized(r.reward.name, r.reward.nameEn, locale),
      imageUrl: r.reward.imageUrl,
      type: r.reward.type,
    })),
    nextCursor: page.nextCursor,
  };
}
