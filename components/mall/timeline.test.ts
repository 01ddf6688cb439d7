import { describe, expect, test } from "vitest";
import { timelineSteps } from "./timeline";

const at = (m: number) => new Date(Date.UTC(2026, 5, 1, 0, m));
const states = (steps: ReturnType<typeof timelineSteps>) => steps.map((s) => `${s.status}:${s.state}${s.at ? `@${s.at.getUTCMinutes()}` : ""}`);

describe("timelineSteps", () => {
  test("goods just placed: placed is current, the rest to come", () => {
    expect(states(timelineSteps("physical", "placed", [{ status: "placed", createdAt: at(1) }]))).toEqual(["placed:current@1", "processing:upcoming", "shipped:upcoming", "delivered:upcoming"]);
  });

  test("shipped straight from placed: processing counts as passed, without a time", () => {
    const events = [
      { status: "placed" as const, createdAt: at(1) },
      { status: "shipped" as const, createdAt: at(5) },
    ];
    expect(states(timelineSteps("physical", "shipped", events))).toEqual(["placed:done@1", "processing:done", "shipped:current@5", "delivered:upcoming"]);
  });

  test("delivered is the end: every step done", () => {
    const events = (["placed", "processing", "shipped", "delivered"] as const).map((status, i) => ({ status, createdAt: at(i) }));
    expect(timelineSteps("physical", "delivered", events).every((s) => s.state === "done")).toBe(true);
  });

  test("coupons and digital rewards: placed and delivered at once", () => {
    const events = [
      { status: "placed" as const, createdAt: at(1) },
      { status: "delivered" as const, createdAt: at(1) },
    ];
    expect(states(timelineSteps("coupon", "delivered", events))).toEqual(["placed:done@1", "delivered:done@1"]);
  });

  test("cancelled: what happened, then the cancellation", () => {
    const events = [
      { status: "placed" as const, createdAt: at(1) },
      { status: "processing" as const, createdAt: at(2) },
      { status: "cancelled" as const, createdAt: at(3) },
    ];
    expect(states(timelineSteps("physical", "cancelled", events))).toEqual(["placed:done@1", "processing:done@2", "cancelled:current@3"]);
  });

  test("the status wins over missing events", () => {
    expect(states(timelineSteps("physical", "processing", []))).toEqual(["placed:done", "processing:current", "shipped:upcoming", "delivered:upcoming"]);
    expect(states(timelineSteps("physical", "cancelled", []))).toEqual(["placed:done", "cancelled:current"]);
  });
});
