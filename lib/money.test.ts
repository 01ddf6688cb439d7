import { describe, expect, test } from "vitest";
import { centsToYuan, parseYuanToCents } from "./money";

describe("money", () => {
  test.each([
    ["59.90", 5990],
    ["59.9", 5990],
    ["59", 5900],
    ["¥1,234.05", 123405],
    ["0.01", 1],
    ["", null],
    ["  ", null],
  ])("parseYuanToCents(%j) = %j", (s, cents) => expect(parseYuanToCents(s)).toBe(cents));
  test.each(["-1", "1.234", "abc", "1e5", "0x10", "1.2.3"])("parseYuanToCents(%j) is NaN", (s) => expect(parseYuanToCents(s)).toBeNaN());
  test.each([
    [5990, "59.90"],
    [1, "0.01"],
    [0, "0.00"],
    [-250, "-2.50"],
  ])("centsToYuan(%j) = %j", (c, s) => expect(centsToYuan(c)).toBe(s));
});
