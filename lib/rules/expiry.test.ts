import { describe, expect, test } from "vitest";
import { availableAt, expiresAt } from "./expiry";
import type { ExpiryPolicy } from "./schema";

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe("availableAt", () => {
  test.each([
    { placedAt: "2025-06-01T10:00:00.000Z", days: 7, available: "2025-06-08T10:00:00.000Z" },
    { placedAt: "2025-06-01T10:00:00.000Z", days: 0, available: "2025-06-01T10:00:00.000Z" },
    { placedAt: "2025-12-28T20:00:00.000Z", days: 7, available: "2026-01-04T20:00:00.000Z" },
  ])("$placedAt + $days days", ({ placedAt, days, available }) => {
    expect(availableAt(new Date(placedAt), days).toISOString()).toBe(available);
  });
});

describe("expiresAt", () => {
  const rolling: ExpiryPolicy = { kind: "rolling", days: 365 };
  const eoy1: ExpiryPolicy = { kind: "end-of-year", years: 1 };
  const eoy2: ExpiryPolicy = { kind: "end-of-year", years: 2 };

  test.each([
    { policy: rolling, available: "2025-03-01T00:00:00.000Z", tz: "Asia/Shanghai", expires: "2026-03-01T00:00:00.000Z" },
    { policy: rolling, available: "2024-01-01T00:00:00.000Z", tz: "Asia/Shanghai", expires: "2024-12-31T00:00:00.000Z" }, // 365 × 24 h, not "a year": 2024 has 366 days
    { policy: eoy1, available: "2025-06-15T04:00:00.000Z", tz: "Asia/Shanghai", expires: "2025-12-31T15:59:59.999Z" },
    // last millisecond of 2025 local: expires that very instant (expired at once — expiresAt ≤ now)
    { policy: eoy1, available: "2025-12-31T15:59:59.999Z", tz: "Asia/Shanghai", expires: "2025-12-31T15:59:59.999Z" },
    // one millisecond later it is already 2026 in Shanghai (still 2025 in UTC)
    { policy: eoy1, available: "2025-12-31T16:00:00.000Z", tz: "Asia/Shanghai", expires: "2026-12-31T15:59:59.999Z" },
    { policy: eoy2, available: "2024-12-31T16:00:00.000Z", tz: "Asia/Shanghai", expires: "2026-12-31T15:59:59.999Z" },
    { policy: eoy1, available: "2025-12-31T16:00:00.000Z", tz: "UTC", expires: "2025-12-31T23:59:59.999Z" }, // same instant, other zone
    { policy: eoy1, available: "2025-07-01T12:00:00.000Z", tz: "America/New_York", expires: "2026-01-01T04:59:59.999Z" },
    { policy: { kind: "never" } as ExpiryPolicy, available: "2025-07-01T12:00:00.000Z", tz: "Asia/Shanghai", expires: null },
  ])("$policy.kind from $available in $tz → $expires", ({ policy, available, tz, expires }) => {
    expect(iso(expiresAt(policy, new Date(available), tz))).toBe(expires);
  });

  test("defaults to the Asia/Shanghai zone", () => {
    expect(iso(expiresAt(eoy1, new Date("2025-12-31T16:00:00.000Z")))).toBe("2026-12-31T15:59:59.999Z");
  });
});
