// proxy.ts as the router of the cached catalogue: the reader's language in front of every page's
// path, members' /mall addresses to the cached pages, everyone else to the guarded gate.
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { describe, expect, test } from "vitest";
import { authSecret } from "@/lib/auth/secret";
import type { Role } from "@/db/schema";
import { proxy } from "@/proxy";

const ID = "0190a5b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b";
const NAME = "authjs.session-token";

async function session(roles: Role[]) {
  return `${NAME}=${await encode({ token: { sub: "u1", roles }, secret: authSecret()!, salt: NAME })}`;
}

async function route(path: string, headers: Record<string, string> = {}) {
  const res = await proxy(new NextRequest(`http://shop.example${path}`, { headers }));
  const rewrite = res.headers.get("x-middleware-rewrite");
  return { status: res.status, location: res.headers.get("location"), cacheControl: res.headers.get("cache-control"), rewrite: rewrite ? new URL(rewrite).pathname + new URL(rewrite).search : null };
}

describe("the language segment", () => {
  test("the cookie wins, then Accept-Language, then Chinese", async () => {
    expect((await route("/history", { cookie: `NEXT_LOCALE=en; ${await session(["member"])}`, "accept-language": "zh-CN" })).rewrite).toBe("/en/history");
    expect((await route("/sign-in?next=%2F", { "accept-language": "en-GB,en;q=0.8" })).rewrite).toBe("/en/sign-in?next=%2F");
    expect((await route("/", { "accept-language": "fr" })).rewrite).toBe("/zh-CN");
  });

  test("route handlers at the app's root are passed through as they are", async () => {
    expect((await route("/r/WANGF8")).rewrite).toBeNull();
    expect((await route("/media/abc")).rewrite).toBeNull();
  });

  test("an address that already names a language is not a way in: it gets a second one (and a 404)", async () => {
    expect((await route("/en/mall", { cookie: await session(["member"]) })).rewrite).toBe("/zh-CN/en/mall");
  });
});

describe("/mall addresses", () => {
  test("without a session cookie: sign in, coming back here", async () => {
    const r = await route("/mall/c/drinks?sort=newest");
    expect(r.status).toBe(307);
    expect(r.location).toBe("http://shop.example/sign-in?next=%2Fmall%2Fc%2Fdrinks%3Fsort%3Dnewest");
  });

  test("a member's cookie: the cached pages, the sort and filters in the path and the query left off", async () => {
    const cookie = `NEXT_LOCALE=en; ${await session(["member", "distributor"])}`;
    expect((await route("/mall", { cookie })).rewrite).toBe("/en/mall");
    expect((await route("/mall/c/drinks?sort=newest&instock=1", { cookie })).rewrite).toBe("/en/mall/c/drinks/newest_all_1_0");
    expect((await route(`/mall/r/${ID}`, { cookie })).rewrite).toBe(`/en/mall/r/${ID}`);
    // The address shows either language, to members only: no shared cache may keep the page.
    expect((await route("/mall", { cookie })).cacheControl).toBe("private, no-cache");
    // Per-request pages keep their address and query.
    expect((await route("/mall/search?q=tea", { cookie })).rewrite).toBe("/en/mall/search?q=tea");
    expect((await route(`/mall/r/${ID}/confirm?t=abc`, { cookie })).rewrite).toBe(`/en/mall/r/${ID}/confirm?t=abc`);
  });

  test("a staff cookie, a forged or foreign one: the gate (whose guard answers 403 or sends to sign-in)", async () => {
    for (const cookie of [await session(["admin"]), await session(["operator", "finance"]), `${NAME}=forged`]) {
      expect((await route("/mall", { cookie })).rewrite).toBe("/zh-CN/members-only");
      expect((await route(`/mall/r/${ID}`, { cookie })).rewrite).toBe("/zh-CN/members-only");
      expect((await route("/mall/search?q=x", { cookie })).rewrite).toBe("/zh-CN/members-only?q=x");
    }
  });
});
