import { describe, expect, test } from "vitest";
import { freezeClock } from "@/lib/clock";
import { hitRateLimit } from "./rate-limit";

describe("hitRateLimit", () => {
  test("allows `limit` hits per window, refuses the next, and resets when the window rolls", async () => {
    const clock = freezeClock("2026-01-01T00:00:10Z");
    for (let i = 1; i <= 3; i++) expect((await hitRateLimit("t:a", 3, 60)).allowed).toBe(true);
    const fourth = await hitRateLimit("t:a", 3, 60);
    expect(fourth).toMatchObject({ allowed: false, count: 4, retryAfterSeconds: 50 });
    expect((await hitRateLimit("t:b", 3, 60)).allowed).toBe(true); // buckets are independent
    clock.advance(60_000);
    expect((await hitRateLimit("t:a", 3, 60))).toMatchObject({ allowed: true, count: 1 });
  });

  test("concurrent hits are all counted (atomic upsert)", async () => {
    freezeClock("2026-01-02T00:00:00Z");
    const results = await Promise.all(Array.from({ length: 40 }, () => hitRateLimit("t:c", 10, 60)));
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });
});
