import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { members, referralPaths, users } from "@/db/schema";
import { freezeClock } from "@/lib/clock";
import { makeDistributor } from "@/lib/distribution/make-distributor";
import { signUp, signUpSchema } from "./sign-up";

describe("signUp", () => {
  test("validation: messages are keys, nothing is written for bad input", async () => {
    const r = signUpSchema.safeParse({ email: "nope", password: "short", name: "", referralCode: "!!" });
    expect(r.success).toBe(false);
    const byPath = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(byPath).toMatchObject({ email: "validation.email", password: "validation.passwordMin", name: "validation.required", referralCode: "validation.referralCode" });
    expect(signUpSchema.parse({ email: " Mixed@Example.COM ", password: "longenough", name: "M", referralCode: "" })).toMatchObject({ email: "mixed@example.com", referralCode: undefined });
  });

  test("a second sign-up with the same email is refused; an API-created member is claimed", async () => {
    freezeClock("2026-06-01T00:00:00Z");
    await signUp({ email: "eve@example.com", password: "eve-password", name: "Eve" });
    await expect(signUp({ email: "eve@example.com", password: "other-pass", name: "Eve 2" })).rejects.toMatchObject({ code: "duplicate" });
    // A member the shop created (no password yet) signs up: same id, now with a password.
    const id = "0190f000-0000-7000-8000-000000000001";
    await db.insert(users).values({ id, email: "shop@example.com", name: "From shop", createdAt: new Date(), updatedAt: new Date() });
    await db.insert(members).values({ id, createdAt: new Date() });
    const claimed = await signUp({ email: "shop@example.com", password: "shop-password", name: "Ignored" });
    expect(claimed.userId).toBe(id);
    const [u] = await db.select().from(users).where(eq(users.id, id));
    expect(u!.passwordHash).toBeTruthy();
    expect(u!.name).toBe("From shop");
  });

  test("a referral code binds the new member under the whole upline (closure rows)", async () => {
    freezeClock("2026-06-02T00:00:00Z");
    const top = await signUp({ email: "top@example.com", password: "top-password", name: "Top" });
    const { code: topCode } = await makeDistributor(top.userId, { code: "TOP123" });
    const mid = await signUp({ email: "mid@example.com", password: "mid-password", name: "Mid", referralCode: topCode });
    await makeDistributor(mid.userId, { code: "MID123" });
    const leaf = await signUp({ email: "leaf@example.com", password: "leaf-password", name: "Leaf", referralCode: "mid123" });
    const paths = await db.select().from(referralPaths).where(eq(referralPaths.descendantId, leaf.userId));
    expect(paths.map((p) => [p.ancestorId, p.depth]).sort((a, b) => Number(a[1]) - Number(b[1]))).toEqual([
      [mid.userId, 1],
      [top.userId, 2],
    ]);
    const [m] = await db.select().from(members).where(eq(members.id, leaf.userId));
    expect(m!.referrerId).toBe(mid.userId);
  });

  test("an unknown referral code is a field error and creates no account", async () => {
    await expect(signUp({ email: "ghost@example.com", password: "ghost-password", name: "G", referralCode: "ZZZZZZ" })).rejects.toMatchObject({
      code: "invalid-request",
      errors: [{ path: "referralCode", message: "validation.referralCodeUnknown" }],
    });
    expect(await db.select().from(users).where(eq(users.email, "ghost@example.com"))).toHaveLength(0);
  });
});
