"use client";

import { useTranslations } from "next-intl";
import { loadRewardsPage } from "@/app/(member)/mall/actions";
import { LoadMore, useInfinitePages } from "./infinite";
import type { CardPage } from "./listing-data";
import { listingHref, type ListingParams } from "./listing-params";
import { RewardCard } from "./reward-card";

/**
 * A listing's cards with infinite scroll: the server renders the first page; later pages come from
 * loadRewardsPage by cursor. `renderKey` is unique per server render (fresh data on every visit).
 */
export function RewardGrid({ base, category, params, first, startCursor, renderKey }: { base: string; category: string | null; params: ListingParams; first: CardPage; startCursor: string | null; renderKey: string }) {
  const t = useTranslations("mall.listing");
  const query = useInfinitePages(["mall-listing", category, params, startCursor, renderKey], first, startCursor, (cursor) => loadRewardsPage({ category, params, cursor }));
  // Each page's cards count down from the server clock of the request that read them.
  const cards = query.data.pages.flatMap((p) => p.cards.map((card) => ({ card, now: p.now })));
  const last = query.data.pages[query.data.pages.length - 1]!;
  return (
    <div>
      <ul aria-label={t("gridLabel")} aria-busy={query.isFetchingNextPage} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" data-testid="reward-grid">
        {cards.map(({ card, now }) => (
          <li key={card.id}>
            <RewardCard card={card} now={now} />
          </li>
        ))}
      </ul>
      <LoadMore
        query={query}
        nextHref={last.nextCursor ? listingHref(base, params, last.nextCursor) : null}
        count={cards.length}
        testId="rewards-load-more"
        labels={{ loadMore: t("loadMore"), loading: t("loading"), loaded: t("loaded", { count: cards.length }), end: t("end"), error: t("error"), retry: t("retry") }}
      />
    </div>
  );
}
