// A listing's address: sort, filters and search words as query parameters. Tiny and free of server
// imports, so the client grid can build "next page" links with it.
import type { RewardType } from "@/db/schema";
import type { Sort } from "@/lib/mall/catalogue";

export const LISTING_SORTS = ["points-asc", "points-desc", "popular", "newest"] as const satisfies readonly Sort[];
export const LISTING_TYPES = ["physical", "coupon", "virtual"] as const satisfies readonly RewardType[];
export const DEFAULT_SORT: Sort = "points-asc";
/** Longest search accepted (longer input is cut, not refused). */
export const MAX_QUERY = 60;

export interface ListingParams {
  sort: Sort;
  type: RewardType | null;
  affordable: boolean;
  inStock: boolean;
  q: string;
  /** Search within one category (the cached category pages' "load more" without JavaScript). */
  category?: string | null;
}

const CATEGORY = /^[a-z0-9-]{1,40}$/;

type SearchParams = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export function parseListingParams(sp: SearchParams): ListingParams {
  const sort = one(sp.sort);
  const type = one(sp.type);
  return {
    sort: (LISTING_SORTS as readonly string[]).includes(sort ?? "") ? (sort as Sort) : DEFAULT_SORT,
    type: (LISTING_TYPES as readonly string[]).includes(type ?? "") ? (type as RewardType) : null,
    affordable: one(sp.affordable) === "1",
    inStock: one(sp.instock) === "1",
    q: (one(sp.q) ?? "").trim().slice(0, MAX_QUERY),
    category: CATEGORY.test(one(sp.category) ?? "") ? one(sp.category)! : null,
  };
}

/** `base` (/mall/search or /mall/c/<category>) with these parameters; `cursor` starts at a later page. */
export function listingHref(base: string, p: ListingParams, cursor?: string | null): string {
  const q = new URLSearchParams();
  if (p.q) q.set("q", p.q);
  if (p.category) q.set("category", p.category);
  if (p.sort !== DEFAULT_SORT) q.set("sort", p.sort);
  if (p.type) q.set("type", p.type);
  if (p.affordable) q.set("affordable", "1");
  if (p.inStock) q.set("instock", "1");
  if (cursor) q.set("cursor", cursor);
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}

export const hasFilters = (p: ListingParams) => p.type !== null || p.affordable || p.inStock;
