import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/button";
import { newId } from "@/lib/ids";
import { ListingFilters } from "./listing-filters";
import { listingPage } from "./listing-data";
import { hasFilters, listingHref, type ListingParams } from "./listing-params";
import { MallTabs } from "./mall-tabs";
import { RewardGrid } from "./reward-grid";
import { SearchForm } from "./search-form";

/**
 * A category or search listing: title, search box, sort and filters, and the cards with infinite
 * scroll. `cursor` (?cursor=) starts at a later page: the no-JavaScript "load more".
 */
export async function ListingView({ memberId, base, category, title, params, cursor, children }: { memberId: string; base: string; category: string | null; title: string; params: ListingParams; cursor: string | null; children?: React.ReactNode }) {
  const t = await getTranslations("mall.listing");
  const page = await listingPage(memberId, category, params, cursor);
  // A cursor we didn't issue (or one for another sort): start from the first page instead.
  const first = page ?? (await listingPage(memberId, category, params, null))!;
  const startCursor = page ? cursor : null;
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
      {first.cards.length === 0 ? (
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
      ) : (
        <RewardGrid key={listingHref(base, params, startCursor)} base={base} category={category} params={params} first={first} startCursor={startCursor} renderKey={newId()} />
      )}
    </div>
  );
}
