// IDOR: every member and distributor read or write is scoped by the signed-in owner, so naming
// someone else's id gets nothing (a 404 for pages and actions) and changes nothing. The pages and
// actions pass the session's user id (never one from the request: the last test checks the source),
// so these use-case calls are exactly what member B's requests run with A's ids.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { memberAddresses, redemptions } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { dashboardSummary } from "@/lib/distribution/dashboard";
import { teamMembers } from "@/lib/distribution/team";
import { getWallet } from "@/lib/distribution/get-wallet";
import { listWithdrawals } from "@/lib/distribution/list-withdrawals";
import { requestWithdrawal } from "@/lib/distribution/request-withdrawal";
import { newDistributor, newMember, publishDistribution, testOrder } from "@/lib/distribution/testing";
import { verifyWallets } from "@/lib/distribution/verify-wallets";
import { addAddress, deleteAddress, getAddress, listAddresses, setDefaultAddress, updateAddress } from "@/lib/mall/addresses";
import { cancelRedemption } from "@/lib/mall/cancel-redemption";
import { isOwnRedemption, listMemberRedemptions, memberCoupons, memberRedemption } from "@/lib/mall/member-redemptions";
import { redeemReward } from "@/lib/mall/redeem-reward";
import { memberWithPoints, testReward } from "@/lib/mall/testing";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { getBalance } from "@/lib/points/get-balance";
import { listEntries } from "@/lib/points/list-entries";
import { verifyLedger } from "@/lib/points/verify-ledger";

const T0 = new Date("2026-11-23T04:00:00Z");
const home = { recipient: "陈静", phone: "135 0000 0921", region: "浙江省 杭州市 西湖区", line: "文三路 100 号", postalCode: "310000" };
const web = { source: "web" as const, actor: "test" };

afterEach(async () => {
  expect((await verifyLedger()).mismatches).toEqual([]);
});

describe("member A's things, asked for by member B", () => {
  test("ledger and balance: B's reads never include A's entries", async () => {
    freezeClock(T0);
    const a = await memberWithPoints(500);
    const b = await memberWithPoints(7);
    const bEntries = await listEntries(b);
    expect(bEntries.entries.map((e) => e.memberId)).toEqual([b]);
    expect((await getBalance(b)).available).toBe(7);
    expect((await listEntries(a)).entries).toHaveLength(1);
  });

  test("redemptions: B can neither open nor cancel A's; A's stays placed and A's points stay spent", async () => {
    freezeClock(T0);
    const a = await memberWithPoints(1_000);
    const b = await memberWithPoints(1_000);
    const goods = await testReward({ type: "physical", pointsPrice: 300, stock: 5 });
    const r = await redeemReward({ ...web, memberId: a, rewardId: goods.id, quantity: 1, shippingAddress: home });

    expect(await memberRedemption(b, r.id)).toBeNull();
    expect(await isOwnRedemption(b, r.id)).toBe(false);
    expect(await isOwnRedemption(a, r.id)).toBe(true);
    expect((await listMemberRedemptions(b)).rows).toEqual([]);
    await expect(cancelRedemption({ redemptionId: r.id, by: "member", memberId: b, actor: `user:${b}` })).rejects.toMatchObject({ code: "not-found" });

    const [row] = await db.select().from(redemptions).where(eq(redemptions.id, r.id));
    expect(row!.status).toBe("placed");
    expect((await getBalance(a)).available).toBe(700);
    expect((await getBalance(b)).available).toBe(1_000);
  });

  test("coupons: B's wallet never lists A's codes", async () => {
    freezeClock(T0);
    const a = await memberWithPoints(1_000);
    const b = await memberWithPoints(1_000);
    const coupon = await testReward({ type: "coupon", couponSource: "pattern", couponPattern: "JF-XXXX-9999", couponValidDays: 30 });
    const r = await redeemReward({ ...web, memberId: a, rewardId: coupon.id, quantity: 2 });
    expect(r.coupons).toHaveLength(2);
    expect((await memberCoupons(b)).rows).toEqual([]);
    expect((await memberCoupons(a)).rows.map((c) => c.code).sort()).toEqual(r.coupons!.map((c) => c.code).sort());
    // The coupon codes of A's redemption are not shown through B's view of it either.
    expect(await memberRedemption(b, r.id)).toBeNull();
  });

  test("addresses: B can neither read, edit, make default nor delete A's", async () => {
    freezeClock(T0);
    const a = await memberWithPoints(0);
    const b = await memberWithPoints(0);
    const addr = await addAddress(a, home);
    const before = await listAddresses(a);

    expect(await getAddress(b, addr.id)).toBeNull();
    expect(await listAddresses(b)).toEqual([]);
    await expect(updateAddress(b, addr.id, { ...home, recipient: "Mallory" })).rejects.toMatchObject({ code: "not-found" });
    await expect(setDefaultAddress(b, addr.id)).rejects.toMatchObject({ code: "not-found" });
    await expect(deleteAddress(b, addr.id)).rejects.toMatchObject({ code: "not-found" });

    expect(await listAddresses(a)).toEqual(before);
    expect(await db.select().from(memberAddresses).where(eq(memberAddresses.memberId, b))).toEqual([]);
  });
});

