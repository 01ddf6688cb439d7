import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ListingView } from "@/components/mall/listing-view";
import { parseListingParams } from "@/components/mall/listing-params";
import { requirePage } from "@/lib/auth/guard";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const t = await getTranslations("mall.listing");
  const { q } = parseListingParams(await searchParams);
  return { title: q ? t("resultsFor", { q }) : t("allTitle") };
}

// Search by name in either language (no words: the whole catalogue), with sort and filters.
export default async function MallSearch({ searchParams }: Props) {
  const actor = await requirePage("member:use");
  const sp = await searchParams;
  const params = parseListingParams(sp);
  const cursor = typeof sp.cursor === "string" && sp.cursor ? sp.cursor : null;
  const t = await getTranslations("mall.listing");
  return <ListingView memberId={actor.userId} base="/mall/search" category={null} title={params.q ? t("resultsFor", { q: params.q }) : t("allTitle")} params={params} cursor={cursor} />;
}
