// Where the cached catalogue lives. The member's mall addresses (/mall, /mall/c/<category>?sort=…,
// /mall/r/<id>) are served from pages rendered once per language (app/[locale]/(catalogue)); the
// listing's query parameters become one path segment (the "view"), so each sort and filter is its own
// cached page. proxy.ts rewrites to them, and only for a session whose cookie says member: anyone
// else goes to the guarded gate page, which redirects to sign-in or answers 403 as before. Pure, so
// the proxy, the pages and the tests share it.
import type { Permission } from "@/lib/auth/permissions";
import { DEFAULT_SORT, LISTING_SORTS, LISTING_TYPES, parseListingParams, type ListingParams } from "@/components/mall/listing-params";

/** Who the cached catalogue pages are for (the proxy checks the session cookie's roles). */
export const CATALOGUE_PERMISSION: Permission = "member:use";

/** The guarded page the proxy sends everyone else to (its layout redirects or answers 403). */
export const CATALOGUE_GATE = "/members-only";

export const CATEGORY_SLUG = /^[a-z0-9-]{1,40}$/;
const REWARD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every address under /mall needs the member role (the cached pages and the per-request ones alike). */
export function isMallPath(pathname: string): boolean {
  return pathname === "/mall" || pathname.startsWith("/mall/");
}

export type ListingView = Omit<ListingParams, "q" | "category">;

/** A listing's sort and filters as one path segment: "points-asc_all_0_0" (sort, type, in stock, affordable). */
export function viewSegment(v: ListingView): string {
  return [v.sort, v.type ?? "all", v.inStock ? 1 : 0, v.affordable ? 1 : 0].join("_");
}

/** The segment back; null for anything viewSegment does not make (the page answers 404). */
export function parseViewSegment(segment: string): ListingView | null {
  const [sort, type, inStock, affordable, ...rest] = segment.split("_");
  if (rest.length || !(LISTING_SORTS as readonly string[]).includes(sort ?? "")) return null;
  if (type !== "all" && !(LISTING_TYPES as readonly string[]).includes(type ?? "")) return null;
  if (!["0", "1"].includes(inStock ?? "") || !["0", "1"].includes(affordable ?? "")) return null;
  return {
    sort: sort as ListingView["sort"],
    type: type === "all" ? null : (type as ListingView["type"]),
    inStock: inStock === "1",
    affordable: affordable === "1",
  };
}

export const DEFAULT_VIEW = viewSegment({ sort: DEFAULT_SORT, type: null, inStock: false, affordable: false });

/**
 * The cached page for a public mall address (below the /<locale> segment), or null when the address
 * is not a catalogue page (search, the confirm step…: rendered per request as before).
 */
export function catalogueTarget(pathname: string, search: URLSearchParams): string | null {
  if (pathname === "/mall") return "/mall";
  const parts = pathname.split("/"); // "", "mall", kind, key
  if (parts.length !== 4) return null;
  const [, , kind, key = ""] = parts;
  if (kind === "c" && CATEGORY_SLUG.test(key)) {
    const { sort, type, inStock, affordable } = parseListingParams(Object.fromEntries(search));
    return `/mall/c/${key}/${viewSegment({ sort, type, inStock, affordable })}`;
  }
  if (kind === "r" && REWARD_ID.test(key)) return `/mall/r/${key.toLowerCase()}`;
  return null;
}
