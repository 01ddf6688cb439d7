import { describe, expect, test } from "vitest";
import { bindingExpiresAt, isBindingExpired } from "./binding-expiry";

const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe("binding expiry after N days of inactivity", () => {
  test.each([
    { boundAt: "2026-01-01", lastOrder: null, days: null, expires: null },
    { boundAt: "2026-01-01", lastOrder: null, days: 30, expires: "2026-01-31" },
    { boundAt: "2026-01-01", lastOrder: "2026-01-20", days: 30, expires: "2026-02-19" },
    // An order placed before the binding (backdated ingestion) does not extend it.
    { boundAt: "2026-01-10", lastOrder: "2026-01-05", days: 10, expires: "2026-01-20" },
    { boundAt: "2026-01-01", lastOrder: "2026-03-01", days: 1, expires: "2026-03-02" },
  ])("bound $boundAt, last order $lastOrder, $days days → $expires", ({ boundAt, lastOrder, days, expires }) => {
    expect(bindingExpiresAt(d(boundAt), lastOrder ? d(lastOrder) : null, days)).toEqual(expires ? d(expires) : null);
  });

  test.each([
    { expires: null, at: "2099-01-01", expired: false },
    { expires: "2026-02-01", at: "2026-01-31", expired: false },
    { expires: "2026-02-01", at: "2026-02-01", expired: true },
    { expires: "2026-02-01", at: "2026-02-02", expired: true },
  ])("expires $expires, at $at → expired $expired", ({ expires, at, expired }) => {
    expect(isBindingExpired(expires ? d(expires) : null, d(at))).toBe(expired);
  });
});
