import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { BalanceStrip } from "@/components/mall/balance-strip";
import { CampaignBanners } from "@/components/mall/campaign-banners";
import { CategoryChips } from "@/components/mall/category-chips";
import { MallTabs } from "@/components/mall/mall-tabs";
import { SearchForm } from "@/components/mall/search-form";
import { Shelf } from "@/components/mall/shelf";
import { cardOf, discountOf } from "@/components/mall/view";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { loadShopper, mallShelves } from "@/lib/mall/catalogue";
import { loadRuleset } from "@/lib/rules/load-ruleset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mall"))("title") };
}

// The points mall's front page: the member's points and discount, campaigns running now, categories,
// and shelves — flash rewards, what they can afford, their tier's exclusives, new and popular.
export default async function MallHome() {
  const actor = await requirePage("member:use");
  const at = now();
  const [t, rawLocale, shopper, rules] = await Promise.all([getTranslations("mall"), getLocale(), loadShopper(actor.userId, at), loadRuleset(at)]);
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  const shelves = await mallShelves(shopper, at);
  const cards = (rows: typeof shelves.newest) => rows.map((r) => cardOf(r, shopper, locale, at));
  const nowIso = at.toISOString();
  const tierName = shopper.tier?.name[locale] ?? shopper.tierCode;

  return (
    <div className="flex flex-col gap-5">
      <MallTabs />
      <h1 className="sr-only">{t("title")}</h1>
      <BalanceStrip points={shopper.availablePoints} discount={discountOf(shopper, locale)} />
      <SearchForm />
      <CampaignBanners campaigns={rules.campaigns} at={at} timeZone={env.DEPLOYMENT_TZ} locale={locale} />
      <CategoryChips categories={shelves.categories} />
      <Shelf id="flash" title={t("shelves.flash")} cards={cards(shelves.flash)} now={nowIso} />
      <Shelf
        id="affordable"
        title={t("shelves.affordable")}
        cards={cards(shelves.affordable)}
        now={nowIso}
        seeAll="/mall/search?sort=points-desc&affordable=1"
        seeAllLabel={t("shelves.seeAll")}
        empty={
          <EmptyState title={t("shelves.affordableEmpty")}>
            <Link href="/how-to-earn" className="font-medium text-brand underline">
              {t("shelves.earnMore")}
            </Link>
          </EmptyState>
        }
      />
      <Shelf id="exclusive" title={t("shelves.exclusive", { tier: tierName })} cards={cards(shelves.exclusive)} now={nowIso} />
      <Shelf id="newest" title={t("shelves.newest")} cards={cards(shelves.newest)} now={nowIso} seeAll="/mall/search?sort=newest" seeAllLabel={t("shelves.seeAll")} />
      <Shelf id="popular" title={t("shelves.popular")} cards={cards(shelves.popular)} now={nowIso} seeAll="/mall/search?sort=popular" seeAllLabel={t("shelves.seeAll")} />
      {shelves.categories.length === 0 ? <EmptyState title={t("emptyMall")}>{t("emptyMallHint")}</EmptyState> : null}
    </div>
  );
}
