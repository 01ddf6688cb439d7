import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CampaignBanners } from "@/components/mall/campaign-banners";
import { cataloguePage, type LocaleParams } from "@/components/mall/catalogue-page";
import { CategoryChips } from "@/components/mall/category-chips";
import { AffordableShelf, ExclusiveShelf, MallBalance } from "@/components/mall/member-shelves";
import { MallTabs } from "@/components/mall/mall-tabs";
import { SearchForm } from "@/components/mall/search-form";
import { Shelf } from "@/components/mall/shelf";
import { catalogueCardOf } from "@/components/mall/view";
import { EmptyState } from "@/components/ui/empty-state";
import { env } from "@/lib/env";
import { catalogueShelves, type RewardRow } from "@/lib/mall/catalogue";

type Props = { params: LocaleParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: "mall" }))("title") };
}

// The points mall's front page, the same for every member (cached; see the catalogue layout):
// campaigns running now, categories, and the flash, new and popular shelves. The member's points
// and discount, what they can afford and their tier's exclusives are filled in by the browser.
export default async function MallHome({ params }: Props) {
  const { locale, at, rules } = await cataloguePage(params);
  const [t, shelves] = await Promise.all([getTranslations("mall"), catalogueShelves(at)]);
  const cards = (rows: RewardRow[]) => rows.map((r) => catalogueCardOf(r, rules.tiers.definition, locale));

  return (
    <div className="flex flex-col gap-5">
      <MallTabs />
      <h1 className="sr-only">{t("title")}</h1>
      <MallBalance />
      <SearchForm />
      <CampaignBanners campaigns={rules.campaigns} at={at} timeZone={env.DEPLOYMENT_TZ} locale={locale} />
      <CategoryChips categories={shelves.categories} />
      <Shelf id="flash" title={t("shelves.flash")} cards={cards(shelves.flash)} />
      <AffordableShelf />
      <ExclusiveShelf />
      <Shelf id="newest" title={t("shelves.newest")} cards={cards(shelves.newest)} seeAll="/mall/search?sort=newest" seeAllLabel={t("shelves.seeAll")} />
      <Shelf id="popular" title={t("shelves.popular")} cards={cards(shelves.popular)} seeAll="/mall/search?sort=popular" seeAllLabel={t("shelves.seeAll")} />
      {shelves.categories.length === 0 ? <EmptyState title={t("emptyMall")}>{t("emptyMallHint")}</EmptyState> : null}
    </div>
  );
}
