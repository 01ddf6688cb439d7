// Server side: one page of a category or search listing as cards (the listing pages render the
// first, the loadRewardsPage action the next ones). Cards carry nothing about the member, so a page
// without the "affordable" filter is the same for everyone (the cached category pages use it).
import type { Locale } from "@/lib/i18n/locales";
import { listCatalogue, type Shopper } from "@/lib/mall/catalogue";
import type { TiersRule } from "@/lib/rules/schema";
import type { ListingParams } from "./listing-params";
import { catalogueCardOf, type CatalogueCard } from "./view";

export interface CardPage {
  cards: CatalogueCard[];
  nextCursor: string | null;
}

/**
 * `shopper` is needed for the affordable filter only. null when the cursor is not one we issued
 * for this sort.
 */
export async function listingPage(
  { shopper, tiers, locale, at }: { shopper: Shopper | null; tiers: TiersRule; locale: Locale; at: Date },
  category: string | null,
  p: ListingParams,
  cursor: string | null,
): Promise<CardPage | null> {
  const page = await listCatalogue(shopper, { category, q: p.q || null, sort: p.sort, type: p.type, affordable: p.affordable, inStock: p.inStock }, { cursor, at });
  if (!page) return null;
  return { cards: page.rows.map((r) => catalogueCardOf(r, tiers, locale)), nextCursor: page.nextCursor };
}
