// Server side: catalogue rows → what the mall's components show, in the reader's language. The
// status of a card comes from quote() (lib/mall/pricing), the same function the redemption runs,
// so a card never promises what the redemption would refuse. Everything here is plain, serialisable
// data, so the client lists (infinite scroll) receive ready-made cards.
import type { RewardType } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { termsOf, positionOf, type RewardRow, type Shopper } from "@/lib/mall/catalogue";
import { LOW_STOCK, quote, type Blocker } from "@/lib/mall/pricing";
import { findTier, type TiersRule } from "@/lib/rules";

/** Reward text in the reader's language: the English text when there is one, else the Chinese. */
export function localized(zh: string, en: string | null | undefined, locale: Locale): string {
  return locale === "en" && en ? en : zh;
}

export function tierName(tiers: TiersRule, code: string, locale: Locale): string {
  return findTier(tiers, code)?.name[locale] ?? code;
}

/** A card's one-line status, most important first. */
export type CardStatus =
  | { kind: "open" }
  | { kind: "low-stock"; left: number }
  | { kind: "sold-out" }
  | { kind: "tier"; tiers: string[] }
  | { kind: "not-started"; startsAt: string }
  | { kind: "needs-points"; missing: number }
  | { kind: "unavailable" };

export interface RewardCardData {
  id: string;
  name: string;
  imageUrl: string | null;
  type: RewardType;
  /** List price and the member's price after the tier discount (equal without a discount). */
  listPoints: number;
  unitPoints: number;
  flash: boolean;
  /** ISO instants of the availability window. */
  startsAt: string | null;
  endsAt: string | null;
  status: CardStatus;
}

function statusOf(blocker: Blocker | null, row: RewardRow, missing: number, s: Shopper, locale: Locale): CardStatus {
  switch (blocker) {
    case null:
      return row.stock !== null && row.stock <= LOW_STOCK ? { kind: "low-stock", left: row.stock } : { kind: "open" };
    case "out-of-stock":
      return { kind: "sold-out" };
    case "insufficient-points":
      return { kind: "needs-points", missing };
    case "not-eligible:tier":
      return { kind: "tier", tiers: row.tierCodes.map((c) => tierName(s.tiers, c, locale)) };
    case "not-eligible:not-started":
      return { kind: "not-started", startsAt: row.startsAt!.toISOString() };
    default:
      return { kind: "unavailable" };
  }
}

export function cardOf(row: RewardRow, s: Shopper, locale: Locale, at: Date): RewardCardData {
  // Cards do not know how many the member already holds: the per-member limit is for the detail page.
  const q = quote(termsOf(row), positionOf(s), 1, at);
  return {
    id: row.id,
    name: localized(row.name, row.nameEn, locale),
    imageUrl: row.imageUrl,
    type: row.type,
    listPoints: row.pointsPrice,
    unitPoints: q.unitPoints,
    flash: row.flash,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    status: statusOf(q.blocker, row, q.missingPoints, s, locale),
  };
}

/** "Silver −5 %": the member's tier and discount, when they have one. */
export interface DiscountLabel {
  tier: string;
  bps: number;
}

export function discountOf(s: Shopper, locale: Locale): DiscountLabel | null {
  return s.tier && s.discountBps > 0 ? { tier: s.tier.name[locale], bps: s.discountBps } : null;
}
