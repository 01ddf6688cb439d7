import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cataloguePage } from "@/components/mall/catalogue-page";
import { CategoryChips } from "@/components/mall/category-chips";
import { listingPage } from "@/components/mall/listing-data";
import { ListingView } from "@/components/mall/listing-view";
import { CATEGORY_SLUG, parseViewSegment } from "@/lib/mall/catalogue-routes";
import { mallCategories } from "@/lib/mall/catalogue";

type Props = { params: Promise<{ locale: string; category: string; view: string }> };

// Rendered on first request, then cached (see the catalogue layout).
export function generateStaticParams() {
  return [];
}

async function categoryTitle(locale: string, slug: string): Promise<string> {
  const t = await getTranslations({ locale, namespace: "mall.categories" });
  return t.has(slug) ? t(slug) : slug;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, category } = await params;
  return { title: CATEGORY_SLUG.test(category) ? await categoryTitle(locale, category) : undefined };
}

// One category of the catalogue in one sort and filter (/mall/c/<category>?sort=… arrives here as
// the "view" segment), with the other categories one tap away. The same for every member, except
// "affordable", whose cards the browser asks for with the member's balance.
export default async function MallCategory({ params }: Props) {
  const [{ category, view: segment }, { locale, at, rules }] = await Promise.all([params, cataloguePage(params)]);
  const view = parseViewSegment(segment);
  if (!CATEGORY_SLUG.test(category) || !view) notFound();
  const listing = { ...view, q: "" };
  const [categories, first, title] = await Promise.all([
    mallCategories(at),
    view.affordable ? null : listingPage({ shopper: null, tiers: rules.tiers.definition, locale, at }, category, listing, null),
    categoryTitle(locale, category),
  ]);
  return (
    <ListingView base={`/mall/c/${category}`} category={category} title={title} params={listing} first={first} startCursor={null}>
      <CategoryChips categories={categories} current={category} />
    </ListingView>
  );
}
