import { describe, expect, test } from "vitest";
import { freezeClock } from "@/lib/clock";
import { signUp } from "@/lib/members/sign-up";
import { checkCredentials, clientIp, SIGN_IN_LIMITS } from "./credentials";
import { changePassword } from "./change-password";

describe("checkCredentials", () => {
  test("right password signs in; wrong password and unknown email give the same answer", async () => {
    freezeClock("2026-05-01T00:00:00Z");
    const { userId } = await signUp({ email: "amy@example.com", password: "correct horse", name: "Amy" });
    expect(await checkCredentials({ email: "AMY@example.com ", password: "correct horse" }, "1.1.1.1")).toMatchObject({ ok: true, user: { id: userId, roles: ["member"] } });
    const wrong = await checkCredentials({ email: "amy@example.com", password: "nope nope" }, "1.1.1.1");
    const unknown = await checkCredentials({ email: "nobody@example.com", password: "nope nope" }, "1.1.1.1");
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    expect(await checkCredentials({ email: 42, password: null }, "1.1.1.1")).toEqual({ ok: false, reason: "invalid" });
  });

  test("attempts are limited per account, even with the right password, until the window rolls", async () => {
    const clock = freezeClock("2026-05-02T00:00:00Z");
    await signUp({ email: "bob@example.com", password: "bob-password", name: "Bob" });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit; i++) {
      expect((await checkCredentials({ email: "bob@example.com", password: "guess" + i }, `10.0.0.${i}`)).ok).toBe(false);
    }
    expect(await checkCredentials({ email: "bob@example.com", password: "bob-password" }, "10.0.1.1")).toEqual({ ok: false, reason: "rate-limited" });
    clock.advance(SIGN_IN_LIMITS.perAccount.windowSeconds * 1000);
    expect((await checkCredentials({ email: "bob@example.com", password: "bob-password" }, "10.0.1.1")).ok).toBe(true);
  });

  test("attempts are limited per IP across accounts", async () => {
    freezeClock("2026-05-03T00:00:00Z");
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++) await checkCredentials({ email: `x${i}@example.com`, password: "whatever1" }, "9.9.9.9");
    await signUp({ email: "carol@example.com", password: "carol-password", name: "Carol" });
    expect(await checkCredentials({ email: "carol@example.com", password: "carol-password" }, "9.9.9.9")).toEqual({ ok: false, reason: "rate-limited" });
    expect((await checkCredentials({ email: "carol@example.com", password: "carol-password" }, "8.8.8.8")).ok).toBe(true);
  });

  test("change password needs the current one", async () => {
    freezeClock("2026-05-04T00:00:00Z");
    const { userId } = await signUp({ email: "dan@example.com", password: "first-password", name: "Dan" });
    await expect(changePassword(userId, { current: "wrong-one", next: "second-password", confirm: "second-password" })).rejects.toMatchObject({ code: "invalid-request" });
    await changePassword(userId, { current: "first-password", next: "second-password", confirm: "second-password" });
    expect((await checkCredentials({ email: "dan@example.com", password: "first-password" }, "7.7.7.7")).ok).toBe(false);
    expect((await checkCredentials({ email: "dan@example.com", password: "second-password" }, "7.7.7.7")).ok).toBe(true);
  });
});

describe("clientIp", () => {
  test.each([
    ["1.1.1.1", 1, "1.1.1.1"],
    ["6.6.6.6, 2.2.2.2", 1, "2.2.2.2"], // the client forged 6.6.6.6; our proxy appended 2.2.2.2
    ["6.6.6.6, 3.3.3.3, 10.0.0.1", 2, "3.3.3.3"],
    ["6.6.6.6", 0, "direct"],
    ["", 1, "direct"],
  ])("X-Forwarded-For %j with %i trusted hops → %s", (xff, hops, ip) => {
    expect(clientIp(new Headers(xff ? { "x-forwarded-for": xff } : {}), hops)).toBe(ip);
  });
});
