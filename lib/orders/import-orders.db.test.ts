import { describe, expect, test } from "vitest";
import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { members, orders, users } from "@/db/schema";
import { freezeClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { importOrdersCsv } from "./import-orders";

describe("importOrdersCsv", () => {
  test("valid orders land, invalid ones don't, every row is reported, and re-import is idempotent", async () => {
    freezeClock("2026-05-06T04:00:00Z");
    const id = newId();
    await db.insert(users).values({ id, email: "csv@example.com", createdAt: new Date(), updatedAt: new Date() });
    await db.insert(members).values({ id, createdAt: new Date() });
    const csv = [
      "externalId,member,placedAt,sku,name,category,quantity,unitPriceCents,discountCents,shippingCents,pointsRedeemed",
      "CSV-1,csv@example.com,2026-05-01T10:00:00Z,TEA,Tea,drinks,2,5900,800,1000,0",
      `CSV-1,csv@example.com,,CUP,Cup,home,1,3000,0,,`,
      `CSV-2,${id},,TEA,Tea,drinks,1,2000,0,0,0`,
      "CSV-3,nobody@example.com,,TEA,Tea,drinks,1,2000,0,0,0",
      "CSV-4,csv@example.com,,TEA,Tea,drinks,-1,2000,0,0,0",
      "CSV-5,csv@example.com,,TEA,Tea,drinks,1,abc,0,0,0",
    ].join("\n");
    const first = await importOrdersCsv(csv, { actor: "admin" });
    expect(first).toMatchObject({ imported: 2, skipped: 0, failed: 3 });
    expect(first.rows.map((r) => [r.row, r.externalId, r.status])).toEqual([
      [1, "CSV-1", "imported"],
      [2, "CSV-1", "imported"],
      [3, "CSV-2", "imported"],
      [4, "CSV-3", "error"],
      [5, "CSV-4", "error"],
      [6, "CSV-5", "error"],
    ]);
    expect(first.rows[4]!.message).toContain("items.0.quantity");
    const [one] = await db.select().from(orders).where(eq(orders.externalId, "CSV-1"));
    expect(one).toMatchObject({ goodsCents: 14800, discountCents: 800, shippingCents: 1000, pointsAwarded: 140 });
    const again = await importOrdersCsv(csv, { actor: "admin" });
    expect(again).toMatchObject({ imported: 0, skipped: 2, failed: 3 });
    expect((await db.select({ n: count() }).from(orders))[0]!.n).toBe(2);
  });

  test("an unreadable file or missing columns is one clear error", async () => {
    expect((await importOrdersCsv("a,b\n1,2", { actor: "admin" })).rows[0]!.message).toMatch(/missing columns/);
    expect((await importOrdersCsv("", { actor: "admin" })).failed).toBe(1);
  });
});
