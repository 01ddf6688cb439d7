import Link from "next/link";
import { useTranslations } from "next-intl";
import type { CardPage } from "./listing-data";
import { ListingFilters } from "./listing-filters";
import { listingHref, type ListingParams } from "./listing-params";
import { MallTabs } from "./mall-tabs";
import { RewardGrid } from "./reward-grid";
import { SearchForm } from "./search-form";

/**
 * A category or search listing: title, search box, sort and filters, and the cards with infinite
 * scroll. `first` is the first page as the server read it, or null when the browser reads it (the
 * affordable filter on a cached page: it depends on the member). `startCursor` (?cursor=) starts at
 * a later page: the no-JavaScript "load more".
 */
export function ListingView({ base, category, title, params, first, startCursor, children }: { base: string; category: string | null; title: React.ReactNode; params: ListingParams; first: CardPage | null; startCursor: string | null; children?: React.ReactNode }) {
  const t = useTranslations("mall.listing");
  return (
    <div className="flex flex-col gap-4">
      <MallTabs />
      <Link href="/mall" className="self-start text-sm font-medium text-brand underline-offset-4 hover:underline">
        ← {t("back")}
      </Link>
      <h1 className="text-xl font-semibold" data-testid="listing-title">
        {title}
      </h1>
      <SearchForm q={params.q} />
      {children}
      <ListingFilters base={base} params={params} />
      {startCursor ? (
        <p className="text-sm text-muted">
          <Link href={listingHref(base, params)} className="font-medium text-brand underline">
            {t("backToStart")}
          </Link>
        </p>
      ) : null}
      <RewardGrid key={listingHref(base, params, startCursor)} base={base} category={category} params={params} first={first} startCursor={startCursor} />
    </div>
  );
}
