// 拉人头 is illegal: recruiting alone never earns cash. Money reaches a wallet only as a share of a
// sale (a commission tied to an order, at most its base); a referral may earn points, and only
// through the points action rules like any other event.
import { describe, expect, test } from "vitest";
import { eq, max } from "drizzle-orm";
import { db } from "@/db/client";
import { commissions, members, ruleVersions, walletEntries } from "@/db/schema";
import { freezeClock, now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { createMember } from "@/lib/members/create-member";
import { getBalance } from "@/lib/points/get-balance";
import { recordEvent } from "@/lib/points/record-event";
import { actionRuleSchema } from "@/lib/rules/schema";
import { getWallet } from "./get-wallet";
import { newDistributor } from "./testing";
import { verifyWallets } from "./verify-wallets";

const T0 = new Date("2026-11-23T04:00:00Z");

describe("recruiting pays no cash", () => {
  test("ten sign-ups through a distributor's code: a downline, no commission, no wallet movement", async () => {
    freezeClock(T0);
    const d = await newDistributor();
    for (let i = 0; i < 10; i++) await createMember({ email: `recruit${i}@example.com`, referralCode: d.code }, { actor: "test" });
    expect(await db.select().from(members).where(eq(members.referrerId, d.id))).toHaveLength(10);
    expect(await db.select().from(commissions).where(eq(commissions.distributorId, d.id))).toEqual([]);
    expect(await db.select().from(walletEntries).where(eq(walletEntries.distributorId, d.id))).toEqual([]);
    expect(await getWallet(d.id)).toMatchObject({ pendingCents: 0, availableCents: 0 });
  });

  test("a referral event earns points only through an action rule the admin configured, never wallet money", async () => {
    freezeClock(T0);
    const d = await newDistributor();
    const none = await recordEvent({ memberId: d.id, type: "referral-signup" }, { actor: "shop" });
    expect(none.pointsAwarded).toBe(0); // no such rule by default
    const [v] = await db.select({ v: max(ruleVersions.version) }).from(ruleVersions).where(eq(ruleVersions.ruleKey, "action.referral-signup"));
    await db.insert(ruleVersions).values({
      id: newId(),
      ruleKey: "action.referral-signup",
      kind: "action",
      version: (v?.v ?? 0) + 1,
      definition: actionRuleSchema.parse({ name: { "zh-CN": "邀请好友", en: "Invite a friend" }, points: 20, maxPerMemberPerDay: 5 }) as unknown as Record<string, unknown>,
      effectiveAt: new Date("2000-01-01T00:00:00Z"),
      createdAt: now(),
    });
    const paid = await recordEvent({ memberId: d.id, type: "referral-signup" }, { actor: "shop" });
    expect(paid.pointsAwarded).toBe(20);
    expect((await getBalance(d.id)).available).toBe(20);
    expect(await db.select().from(walletEntries).where(eq(walletEntries.distributorId, d.id))).toEqual([]);
  });

  test("the database refuses a commission that is not a share of a sale, and wallet money without a commission", async () => {
    freezeClock(T0);
    const d = await newDistributor();
    const bounty = { id: newId(), distributorId: d.id, orderId: newId(), buyerId: newId(), level: 1, baseCents: 0, rateBps: null, amountCents: 1000, availableAt: T0, ruleVersionIds: [], createdAt: T0 };
    await expect(db.insert(commissions).values(bounty)).rejects.toThrow();
    await expect(db.insert(commissions).values({ ...bounty, baseCents: 500 })).rejects.toThrow(); // more than the sale
    await expect(db.insert(commissions).values({ ...bounty, baseCents: 10_000, level: 4 })).rejects.toThrow(); // deeper than 3
    await expect(
      db.insert(walletEntries).values({ id: newId(), distributorId: d.id, type: "commission", pendingDelta: 1000, availableAfter: 0, actor: "x", createdAt: T0 }),
    ).rejects.toThrow();
    expect((await verifyWallets()).mismatches).toEqual([]);
  });
});
