import { encode } from "next-auth/jwt";
import { describe, expect, test } from "vitest";
import { peekSession } from "./session-peek";

const SECRET = "peek-test-secret-0123456789";
const NAME = "authjs.session-token";
const NOW = Math.floor(Date.now() / 1000);

async function cookie(claims: Record<string, unknown>, opts: { secret?: string; maxAge?: number; name?: string } = {}) {
  const name = opts.name ?? NAME;
  return { name, value: await encode({ token: claims, secret: opts.secret ?? SECRET, salt: name, maxAge: opts.maxAge }) };
}

describe("peekSession: the roles a session cookie carried (routing only, never a grant)", () => {
  test("a valid cookie gives its roles and expiry", async () => {
    const c = await cookie({ sub: "u1", roles: ["member", "distributor"] });
    const s = await peekSession(c, SECRET);
    expect(s?.roles).toEqual(["member", "distributor"]);
    expect(s?.userId).toBe("u1");
    expect(s!.expiresAt).toBeGreaterThan(NOW);
  });

  test("the __Secure- cookie is decrypted with its own name as salt", async () => {
    const c = await cookie({ sub: "u1", roles: ["member"] }, { name: "__Secure-authjs.session-token" });
    expect((await peekSession(c, SECRET))?.roles).toEqual(["member"]);
    // The same value under the other name does not decrypt.
    expect(await peekSession({ name: NAME, value: c.value }, SECRET)).toBeNull();
  });

  test("another secret, garbage, no cookie, no secret, no subject: null", async () => {
    const c = await cookie({ sub: "u1", roles: ["member"] });
    expect(await peekSession(c, "another-secret-0123456789")).toBeNull();
    expect(await peekSession({ name: NAME, value: "not.a.jwe" }, SECRET)).toBeNull();
    expect(await peekSession(undefined, SECRET)).toBeNull();
    expect(await peekSession(c, undefined)).toBeNull();
    expect(await peekSession(await cookie({ roles: ["member"] }), SECRET)).toBeNull();
  });

  test("an expired cookie is null, even once its answer is remembered", async () => {
    const c = await cookie({ sub: "u2", roles: ["member"] }, { maxAge: 60 });
    expect(await peekSession(c, SECRET, NOW)).not.toBeNull();
    expect(await peekSession(c, SECRET, NOW + 120)).toBeNull();
  });

  test("roles that are not strings are dropped; no roles claim is no roles", async () => {
    expect((await peekSession(await cookie({ sub: "u3", roles: ["member", 7, null] }), SECRET))?.roles).toEqual(["member"]);
    expect((await peekSession(await cookie({ sub: "u4" }), SECRET))?.roles).toEqual([]);
  });
});
