// Catalogue rows → what the mall's components show. A card is the same for every member (so the
// catalogue pages can be rendered once per language and cached); the member's price and the card's
// status line are worked out in the browser by personalize(), from the member's position that
// /api/mall/me sends, with quote() (lib/mall/pricing) — the same function the redemption runs, so
// a card never promises what the redemption would refuse. Everything here is plain, serialisable
// data and pure functions, safe on both sides.
import type { RewardType } from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { LOW_STOCK, quote, type Blocker } from "@/lib/mall/pricing";
import type { TiersRule } from "@/lib/rules/schema";
import { findTier } from "@/lib/rules/tiers";

/** Reward text in the reader's language: the English text when there is one, else the Chinese. */
export function localized(zh: string, en: string | null | undefined, locale: Locale): string {
  return locale === "en" && en ? en : zh;
}

export function tierName(tiers: TiersRule, code: string, locale: Locale): string {
  return findTier(tiers, code)?.name[locale] ?? code;
}

/** One reward in a shelf or listing, with nothing about the member in it. */
export interface CatalogueCard {
  id: string;
  name: string;
  imageUrl: string | null;
  type: RewardType;
  /** List price, before any tier discount. */
  pointsPrice: number;
  stock: number | null;
  /** Tiers it is reserved for (codes) and their names in the card's language. */
  tierCodes: string[];
  tierNames: string[];
  flash: boolean;
  /** ISO instants of the availability window. */
  startsAt: string | null;
  endsAt: string | null;
}

/** The catalogue columns a card is made from. */
export interface CardSource {
  id: string;
  name: string;
  nameEn: string | null;
  imageUrl: string | null;
  type: RewardType;
  pointsPrice: number;
  stock: number | null;
  tierCodes: string[];
  flash: boolean;
  startsAt: Date | null;
  endsAt: Date | null;
}

export function catalogueCardOf(row: CardSource, tiers: TiersRule, locale: Locale): CatalogueCard {
  return {
    id: row.id,
    name: localized(row.name, row.nameEn, locale),
    imageUrl: row.imageUrl,
    type: row.type,
    pointsPrice: row.pointsPrice,
    stock: row.stock,
    tierCodes: row.tierCodes,
    tierNames: row.tierCodes.map((c) => tierName(tiers, c, locale)),
    flash: row.flash,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
  };
}

/** The member as the catalogue prices them (what /api/mall/me sends about them). */
export interface ShopperPosition {
  availablePoints: number;
  tierCode: string;
  /** The tier's catalogue discount, in basis points. */
  discountBps: number;
  frozen: boolean;
}

/** A card's one-line status, most important first. */
export type CardStatus =
  | { kind: "open" }
  | { kind: "low-stock"; left: number }
  | { kind: "sold-out" }
  | { kind: "tier"; tiers: string[] }
  | { kind: "not-started"; startsAt: string }
  | { kind: "needs-points"; missing: number }
  | { kind: "ended" }
  | { kind: "unavailable" };

export interface PersonalCard {
  /** The member's price after the tier discount (the list price without one). */
  unitPoints: number;
  status: CardStatus;
}

function statusOf(blocker: Blocker | null, card: CatalogueCard, missing: number): CardStatus {
  switch (blocker) {
    case null:
      return card.stock !== null && card.stock <= LOW_STOCK ? { kind: "low-stock", left: card.stock } : { kind: "open" };
    case "out-of-stock":
      return { kind: "sold-out" };
    case "insufficient-points":
      return { kind: "needs-points", missing };
    case "not-eligible:tier":
      return { kind: "tier", tiers: card.tierNames };
    case "not-eligible:not-started":
      return { kind: "not-started", startsAt: card.startsAt! };
    case "not-eligible:ended":
      return { kind: "ended" };
    default:
      return { kind: "unavailable" };
  }
}

/** The card as this member sees it at `at`. Cards do not know how many the member holds: the per-member limit is for the detail page. */
export function personalize(card: CatalogueCard, s: ShopperPosition, at: Date): PersonalCard {
  const q = quote(
    {
      type: card.type,
      pointsPrice: card.pointsPrice,
      stock: card.stock,
      perMemberLimit: null,
      tierCodes: card.tierCodes,
      active: true,
      startsAt: card.startsAt ? new Date(card.startsAt) : null,
      endsAt: card.endsAt ? new Date(card.endsAt) : null,
    },
    { ...s, alreadyRedeemed: 0 },
    1,
    at,
  );
  return { unitPoints: q.unitPoints, status: statusOf(q.blocker, card, q.missingPoints) };
}

/** Whether a card is still on offer at `at` (a cached page may list a reward whose window has closed since). */
export const stillOffered = (card: Pick<CatalogueCard, "endsAt">, at: Date) => !card.endsAt || new Date(card.endsAt) > at;

/** "Silver −5 %": the member's tier and discount, when they have one. */
export interface DiscountLabel {
  tier: string;
  bps: number;
}

export function discountOf(s: { tier: { name: Record<Locale, string> } | null; discountBps: number }, locale: Locale): DiscountLabel | null {
  return s.tier && s.discountBps > 0 ? { tier: s.tier.name[locale], bps: s.discountBps } : null;
}
