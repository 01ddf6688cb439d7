// NUL characters (U+0000) cannot be stored by Postgres; before the query boundary refused them,
// a NUL typed into any form (or sent in any server action argument) reached the database and
// came back as a 500. Now every statement carrying one is refused as `invalid-request` before it
// is sent, and the transaction around it writes nothing.
import { describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { memberAddresses, ruleDrafts } from "@/db/schema";
import { newId } from "@/lib/ids";
import { addAddress } from "@/lib/mall/addresses";
import { memberWithPoints } from "@/lib/mall/testing";
import { hasNul } from "@/lib/validation";

const home = { recipient: "陈静", phone: "135 0000 0921", region: "浙江省 杭州市 西湖区", line: "文三路 100 号", postalCode: "310000" };

describe("hasNul", () => {
  test.each([
    ["plain", "hello", false],
    ["raw NUL", "a\u0000b", true],
    ["JSON escape of NUL", JSON.stringify({ name: "a\u0000b" }), true],
    ["JSON with an escaped backslash before u0000 (the text \\u0000, harmless)", JSON.stringify({ name: "a\\u0000b" }), false],
    ["the six characters \\u0000 in plain text (not JSON)", "see \\u0000 here", false],
    ["array of strings", ["ok", "x\u0000"], true],
    ["number", 42, false],
  ])("%s", (_label, value, expected) => {
    expect(hasNul(value)).toBe(expected);
  });
});

describe("the query boundary refuses NUL characters", () => {
  test("a use case gets invalid-request with the validation.nul message and writes nothing", async () => {
    const m = await memberWithPoints(0);
    await expect(addAddress(m, { ...home, recipient: "陈\u0000静" })).rejects.toMatchObject({
      code: "invalid-request",
      errors: [{ path: "form", message: "validation.nul" }],
    });
    expect(await db.select().from(memberAddresses).where(eq(memberAddresses.memberId, m))).toEqual([]);
  });

  test("inside a transaction: the earlier statements roll back too", async () => {
    const m = await memberWithPoints(0);
    await expect(
      db.transaction(async (tx) => {
        await tx.insert(memberAddresses).values({ id: newId(), memberId: m, ...home, isDefault: true, createdAt: new Date(), updatedAt: new Date() });
        await tx.insert(memberAddresses).values({ id: newId(), memberId: m, ...home, line: "\u0000", isDefault: false, createdAt: new Date(), updatedAt: new Date() });
      }),
    ).rejects.toMatchObject({ code: "invalid-request" });
    expect(await db.select().from(memberAddresses).where(eq(memberAddresses.memberId, m))).toEqual([]);
  });

  test("jsonb values and raw SQL parameters are covered as well", async () => {
    await expect(db.execute(sql`select ${"x\u0000"}::text`)).rejects.toMatchObject({ code: "invalid-request" });
    await expect(db.execute(sql`select ${JSON.stringify({ name: "a\u0000" })}::jsonb`)).rejects.toMatchObject({ code: "invalid-request" });
    await expect(db.select().from(ruleDrafts).where(eq(ruleDrafts.ruleKey, "a\u0000"))).rejects.toMatchObject({ code: "invalid-request" });
    // The same statement without the NUL runs (the guard refuses only what Postgres cannot take).
    await expect(db.execute(sql`select ${"x\\u0000"}::text as v`)).resolves.toBeDefined();
  });
});
