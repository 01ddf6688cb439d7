import { describe, expect, test } from "vitest";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { rewards, stockMovements } from "@/db/schema";
import { newId } from "@/lib/ids";
import { testReward } from "../testing";
import { adjustStock } from "./adjust-stock";
import { getRewardDetail } from "./get-reward-detail";
import { auditOf, staff } from "./testing";

async function stockAndMoves(rewardId: string) {
  const [r] = await db.select({ stock: rewards.stock }).from(rewards).where(eq(rewards.id, rewardId));
  const moves = await db.select().from(stockMovements).where(eq(stockMovements.rewardId, rewardId)).orderBy(asc(stockMovements.createdAt), asc(stockMovements.id));
  return { stock: r!.stock, moves: moves.map((m) => [m.delta, m.stockAfter, m.reason]) };
}

describe("adjustStock", () => {
  test("adds and removes units with a movement row and an audit entry each; history newest first", async () => {
    const r = await testReward({ type: "physical", stock: 10 });
    expect(await adjustStock(r.id, { mode: "delta", delta: 5, reason: "restocked from supplier" }, staff)).toMatchObject({ stockBefore: 10, stockAfter: 15, delta: 5 });
    expect(await adjustStock(r.id, { mode: "delta", delta: -3, reason: "  damaged in storage " }, staff)).toMatchObject({ stockBefore: 15, stockAfter: 12 });
    expect(await stockAndMoves(r.id)).toEqual({ stock: 12, moves: [[10, 10, "opening stock"], [5, 15, "restocked from supplier"], [-3, 12, "damaged in storage"]] });
    const audits = await auditOf(r.id, "reward.stock-adjust");
    expect(audits.map((a) => [a.before, a.after])).toEqual([
      [{ stock: 10 }, { stock: 15, delta: 5, reason: "restocked from supplier" }],
      [{ stock: 15 }, { stock: 12, delta: -3, reason: "damaged in storage" }],
    ]);
    const detail = await getRewardDetail(r.id);
    expect(detail!.movements.map((m) => m.delta)).toEqual([-3, 5, 10]);
  });

  test("never below zero: the whole adjustment is refused and nothing is written", async () => {
    const r = await testReward({ type: "physical", stock: 4 });
    const before = await stockAndMoves(r.id);
    await expect(adjustStock(r.id, { mode: "delta", delta: -5, reason: "count" }, staff)).rejects.toMatchObject({ code: "conflict", errors: [{ path: "delta", message: "below-zero" }], params: { stock: 4 } });
    expect(await stockAndMoves(r.id)).toEqual(before);
    expect(await auditOf(r.id, "reward.stock-adjust")).toEqual([]);
    // Down to exactly zero is fine.
    expect((await adjustStock(r.id, { mode: "delta", delta: -4, reason: "count" }, staff)).stockAfter).toBe(0);
  });

  test("concurrent decrements cannot oversell the count", async () => {
    const r = await testReward({ type: "physical", stock: 5 });
    const results = await Promise.allSettled([1, 2, 3].map(() => adjustStock(r.id, { mode: "delta", delta: -2, reason: "shrinkage" }, staff)));
    expect(results.filter((x) => x.status === "fulfilled")).toHaveLength(2);
    const { stock, moves } = await stockAndMoves(r.id);
    expect(stock).toBe(1);
    expect(moves.at(-1)).toEqual([-2, 1, "shrinkage"]);
  });

  test.each([
    ["no reason", { mode: "delta", delta: 1, reason: "  " }, "reason"],
    ["a zero delta", { mode: "delta", delta: 0, reason: "x" }, "delta"],
    ["a fractional delta", { mode: "delta", delta: 1.5, reason: "x" }, "delta"],
    ["an unknown mode", { mode: "set", stock: 3, reason: "x" }, "mode"],
  ])("refuses %s (field error, nothing written)", async (_what, input, path) => {
    const r = await testReward({ type: "physical", stock: 3 });
    await expect(adjustStock(r.id, input, staff)).rejects.toMatchObject({ code: "invalid-request", errors: [expect.objectContaining({ path })] });
    expect((await stockAndMoves(r.id)).moves).toHaveLength(1);
  });

  test("switching between unlimited and counted stock is a movement too", async () => {
    const r = await testReward({ type: "virtual", stock: null });
    await expect(adjustStock(r.id, { mode: "delta", delta: -1, reason: "x" }, staff)).rejects.toMatchObject({ errors: [{ message: "unlimited" }] });
    await adjustStock(r.id, { mode: "limit", stock: 100, reason: "limited edition" }, staff);
    await expect(adjustStock(r.id, { mode: "limit", stock: 5, reason: "again" }, staff)).rejects.toMatchObject({ errors: [{ message: "already-limited" }] });
    await adjustStock(r.id, { mode: "unlimited", reason: "digital, no limit" }, staff);
    expect(await stockAndMoves(r.id)).toEqual({ stock: null, moves: [[100, 100, "limited edition"], [0, null, "digital, no limit"]] });
    expect((await auditOf(r.id, "reward.stock-adjust")).map((a) => [a.before, (a.after as { stock: number | null }).stock])).toEqual([[{ stock: null }, 100], [{ stock: 100 }, null]]);
  });

  test("a coupon pool only shrinks by hand (it grows by importing codes)", async () => {
    const r = await testReward({ type: "coupon", couponSource: "pool" });
    await expect(adjustStock(r.id, { mode: "delta", delta: 5, reason: "x" }, staff)).rejects.toMatchObject({ code: "conflict", errors: [{ message: "pool" }] });
    await expect(adjustStock(r.id, { mode: "unlimited", reason: "x" }, staff)).rejects.toMatchObject({ code: "conflict" });
  });

  test("an unknown or malformed reward id is not found", async () => {
    await expect(adjustStock(newId(), { mode: "delta", delta: 1, reason: "x" }, staff)).rejects.toMatchObject({ code: "not-found" });
    await expect(adjustStock("1 or 1=1", { mode: "delta", delta: 1, reason: "x" }, staff)).rejects.toMatchObject({ code: "not-found" });
  });
});
