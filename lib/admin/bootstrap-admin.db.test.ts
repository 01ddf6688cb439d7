import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { checkCredentials } from "@/lib/auth/credentials";
import { signUp } from "@/lib/members/sign-up";
import { ensureStaffAccount } from "./bootstrap-admin";

describe("ensureStaffAccount (BOOTSTRAP_ADMIN_EMAIL / _PASSWORD)", () => {
  test("creates the first admin once; a restart changes nothing; an existing member gains the role", async () => {
    const id = await ensureStaffAccount({ email: "Boss@Shop.example", password: "first-admin-pw" });
    expect(await ensureStaffAccount({ email: "boss@shop.example", password: "another-pw-entirely" })).toBe(id);
    const ok = await checkCredentials({ email: "boss@shop.example", password: "first-admin-pw" }, "t");
    expect(ok).toMatchObject({ ok: true, user: { roles: ["admin"] } });
    expect((await checkCredentials({ email: "boss@shop.example", password: "another-pw-entirely" }, "t")).ok).toBe(false);

    const { userId } = await signUp({ email: "ops@shop.example", password: "member-password", name: "Ops" });
    await ensureStaffAccount({ email: "ops@shop.example", password: "ignored-password" });
    const [u] = await db.select().from(users).where(eq(users.id, userId));
    expect(u!.roles.sort()).toEqual(["admin", "member"]);
  });
});
