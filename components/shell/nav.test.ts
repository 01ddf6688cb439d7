import { describe, expect, test } from "vitest";
import { NAV, splitPhoneNav } from "./nav";

const phone = (area: keyof typeof NAV) => splitPhoneNav(NAV[area].map((i) => ({ ...i, more: i.phoneMore === true })));

describe("the phone tab bar (375 px: at most five tabs, labels readable)", () => {
  test("the member area fits: five tabs, no More", () => {
    expect(phone("member")).toMatchObject({ tabs: { length: 5 }, rest: [] });
  });

  test("the distributor area: four tabs (home, wallet, share, team) and More with the funnel and the ranking", () => {
    const { tabs, rest } = phone("distributor");
    expect(tabs.map((i) => i.label)).toEqual(["distributorHome", "wallet", "share", "team"]);
    expect(rest.map((i) => i.label)).toEqual(["funnel", "ranking"]);
  });

  test("many pages (the admin area): four tabs, every other page under More, none lost", () => {
    const { tabs, rest } = phone("admin");
    expect(tabs).toHaveLength(4);
    expect([...tabs, ...rest].map((i) => i.href).sort()).toEqual(NAV.admin.map((i) => i.href).sort());
  });
});
