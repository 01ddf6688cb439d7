import { describe, expect, test } from "vitest";
import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { couponCodes, rewards, stockMovements } from "@/db/schema";
import { redeemReward } from "../redeem-reward";
import { memberWithPoints, testReward } from "../testing";
import { importCouponCodes, readCodeLines } from "./import-coupon-codes";
import { auditOf, staff } from "./testing";

const pool = () => testReward({ type: "coupon", couponSource: "pool", pointsPrice: 100 });
async function state(rewardId: string) {
  const [r] = await db.select({ stock: rewards.stock }).from(rewards).where(eq(rewards.id, rewardId));
  const [codes] = await db.select({ n: count() }).from(couponCodes).where(eq(couponCodes.rewardId, rewardId));
  const moves = await db.select().from(stockMovements).where(eq(stockMovements.rewardId, rewardId));
  return { stock: r!.stock, codes: codes!.n, moves: moves.map((m) => [m.delta, m.stockAfter]) };
}

describe("importCouponCodes", () => {
  test("imports new codes, reports duplicates and invalid lines, and grows the stock by what landed", async () => {
    const r = await pool();
    const text = ["code", "SHOP-AAAA-0001", "SHOP-AAAA-0002", "", "SHOP-AAAA-0001", "bad code!", "x", "<script>", '"SHOP-AAAA-0003",extra,cells', "SHOP-AAAA-0004\tnote"].join("\n");
    const report = await importCouponCodes(r.id, text, staff);
    expect(report).toMatchObject({ imported: 4, duplicates: 1, existing: 0, invalid: 3, stockAfter: 4 });
    expect(report.problems).toEqual([
      { line: 5, code: "SHOP-AAAA-0001", status: "duplicate" },
      { line: 6, code: "bad code!", status: "invalid" },
      { line: 7, code: "x", status: "invalid" },
      { line: 8, code: "<script>", status: "invalid" },
    ]);
    expect(await state(r.id)).toEqual({ stock: 4, codes: 4, moves: [[4, 4]] });
    const [entry] = await auditOf(r.id, "reward.coupon-import");
    expect(entry!.after).toMatchObject({ stock: 4, imported: 4, duplicates: 1, invalid: 3 });
  });

  test("importing the same file again imports nothing and writes nothing", async () => {
    const r = await pool();
    const text = "CODE-1111\nCODE-2222\n";
    await importCouponCodes(r.id, text, staff);
    const again = await importCouponCodes(r.id, text, staff);
    expect(again).toMatchObject({ imported: 0, existing: 2, stockAfter: 2 });
    expect(await state(r.id)).toEqual({ stock: 2, codes: 2, moves: [[2, 2]] });
    expect(await auditOf(r.id, "reward.coupon-import")).toHaveLength(1);
  });

  test("a code used by another pool is reported as existing, never moved", async () => {
    const a = await pool();
    const b = await pool();
    await importCouponCodes(a.id, "SHARED-0001", staff);
    const report = await importCouponCodes(b.id, "SHARED-0001\nOWN-00001", staff);
    expect(report).toMatchObject({ imported: 1, existing: 1 });
    expect((await state(a.id)).codes).toBe(1);
  });

  test("the imported codes are what members then receive", async () => {
    const r = await pool();
    await importCouponCodes(r.id, "GIFT-0001\nGIFT-0002", staff);
    const m = await memberWithPoints(1_000);
    const redeemed = await redeemReward({ memberId: m, rewardId: r.id, quantity: 2, source: "web", actor: "member" });
    expect(redeemed.coupons!.map((c) => c.code).sort()).toEqual(["GIFT-0001", "GIFT-0002"]);
  });

  test.each([
    ["an empty paste", "\n\n  \n", "empty"],
    ["only a header", "code\n", "empty"],
  ])("refuses %s", async (_what, text, message) => {
    const r = await pool();
    await expect(importCouponCodes(r.id, text, staff)).rejects.toMatchObject({ code: "invalid-request", errors: [{ message }] });
    expect(await state(r.id)).toEqual({ stock: 0, codes: 0, moves: [] });
  });

  test("only a coupon pool takes codes; unknown rewards are not found", async () => {
    const goods = await testReward({ type: "physical", stock: 3 });
    await expect(importCouponCodes(goods.id, "CODE-9999", staff)).rejects.toMatchObject({ code: "conflict", errors: [{ message: "not-a-pool" }] });
    const pattern = await testReward({ type: "coupon", couponSource: "pattern" });
    await expect(importCouponCodes(pattern.id, "CODE-9999", staff)).rejects.toMatchObject({ code: "conflict" });
    expect(await db.select().from(couponCodes).where(eq(couponCodes.code, "CODE-9999"))).toEqual([]);
    await expect(importCouponCodes("nope", "CODE-9999", staff)).rejects.toMatchObject({ code: "not-found" });
  });

  test("a file of only invalid lines imports nothing and writes nothing", async () => {
    const r = await pool();
    const report = await importCouponCodes(r.id, "a b\n=cmd|' /C calc'!A0\n", staff);
    expect(report).toMatchObject({ imported: 0, invalid: 2 });
    expect(await state(r.id)).toEqual({ stock: 0, codes: 0, moves: [] });
    expect(await auditOf(r.id, "reward.coupon-import")).toEqual([]);
  });

  test("readCodeLines takes the first cell of each line, skipping a header", () => {
    expect(readCodeLines("Code,value\r\nAB12-CD,5\r\n\"EF34-GH\",6").map((l) => [l.line, l.code, l.valid])).toEqual([
      [2, "AB12-CD", true],
      [3, "EF34-GH", true],
    ]);
  });
});
