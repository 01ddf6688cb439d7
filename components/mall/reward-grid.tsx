"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { v7 } from "uuid";
import { loadRewardsPage } from "@/app/[locale]/(member)/mall/actions";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/button";
import { LoadMore, useInfinitePages } from "./infinite";
import type { CardPage } from "./listing-data";
import { hasFilters, listingHref, type ListingParams } from "./listing-params";
import { RewardCard } from "./reward-card";
import { CardSkeletons } from "./skeletons";

/**
 * A listing's cards with infinite scroll: the server renders the first page (or, when it depends on
 * the member, this reads it); later pages come from loadRewardsPage by cursor. Each visit starts
 * from the page's own data (its query key is new per mount).
 */
export function RewardGrid({ base, category, params, first, startCursor }: { base: string; category: string | null; params: ListingParams; first: CardPage | null; startCursor: string | null }) {
  const t = useTranslations("mall.listing");
  const [visit] = useState(() => v7());
  const query = useInfinitePages(["mall-listing", category, params, startCursor, visit], first, startCursor, (cursor) => loadRewardsPage({ category, params, cursor }));
  if (!query.data) {
    return (
      <div aria-busy="true" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="reward-grid-loading">
        <CardSkeletons count={8} />
      </div>
    );
  }
  const cards = query.data.pages.flatMap((p) => p.cards);
  if (cards.length === 0) {
    return (
      <EmptyState title={t("empty")}>
        <div className="flex flex-col items-center gap-3">
          <p>{t("emptyHint")}</p>
          {hasFilters(params) ? (
            <LinkButton href={listingHref(base, { ...params, type: null, affordable: false, inStock: false })} variant="secondary">
              {t("clearFilters")}
            </LinkButton>
          ) : (
            <LinkButton href="/mall" variant="secondary">
              {t("back")}
            </LinkButton>
          )}
        </div>
      </EmptyState>
    );
  }
  const last = query.data.pages[query.data.pages.length - 1]!;
  return (
    <div>
      <ul aria-label={t("gridLabel")} aria-busy={query.isFetchingNextPage} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="reward-grid">
        {cards.map((card) => (
          <li key={card.id}>
            <RewardCard card={card} />
          </li>
        ))}
      </ul>
      <LoadMore
        query={query}
        nextHref={last.nextCursor ? listingHref(category ? "/mall/search" : base, category ? { ...params, category } : params, last.nextCursor) : null}
        count={cards.length}
        testId="rewards-load-more"
        labels={{ loadMore: t("loadMore"), loading: t("loading"), loaded: t("loaded", { count: cards.length }), end: t("end"), error: t("error"), retry: t("retry") }}
      />
    </div>
  );
}
