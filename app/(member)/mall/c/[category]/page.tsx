import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CategoryChips } from "@/components/mall/category-chips";
import { ListingView } from "@/components/mall/listing-view";
import { parseListingParams } from "@/components/mall/listing-params";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { mallCategories } from "@/lib/mall/catalogue";

type Props = { params: Promise<{ category: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const SLUG = /^[a-z0-9-]{1,40}$/;

async function categoryTitle(slug: string): Promise<string> {
  const t = await getTranslations("mall.categories");
  return t.has(slug) ? t(slug) : slug;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { category } = await params;
  return { title: SLUG.test(category) ? await categoryTitle(category) : undefined };
}

// One category of the catalogue, with sort, filters and the other categories one tap away.
export default async function MallCategory({ params, searchParams }: Props) {
  const actor = await requirePage("member:use");
  const { category } = await params;
  if (!SLUG.test(category)) notFound();
  const sp = await searchParams;
  const cursor = typeof sp.cursor === "string" && sp.cursor ? sp.cursor : null;
  const categories = await mallCategories(now());
  return (
    <ListingView memberId={actor.userId} base={`/mall/c/${category}`} category={category} title={await categoryTitle(category)} params={parseListingParams(sp)} cursor={cursor}>
      <CategoryChips categories={categories} current={category} />
    </ListingView>
  );
}
