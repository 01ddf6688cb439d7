import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { CategoryChips, useCategoryLabel } from "@/components/mall/category-chips";
import { listingPage } from "@/components/mall/listing-data";
import { ListingView } from "@/components/mall/listing-view";
import { parseListingParams } from "@/components/mall/listing-params";
import { MallMeProvider } from "@/components/mall/personal";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { loadShopper, mallCategories } from "@/lib/mall/catalogue";
import { loadRuleset } from "@/lib/rules/load-ruleset";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("mall.listing");
  const { q } = parseListingParams(await searchParams);
  return { title: q ? t("resultsFor", { q }) : t("allTitle") };
}

// Search by name in either language (no words: the whole catalogue), with sort and filters; within
// one category when `category` is given (where a cached category page's "load more" leads without
// JavaScript). Rendered per request: the words are the reader's.
export default async function MallSearch({ searchParams }: Props) {
  const actor = await requirePage("member:use");
  const sp = await searchParams;
  const params = parseListingParams(sp);
  const cursor = typeof sp.cursor === "string" && sp.cursor ? sp.cursor : null;
  const at = now();
  const [t, rawLocale, shopper, rules, categories] = await Promise.all([
    getTranslations("mall.listing"),
    getLocale(),
    params.affordable ? loadShopper(actor.userId, at) : null,
    loadRuleset(at),
    params.category ? mallCategories(at) : null,
  ]);
  const ctx = { shopper, tiers: rules.tiers.definition, locale: isLocale(rawLocale) ? rawLocale : DEFAULT_LOCALE, at };
  const category = params.category ?? null;
  const page = await listingPage(ctx, category, params, cursor);
  // A cursor we didn't issue (or one for another sort): start from the first page instead.
  const first = page ?? (await listingPage(ctx, category, params, null))!;
  // The cards carry no member: their prices and status lines come from /api/mall/me, as on the cached pages.
  return (
    <MallMeProvider>
      <ListingView base="/mall/search" category={category} title={params.q ? t("resultsFor", { q: params.q }) : category ? <CategoryTitle slug={category} /> : t("allTitle")} params={params} first={first} startCursor={page ? cursor : null}>
        {categories ? <CategoryChips categories={categories} current={category ?? undefined} /> : null}
      </ListingView>
    </MallMeProvider>
  );
}

function CategoryTitle({ slug }: { slug: string }) {
  return useCategoryLabel()(slug);
}
