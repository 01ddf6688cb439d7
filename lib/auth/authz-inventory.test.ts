// Every entry point of the app is guarded on the server, or is deliberately public and listed
// here with the reason. The lists come from the source tree (testing/app-inventory.ts), so a new
// page, server action or route handler fails this test until it has a guard or a reason.
import { describe, expect, test } from "vitest";
import { pagePermission } from "@/components/shell/nav";
import { actions, isPermission, pages, PUBLIC_PAGES, routes } from "./testing/app-inventory";

/** Server actions that run without a signed-in user, and why. */
const PUBLIC_ACTIONS: Record<string, string> = {
  signInAction: "signing in (rate limited per account and IP)",
  signUpAction: "signing up",
  acceptInviteAction: "using an admin-console invitation (single-use, hashed, expiring token)",
  signOutAction: "ends the caller's own session",
  setLocale: "a preference cookie on the caller's own browser",
  setTheme: "a preference cookie on the caller's own browser",
};

/** Route handlers without a session or API-key guard, and why. */
const PUBLIC_ROUTES: Record<string, string> = {
  "/api/auth/[...nextauth]": "Auth.js's own endpoints",
  "/api/health": "load balancer health check (no data)",
  "/api/v1/openapi.json": "the public API description",
  "/r/[code]": "a distributor's public referral link",
  "/media/[file]": "public reward images",
};

describe("authorisation inventory", () => {
  test("every page demands a known permission or is public for a stated reason", () => {
    const unguarded = pages().filter((p) => !isPermission(p.permission) && !(p.url in PUBLIC_PAGES));
    expect(unguarded.map((p) => p.file)).toEqual([]);
    expect(pages().length).toBeGreaterThan(8);
  });

  test("each area's layout checks the same permission as the page (so the status code is real)", () => {
    const layoutPermission = (url: string) =>
      url.startsWith("/admin") ? pagePermission("admin", url) : url.startsWith("/distributor") ? "distributor:use" : url.startsWith("/account") ? "account:self" : "member:use";
    const mismatched = pages()
      .filter((p) => !(p.url in PUBLIC_PAGES) && !["/sign-in", "/sign-up"].includes(p.url))
      .filter((p) => layoutPermission(p.url) !== p.permission)
      .map((p) => `${p.url}: page ${p.permission}, layout ${layoutPermission(p.url)}`);
    expect(mismatched).toEqual([]);
  });

  test("every server action demands a known permission or is public for a stated reason", () => {
    const all = actions();
    const unguarded = all.filter((a) => !isPermission(a.permission) && !(a.name in PUBLIC_ACTIONS));
    expect(unguarded.map((a) => `${a.file}: ${a.name}`)).toEqual([]);
    expect(all.length).toBeGreaterThan(5);
  });

  test("every route handler is behind an API key, a session guard, or public for a stated reason", () => {
    const unguarded = routes().filter((r) => r.guard === "none" && !(r.url in PUBLIC_ROUTES));
    expect(unguarded.map((r) => r.file)).toEqual([]);
    // Every Integration API route goes through apiRoute (API key + scope), except the public document.
    const v1 = routes().filter((r) => r.url.startsWith("/api/v1/") && r.url !== "/api/v1/openapi.json");
    expect(v1.filter((r) => r.guard !== "api-key").map((r) => r.file)).toEqual([]);
  });

  test("the mall's cached catalogue: its pages are gated for members, its personal side is a session route", () => {
    const catalogue = pages().filter((p) => p.file.includes("(catalogue)"));
    expect(catalogue.map((p) => [p.url, p.permission])).toEqual([
      ["/mall", "member:use"],
      ["/mall/c/[category]/[view]", "member:use"],
      ["/mall/r/[id]", "member:use"],
    ]);
    expect(routes().find((r) => r.url === "/api/mall/me")).toMatchObject({ methods: ["GET"], guard: "session" });
    // Where proxy.ts sends everyone else: a page that asks the guard itself.
    expect(pages().find((p) => p.url === "/members-only")?.permission).toBe("member:use");
  });

  test("the public lists name only things that exist (no stale exemptions)", () => {
    const urls = new Set(pages().map((p) => p.url));
    expect(Object.keys(PUBLIC_PAGES).filter((u) => !urls.has(u))).toEqual([]);
    const names = new Set(actions().map((a) => a.name));
    expect(Object.keys(PUBLIC_ACTIONS).filter((n) => !names.has(n))).toEqual([]);
  });
});
