import { describe, expect, test } from "vitest";
import { maskBuyer } from "./dashboard";

describe("buyers are masked on the distributor's screens", () => {
  test.each([
    { name: "张三丰", email: null, masked: "张**" },
    { name: "张三", email: null, masked: "张*" },
    { name: "王", email: null, masked: "王*" },
    { name: "Alexander", email: "a@x.cn", masked: "A****" },
    { name: "  ", email: "alice@example.com", masked: "a****@example.com" },
    { name: null, email: "not-an-email", masked: "—" },
    { name: "😀bc", email: null, masked: "😀**" },
  ])("$name / $email → $masked", ({ name, email, masked }) => {
    expect(maskBuyer(name, email)).toBe(masked);
  });
});
