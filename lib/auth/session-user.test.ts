// The guard's session source: Auth.js's cookie, checked as auth() checks it, without auth()'s round trip.
import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, test, vi } from "vitest";

const SECRET = "session-user-test-secret-0123456789";
const jar = vi.hoisted(() => ({ cookies: [] as { name: string; value: string }[] }));
const authCalls = vi.hoisted(() => ({ n: 0 }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => jar.cookies.find((c) => c.name === name), getAll: () => jar.cookies }),
}));
vi.mock("./secret", () => ({ authSecret: () => SECRET }));
vi.mock("./index", () => ({ auth: async () => (authCalls.n++, { user: { id: "from-auth-js" } }) }));
const { sessionUserId } = await import("./session-user");

const NAME = "authjs.session-token";
const token = (claims: Record<string, unknown>, opts: { secret?: string; maxAge?: number; name?: string } = {}) =>
  encode({ token: claims, secret: opts.secret ?? SECRET, salt: opts.name ?? NAME, maxAge: opts.maxAge });

beforeEach(() => {
  jar.cookies = [];
  authCalls.n = 0;
});

describe("sessionUserId", () => {
  test("the subject of a valid cookie, under either name; no cookie is nobody", async () => {
    expect(await sessionUserId()).toBeNull();
    jar.cookies = [{ name: NAME, value: await token({ sub: "user-1", roles: ["member"] }) }];
    expect(await sessionUserId()).toBe("user-1");
    const secure = "__Secure-authjs.session-token";
    jar.cookies = [{ name: secure, value: await token({ sub: "user-2" }, { name: secure }) }];
    expect(await sessionUserId()).toBe("user-2");
    expect(authCalls.n).toBe(0);
  });

  test("a cookie made with another secret, altered, or expired is nobody", async () => {
    jar.cookies = [{ name: NAME, value: await token({ sub: "intruder" }, { secret: "not-our-secret-0123456789abc" }) }];
    expect(await sessionUserId()).toBeNull();
    const good = await token({ sub: "user-3" });
    jar.cookies = [{ name: NAME, value: good.slice(0, -4) + (good.endsWith("AAAA") ? "BBBB" : "AAAA") }];
    expect(await sessionUserId()).toBeNull();
    jar.cookies = [{ name: NAME, value: await token({ sub: "user-4" }, { maxAge: -60 }) }];
    expect(await sessionUserId()).toBeNull();
  });

  test("a session Auth.js split into numbered cookies is put together by Auth.js", async () => {
    jar.cookies = [
      { name: `${NAME}.0`, value: "part" },
      { name: `${NAME}.1`, value: "part" },
    ];
    expect(await sessionUserId()).toBe("from-auth-js");
    expect(authCalls.n).toBe(1);
  });
});