describe("distributor A's things, asked for by distributor B", () => {
  afterEach(async () => {
    await publishDistribution({});
    expect((await verifyWallets()).mismatches).toEqual([]);
  });

  test("wallet, withdrawals, team and dashboard are B's own", async () => {
    freezeClock(T0);
    const a = await newDistributor();
    const b = await newDistributor();
    const buyer = await newMember(a.code);
    await ingestOrder(testOrder(buyer, { items: [{ sku: "X", quantity: 1, unitPriceCents: 100_000 }], shippingCents: 0, placedAt: new Date(T0.getTime() - 30 * DAY_MS).toISOString() }), { actor: "test" });
    const aWallet = await getWallet(a.id);
    expect(aWallet.availableCents).toBeGreaterThan(0);
    await requestWithdrawal(a.id, { amountCents: aWallet.availableCents, payoutAccount: { method: "alipay", account: "a@example.com" } }, { actor: "test" });

    const bWallet = await getWallet(b.id);
    expect(bWallet).toMatchObject({ availableCents: 0, pendingCents: 0 });
    expect((await listWithdrawals({ distributorId: b.id })).items).toEqual([]);
    expect((await listWithdrawals({ distributorId: a.id })).items).toHaveLength(1);
    expect((await teamMembers(b.id, 1)).items).toEqual([]);
    expect((await teamMembers(a.id, 1)).items.map((m) => m.memberId)).toEqual([buyer]);
    const [aDash, bDash] = await Promise.all([dashboardSummary(a.id), dashboardSummary(b.id)]);
    expect(bDash.team).toEqual({ level1: 0, level2: 0 });
    expect(bDash.earnings.allTimeCents).toBe(0);
    expect(aDash.team.level1).toBe(1);
    expect(aDash.earnings.allTimeCents).toBeGreaterThan(0);
  });
});

describe("the owner always comes from the session", () => {
  test("no member, distributor or account page or action reads an owner id from the request", () => {
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : [path.join(d, n)]));
    const files = ["(member)", "(catalogue)", "(distributor)", "(account)"].flatMap((g) => walk(path.join(process.cwd(), "app", "[locale]", g))).filter((f) => /\.tsx?$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    const fromRequest = /(form\.get(All)?|searchParams|params|sp)\b[^\n;]*\b(memberId|distributorId|userId|ownerId)\b/;
    const offenders = files.flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .filter((line) => fromRequest.test(line) && !line.includes("actor.userId"))
        .map((line) => `${path.relative(process.cwd(), f)}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
