// GET /api/mall/me: the guard (anonymous 401, staff 403), what it accepts, and what it answers —
// the member's position and shell, their shelves on the home, their holding of one reward.
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "@/db/client";
import { redemptions, rewards, users, type Role } from "@/db/schema";
import type { MallMe } from "@/components/mall/me";
import { freezeClock } from "@/lib/clock";
import { memberWithPoints, testReward } from "@/lib/mall/testing";
import { redeemReward } from "@/lib/mall/redeem-reward";
import { newId } from "@/lib/ids";

// The session is the test's; the guard is the real one (it re-reads the user's roles from the database).
const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/session-user", () => ({ sessionUserId: async () => session.userId }));
const { GET } = await import("./route");

const T0 = new Date("2026-06-01T04:00:00Z");
/** Signs `userId` in with these roles (as stored: the guard reads them). */
async function signIn(userId: string | null, roles: Role[] = ["member"]) {
  session.userId = userId;
  if (userId) await db.update(users).set({ roles, name: "Chen Jing" }).where(eq(users.id, userId));
}
const get = async (query: string) => {
  const res = await GET(new Request(`http://shop.example/api/mall/me?${query}`));
  return { status: res.status, cache: res.headers.get("cache-control"), json: (await res.json()) as MallMe & { type?: string } };
};

let member: string;
let mug: Awaited<ReturnType<typeof testReward>>;
let goldOnly: Awaited<ReturnType<typeof testReward>>;

beforeAll(async () => {
  freezeClock(T0);
  await db.delete(rewards);
  member = await memberWithPoints(5_000, { tierCode: "silver" });
  mug = await testReward({ name: "马克杯", nameEn: "Mug", pointsPrice: 3_000, stock: 8, perMemberLimit: 3 });
  goldOnly = await testReward({ name: "耳机", nameEn: "Headphones", pointsPrice: 900, tierCodes: ["gold"] });
  await testReward({ name: "银卡专享", nameEn: "Silver perk", pointsPrice: 400, tierCodes: ["silver"] });
  await redeemReward({ memberId: member, rewardId: mug.id, quantity: 1, shippingAddress: null, requestKey: newId(), source: "web", actor: "test" });
});

describe("who may ask", () => {
  test("anonymous: 401 problem, never cached", async () => {
    await signIn(null);
    const r = await get("locale=en");
    expect(r).toMatchObject({ status: 401, json: { type: "unauthorized" } });
    expect(r.cache).toContain("no-store");
  });

  test("a staff account (no member role): 403", async () => {
    await signIn(member, ["admin"]);
    expect(await get("locale=en")).toMatchObject({ status: 403, json: { type: "forbidden" } });
  });

  test.each(["", "locale=fr", "locale=en&reward=not-an-id", "locale=en&shelves=yes"])("a bad query %j: 400", async (q) => {
    await signIn(member);
    expect(await get(q)).toMatchObject({ status: 400, json: { type: "invalid-request" } });
  });
});

describe("what a member gets", () => {
  test("position, tier price and shell; private, never cached", async () => {
    await signIn(member, ["member", "distributor"]);
    const r = await get("locale=en");
    expect(r.status).toBe(200);
    expect(r.cache).toBe("private, no-store");
    expect(r.json).toMatchObject({
      now: T0.toISOString(),
      shell: { name: "Chen Jing", areas: ["member", "distributor"] },
      position: { availablePoints: 5_000 - 2_850, tierCode: "silver", discountBps: 500, frozen: false },
      tierName: "Silver",
      discount: { tier: "Silver", bps: 500 },
      shelves: null,
      reward: null,
    });
  });

  test("shelves=1: what they can afford now and their tier's exclusives, as cards in the asked language", async () => {
    await signIn(member);
    const { json } = await get("locale=zh-CN&shelves=1");
    expect(json.shelves!.exclusive.map((c) => c.name)).toEqual(["银卡专享"]);
    expect(json.shelves!.affordable.map((c) => c.name)).toEqual(["银卡专享"]); // the mug (2 850) is 700 out of reach; gold's are not theirs
    expect(json.tierName).toBe("白银会员");
    // A card holds catalogue facts only: nothing about this member.
    expect(Object.keys(json.shelves!.affordable[0]!).sort()).toEqual(["endsAt", "flash", "id", "imageUrl", "name", "pointsPrice", "startsAt", "stock", "tierCodes", "tierNames", "type"]);
  });

  test("reward=<id>: units held and the terms now (stock after their redemption), for quote() in the browser", async () => {
    await signIn(member);
    const { json } = await get(`locale=en&reward=${mug.id}`);
    expect(json.reward).toEqual({
      held: 1,
      terms: { type: mug.type, pointsPrice: 3_000, stock: 7, perMemberLimit: 3, tierCodes: [], active: true, startsAt: null, endsAt: null },
    });
    expect((await get(`locale=en&reward=${goldOnly.id}`)).json.reward).toMatchObject({ held: 0, terms: { tierCodes: ["gold"] } });
    expect((await get(`locale=en&reward=${newId()}`)).json.reward).toBeNull();
  });

  test("a cancelled redemption no longer counts", async () => {
    await signIn(member);
    await db.update(redemptions).set({ status: "cancelled" }).where(eq(redemptions.memberId, member));
    expect((await get(`locale=en&reward=${mug.id}`)).json.reward!.held).toBe(0);
  });
});
