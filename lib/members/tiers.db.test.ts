import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { members, tierHistory, users } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { createOrderSchema } from "@/lib/orders/schemas";
import { reviewTiers } from "./review-tiers";

const T0 = new Date("2026-01-07T04:00:00Z"); // a Wednesday
async function member(tierCode = "regular") {
  const id = newId();
  await db.insert(users).values({ id, email: `${id}@t.test`, createdAt: T0, updatedAt: T0 });
  await db.insert(members).values({ id, tierCode, createdAt: T0 });
  return id;
}
const buy = (memberId: string, cents: number) =>
  ingestOrder(createOrderSchema.parse({ externalId: newId(), memberId, items: [{ sku: "X", quantity: 1, unitPriceCents: cents }] }), { actor: "t" });
const tierOf = async (id: string) => (await db.select().from(members).where(eq(members.id, id)))[0]!.tierCode;

describe("tiers", () => {
  test("upgrade as soon as points earned in the window cross a threshold (never by balance)", async () => {
    freezeClock(T0);
    const m = await member();
    await buy(m, 499_900); // 4,999 points
    expect(await tierOf(m)).toBe("regular");
    await buy(m, 100); // 5,000 → Silver
    expect(await tierOf(m)).toBe("silver");
    const history = await db.select().from(tierHistory).where(eq(tierHistory.memberId, m));
    expect(history).toMatchObject([{ fromCode: "regular", toCode: "silver", reason: "qualified" }]);
    // Silver earns ×1.2 from now on
    expect((await buy(m, 10_000)).points.awarded).toBe(120);
  });

  test("the period-end review downgrades members whose window no longer qualifies", async () => {
    const clock = freezeClock(T0);
    const stays = await member();
    await buy(stays, 2_100_000); // 21,000 points → Gold
    expect(await tierOf(stays)).toBe("gold");
    const lapses = await member("gold"); // gold from long ago, nothing earned since
    clock.set(new Date(T0.getTime() + 30 * DAY_MS));
    const result = await reviewTiers();
    expect(result.downgraded).toBeGreaterThanOrEqual(1);
    expect(await tierOf(lapses)).toBe("regular");
    expect(await tierOf(stays)).toBe("gold");
    clock.set(new Date(T0.getTime() + 400 * DAY_MS)); // the window has rolled past the big order
    await reviewTiers();
    expect(await tierOf(stays)).toBe("regular");
  });
});
