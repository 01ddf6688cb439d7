import { describe, expect, test } from "vitest";
import { catalogueTarget, DEFAULT_VIEW, isMallPath, parseViewSegment, viewSegment, type ListingView } from "./catalogue-routes";

const sp = (q = "") => new URLSearchParams(q);
const ID = "0190a5b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b";

describe("catalogueTarget: public mall address → cached page", () => {
  test.each([
    ["/mall", "", "/mall"],
    ["/mall/c/drinks", "", `/mall/c/drinks/${DEFAULT_VIEW}`],
    ["/mall/c/drinks", "sort=newest&type=coupon&instock=1", "/mall/c/drinks/newest_coupon_1_0"],
    ["/mall/c/home", "affordable=1&sort=points-desc", "/mall/c/home/points-desc_all_0_1"],
    // Unknown values fall back to the defaults, exactly as the listing reads them: one cached page each.
    ["/mall/c/home", "sort=cheapest&type=car&utm_source=x", `/mall/c/home/${DEFAULT_VIEW}`],
    [`/mall/r/${ID}`, "", `/mall/r/${ID}`],
    [`/mall/r/${ID.toUpperCase()}`, "", `/mall/r/${ID}`],
  ])("%s?%s → %s", (path, query, target) => {
    expect(catalogueTarget(path, sp(query))).toBe(target);
  });

  test.each([
    "/mall/search", // per request: the words are the reader's
    `/mall/r/${ID}/confirm`, // per request: the member's quote and addresses
    "/mall/r/not-an-id",
    "/mall/c/Drinks", // not a slug
    "/mall/c/drinks/extra",
    "/mall/c",
    "/mallx",
  ])("%s is not a cached page", (path) => {
    expect(catalogueTarget(path, sp())).toBeNull();
  });

  test("every /mall address is gated, nothing else", () => {
    expect(["/mall", "/mall/search", `/mall/r/${ID}/confirm`].every(isMallPath)).toBe(true);
    expect(["/", "/mallx", "/redemptions", "/m/mall"].some(isMallPath)).toBe(false);
  });
});

describe("the view segment", () => {
  const views: ListingView[] = [
    { sort: "points-asc", type: null, inStock: false, affordable: false },
    { sort: "popular", type: "virtual", inStock: true, affordable: true },
    { sort: "newest", type: "physical", inStock: false, affordable: true },
  ];
  test.each(views)("round trip %o", (v) => {
    expect(parseViewSegment(viewSegment(v))).toEqual(v);
  });
  test.each(["", "points-asc", "points-asc_all_0", "points-asc_all_0_0_0", "cheap_all_0_0", "points-asc_car_0_0", "points-asc_all_2_0", "00000000-0000-4000-8000-000000000000"])(
    "%j is not a view (the page answers 404)",
    (segment) => {
      expect(parseViewSegment(segment)).toBeNull();
    },
  );
});
