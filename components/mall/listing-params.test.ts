import { describe, expect, test } from "vitest";
import { listingHref, parseListingParams } from "./listing-params";

describe("listing parameters", () => {
  test("unknown values fall back to the defaults; the search is trimmed and capped", () => {
    expect(parseListingParams({ sort: "cheapest", type: "car", affordable: "yes", q: `  ${"茶".repeat(80)} ` })).toEqual({
      sort: "points-asc",
      type: null,
      affordable: false,
      inStock: false,
      q: "茶".repeat(60),
      category: null,
    });
  });

  test("round trip through the address, defaults left out", () => {
    const p = parseListingParams({ sort: "popular", type: "coupon", affordable: "1", instock: "1", q: "50% off" });
    const href = listingHref("/mall/search", p, "abc");
    expect(href).toBe("/mall/search?q=50%25+off&sort=popular&type=coupon&affordable=1&instock=1&cursor=abc");
    expect(parseListingParams(Object.fromEntries(new URL(href, "http://x").searchParams))).toEqual(p);
    expect(listingHref("/mall/c/home", parseListingParams({}))).toBe("/mall/c/home");
  });

  test("a search within one category (the cached category pages' no-JavaScript next page); a bad slug is dropped", () => {
    const p = parseListingParams({ category: "drinks", sort: "newest" });
    expect(p.category).toBe("drinks");
    expect(listingHref("/mall/search", p, "c1")).toBe("/mall/search?category=drinks&sort=newest&cursor=c1");
    expect(parseListingParams({ category: "../etc" }).category).toBeNull();
  });
});
