// The Origin check every state-changing request outside /api passes in proxy.ts.
import { describe, expect, test } from "vitest";
import { isCrossSiteWrite } from "@/proxy";

const h = (init: Record<string, string>) => new Headers(init);

describe("isCrossSiteWrite", () => {
  test.each([
    ["same origin POST", "POST", { origin: "http://shop.example", host: "shop.example" }, false],
    ["same origin with port", "POST", { origin: "http://127.0.0.1:3206", host: "127.0.0.1:3206" }, false],
    ["foreign origin POST", "POST", { origin: "https://evil.example", host: "shop.example" }, true],
    ["same host, other port", "POST", { origin: "http://shop.example:8080", host: "shop.example" }, true],
    ["Origin: null (sandboxed frame)", "POST", { origin: "null", host: "shop.example" }, true],
    ["no Origin (not a browser's cross-site request)", "POST", { host: "shop.example" }, false],
    ["behind a proxy: x-forwarded-host is the addressed host", "POST", { origin: "https://shop.example", host: "10.0.0.5:3000", "x-forwarded-host": "shop.example" }, false],
    ["behind a proxy: foreign origin", "DELETE", { origin: "https://evil.example", host: "10.0.0.5:3000", "x-forwarded-host": "shop.example" }, true],
    ["GET from anywhere (links, images)", "GET", { origin: "https://evil.example", host: "shop.example" }, false],
    ["case-insensitive host", "PATCH", { origin: "https://SHOP.example", host: "shop.EXAMPLE" }, false],
  ])("%s", (_label, method, headers, expected) => {
    expect(isCrossSiteWrite(method, h(headers))).toBe(expected);
  });
});

describe("every state-changing route handler outside /api is behind the Origin check", () => {
  test("the proxy sees each one (its matcher does not skip it)", async () => {
    const { config } = await import("@/proxy");
    const { routes } = await import("@/lib/auth/testing/app-inventory");
    const seen = (url: string) => config.matcher.some((m) => new RegExp(`^${m}$`).test(url.replace(/\[\.*(\w+)\]/g, "x")));
    const writes = routes().filter((r) => !r.url.startsWith("/api/") && r.methods.some((m) => m !== "GET"));
    expect(writes.filter((r) => !seen(r.url)).map((r) => r.file)).toEqual([]);
    // The matcher really does skip what it should not check, and sees pages (server actions post to them).
    expect(seen("/api/v1/orders")).toBe(false);
    expect(seen("/account/addresses")).toBe(true);
    expect(seen("/admin/fulfilment/export")).toBe(true);
  });
});

describe("DomainError across module copies", () => {
  test("an error made by another copy of lib/errors is still a DomainError", async () => {
    const { DomainError, isDomainError } = await import("@/lib/errors");
    // What a second bundle's copy of the class produces: same shape, same registered brand, other class.
    const foreign = Object.assign(new Error("x"), { [Symbol.for("jifen.DomainError")]: true, code: "invalid-request" });
    expect(foreign instanceof DomainError).toBe(true);
    expect(isDomainError(foreign)).toBe(true);
    expect(new Error("plain") instanceof DomainError).toBe(false);
    expect(new DomainError("not-found") instanceof DomainError).toBe(true);
  });
});
