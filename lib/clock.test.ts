import { afterEach, describe, expect, it, vi } from "vitest";
import { DAY_MS, now, resetClock } from "./clock";

describe("the cross-process test clock (CLOCK_OFFSET_MS)", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    resetClock();
  });

  it("is ignored unless JIFEN_TEST_CLOCK=1 is set too (a stray variable in production moves nothing)", () => {
    vi.stubEnv("CLOCK_OFFSET_MS", String(30 * DAY_MS));
    vi.stubEnv("JIFEN_TEST_CLOCK", "");
    resetClock();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1_000);
  });

  it("moves the clock on the next reading when both are set, without a restart of the process", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.stubEnv("JIFEN_TEST_CLOCK", "1");
    vi.stubEnv("CLOCK_OFFSET_MS", String(8 * DAY_MS));
    resetClock();
    expect(now().getTime() - Date.now()).toBeGreaterThan(8 * DAY_MS - 1_000);
    vi.stubEnv("CLOCK_OFFSET_MS", String(40 * DAY_MS));
    expect(now().getTime() - Date.now()).toBeGreaterThan(40 * DAY_MS - 1_000);
    warn.mockRestore();
  });

  it("ignores an offset that is not a number", () => {
    vi.stubEnv("JIFEN_TEST_CLOCK", "1");
    vi.stubEnv("CLOCK_OFFSET_MS", "tomorrow");
    resetClock();
    expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1_000);
  });
});
