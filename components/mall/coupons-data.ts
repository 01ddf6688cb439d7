// Server side: the member's coupon codes one page at a time, with their validity now and names in
// the reader's language (the wallet renders the first page, loadCouponsPage the next ones).
import { getLocale } from "next-intl/server";
import type { RewardType } from "@/db/schema";
import { createdAtIdKey, decodeCursor } from "@/lib/api/pagination";
import { now } from "@/lib/clock";
import { isLocale } from "@/lib/i18n/locales";
import { couponValidity, memberCoupons, type CouponValidity } from "@/lib/mall/member-redemptions";
import { localized } from "./view";

export interface CouponRowData {
  id: string;
  code: string;
  validity: CouponValidity;
  issuedAt: string;
  validUntil: string | null;
  usedAt: string | null;
  redemptionId: string | null;
  rewardName: string;
  imageUrl: string | null;
  type: RewardType;
}

export interface CouponsPage {
  rows: CouponRowData[];
  nextCursor: string | null;
}

export async function couponsPage(memberId: string, cursor: string | null): Promise<CouponsPage | null> {
  const key = cursor ? decodeCursor(createdAtIdKey, cursor) : undefined;
  if (key === null) return null;
  const at = now();
  const [page, rawLocale] = await Promise.all([memberCoupons(memberId, { cursor: key }), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  return {
    rows: page.rows.map((c) => ({
      id: c.id,
      code: c.code,
      validity: couponValidity(c, at),
      issuedAt: c.issuedAt.toISOString(),
      validUntil: c.validUntil?.toISOString() ?? null,
      usedAt: c.usedAt?.toISOString() ?? null,
      redemptionId: c.redemptionId,
      rewardName: localized(c.reward.name, c.reward.nameEn, locale),
      imageUrl: c.reward.imageUrl,
      type: c.reward.type,
    })),
    nextCursor: page.nextCursor,
  };
}
