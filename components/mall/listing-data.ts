// Server side: one page of a category or search listing as ready-made cards (the listing page
// renders the first, the loadRewardsPage action the next ones).
import { getLocale } from "next-intl/server";
import { now } from "@/lib/clock";
import { isLocale } from "@/lib/i18n/locales";
import { listCatalogue, loadShopper } from "@/lib/mall/catalogue";
import type { ListingParams } from "./listing-params";
import { cardOf, type RewardCardData } from "./view";

export interface CardPage {
  cards: RewardCardData[];
  nextCursor: string | null;
  /** The server's clock when the page was read (countdowns start from it). */
  now: string;
}

/** null when the cursor is not one we issued for this sort. */
export async function listingPage(memberId: string, category: string | null, p: ListingParams, cursor: string | null): Promise<CardPage | null> {
  const at = now();
  const [shopper, rawLocale] = await Promise.all([loadShopper(memberId, at), getLocale()]);
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  const page = await listCatalogue(shopper, { category, q: p.q || null, sort: p.sort, type: p.type, affordable: p.affordable, inStock: p.inStock }, { cursor, at });
  if (!page) return null;
  return { cards: page.rows.map((r) => cardOf(r, shopper, locale, at)), nextCursor: page.nextCursor, now: at.toISOString() };
}
