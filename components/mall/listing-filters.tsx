import Link from "next/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { hasFilters, LISTING_SORTS, LISTING_TYPES, listingHref, type ListingParams } from "./listing-params";

const chip = (active: boolean) =>
  cn("inline-flex min-h-10 items-center gap-1 rounded-full border px-3.5 text-sm", active ? "border-brand bg-brand-soft font-semibold text-brand" : "border-border bg-surface text-fg hover:bg-surface-2");

function Chip({ href, active, children, testId }: { href: string; active: boolean; children: React.ReactNode; testId?: string }) {
  return (
    <li className="shrink-0">
      <Link href={href} aria-current={active ? "true" : undefined} className={chip(active)} data-testid={testId} scroll={false} prefetch={false}>
        {active ? <span aria-hidden>✓</span> : null}
        {children}
      </Link>
    </li>
  );
}

/**
 * Sort and filters as links (they work without JavaScript and keep the address shareable). The
 * current choice is marked for screen readers with aria-current and visibly with a tick. Not
 * prefetched: each is a cached page of its own, and a listing shows a dozen of them.
 */
export function ListingFilters({ base, params }: { base: string; params: ListingParams }) {
  const t = useTranslations("mall.listing");
  const types = useTranslations("mall.types");
  return (
    <div className="flex flex-col gap-2">
      <nav aria-label={t("sortLabel")}>
        <ul className="relative -mx-3 flex gap-2 overflow-x-auto px-3 pb-1 sm:mx-0 sm:flex-wrap sm:px-0">
          {LISTING_SORTS.map((s) => (
            <Chip key={s} href={listingHref(base, { ...params, sort: s })} active={params.sort === s} testId={`sort-${s}`}>
              {t(`sort.${s}`)}
            </Chip>
          ))}
        </ul>
      </nav>
      <nav aria-label={t("filterLabel")}>
        <ul className="relative -mx-3 flex gap-2 overflow-x-auto px-3 pb-1 sm:mx-0 sm:flex-wrap sm:px-0">
          <Chip href={listingHref(base, { ...params, affordable: !params.affordable })} active={params.affordable} testId="filter-affordable">
            {t("affordable")}
          </Chip>
          <Chip href={listingHref(base, { ...params, inStock: !params.inStock })} active={params.inStock} testId="filter-instock">
            {t("inStock")}
          </Chip>
          {LISTING_TYPES.map((type) => (
            <Chip key={type} href={listingHref(base, { ...params, type: params.type === type ? null : type })} active={params.type === type} testId={`filter-${type}`}>
              {types(type)}
            </Chip>
          ))}
          {hasFilters(params) ? (
            <li className="shrink-0">
              <Link href={listingHref(base, { ...params, type: null, affordable: false, inStock: false })} className="inline-flex min-h-10 items-center px-2 text-sm font-medium text-brand underline">
                {t("clearFilters")}
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </div>
  );
}
