import { describe, expect, test } from "vitest";
import { presentRankRow, rankWindowStart } from "./leaderboard";

const TZ = "Asia/Shanghai";

describe("rankWindowStart (local Monday / 1st of the month, 00:00 Shanghai)", () => {
  test.each([
    ["a Monday noon", "2026-11-23T04:00:00Z", "week", "2026-11-22T16:00:00.000Z"],
    ["a Sunday 23:59 local", "2026-11-29T15:59:00Z", "week", "2026-11-22T16:00:00.000Z"],
    ["Monday 00:00 local exactly", "2026-11-29T16:00:00Z", "week", "2026-11-29T16:00:00.000Z"],
    ["Sunday late UTC is Monday in Shanghai", "2026-11-22T17:00:00Z", "week", "2026-11-22T16:00:00.000Z"],
    ["mid month", "2026-11-23T04:00:00Z", "month", "2026-10-31T16:00:00.000Z"],
    ["the 1st, 00:30 local (still Oct 31 in UTC)", "2026-10-31T16:30:00Z", "month", "2026-10-31T16:00:00.000Z"],
    ["new year", "2027-01-01T01:00:00Z", "month", "2026-12-31T16:00:00.000Z"],
  ] as const)("%s", (_n, at, period, start) => {
    expect(rankWindowStart(period, new Date(at), TZ).toISOString()).toBe(start);
  });
});

describe("presentRankRow", () => {
  const row = { distributorId: "d1", rank: 2, cents: 1234, name: "王芳", anonymous: false, hideAmounts: false };
  test.each([
    ["public", {}, "viewer", { rank: 2, name: "王芳", cents: 1234, isViewer: false }],
    ["anonymous", { anonymous: true }, "viewer", { rank: 2, name: null, cents: 1234, isViewer: false }],
    ["hidden amount", { hideAmounts: true }, "viewer", { rank: 2, name: "王芳", cents: null, isViewer: false }],
    ["both", { anonymous: true, hideAmounts: true }, "viewer", { rank: 2, name: null, cents: null, isViewer: false }],
    ["the distributor sees their own row in full", { anonymous: true, hideAmounts: true }, "d1", { rank: 2, name: "王芳", cents: 1234, isViewer: true }],
    ["a blank name reads as none", { name: "  " }, "viewer", { rank: 2, name: null, cents: 1234, isViewer: false }],
  ])("%s", (_n, patch, viewer, expected) => {
    expect(presentRankRow({ ...row, ...patch }, viewer)).toEqual(expected);
  });
});
