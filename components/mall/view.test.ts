import { describe, expect, test } from "vitest";
import { personalize, stillOffered, type CatalogueCard, type ShopperPosition } from "./view";

const AT = new Date("2026-06-01T04:00:00Z");
const iso = (ms: number) => new Date(AT.getTime() + ms).toISOString();
const HOUR = 3_600_000;

const card = (over: Partial<CatalogueCard> = {}): CatalogueCard => ({
  id: "r1",
  name: "Mug",
  imageUrl: null,
  type: "physical",
  pointsPrice: 1_000,
  stock: null,
  tierCodes: [],
  tierNames: [],
  flash: false,
  startsAt: null,
  endsAt: null,
  ...over,
});
const silver: ShopperPosition = { availablePoints: 960, tierCode: "silver", discountBps: 500, frozen: false };

describe("personalize: a cached card as one member sees it (the quote the redemption runs)", () => {
  test("the tier discount is applied, rounded in the merchant's favour", () => {
    expect(personalize(card({ pointsPrice: 999 }), silver, AT)).toEqual({ unitPoints: 950, status: { kind: "open" } });
  });

  test.each<[string, Partial<CatalogueCard>, ShopperPosition, unknown]>([
    ["not enough points: how many more", { pointsPrice: 1_100 }, silver, { kind: "needs-points", missing: 1_045 - 960 }],
    ["sold out", { stock: 0 }, silver, { kind: "sold-out" }],
    ["low stock (what is left)", { stock: 3 }, silver, { kind: "low-stock", left: 3 }],
    ["another tier's reward, named in the card's language", { tierCodes: ["gold"], tierNames: ["Gold"] }, silver, { kind: "tier", tiers: ["Gold"] }],
    ["the member's own tier's reward", { tierCodes: ["silver", "gold"], tierNames: ["Silver", "Gold"] }, silver, { kind: "open" }],
    ["not open yet", { startsAt: iso(HOUR) }, silver, { kind: "not-started", startsAt: iso(HOUR) }],
    ["closed since the page was cached", { endsAt: iso(-1) }, silver, { kind: "ended" }],
    ["a frozen member", {}, { ...silver, frozen: true }, { kind: "unavailable" }],
  ])("%s", (_label, over, who, status) => {
    expect(personalize(card(over), who, AT).status).toEqual(status);
  });

  test("the window is read at the time given: the same card opens when its start passes", () => {
    const flash = card({ flash: true, startsAt: iso(HOUR), endsAt: iso(2 * HOUR), stock: 50 });
    expect(personalize(flash, silver, AT).status.kind).toBe("not-started");
    expect(personalize(flash, silver, new Date(AT.getTime() + HOUR)).status.kind).toBe("open");
    expect(personalize(flash, silver, new Date(AT.getTime() + 2 * HOUR)).status.kind).toBe("ended");
  });

  test("stillOffered: until the end of the window (exclusive), always without one", () => {
    expect(stillOffered({ endsAt: null }, AT)).toBe(true);
    expect(stillOffered({ endsAt: iso(1) }, AT)).toBe(true);
    expect(stillOffered({ endsAt: iso(0) }, AT)).toBe(false);
  });
});
