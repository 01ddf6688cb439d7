import { describe, expect, test } from "vitest";
import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, rewards, stockMovements } from "@/db/schema";
import { freezeClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { testReward } from "../testing";
import { addReward } from "./add-reward";
import { rewardInputFromForm, rewardFormValues } from "./reward-form";
import { searchRewards } from "./search-rewards";
import { setRewardActive } from "./set-reward-active";
import { scheduleReward } from "./schedule-reward";
import { auditOf, physicalRedemption, staff } from "./testing";
import { updateReward } from "./update-reward";

const T0 = new Date("2026-11-23T02:00:00Z");
const base = { name: "保温杯", type: "physical", pointsPrice: 3_000, stock: 25 } as const;
const sku = () => `ADM-${newId().slice(-10)}`;
const auditCount = async () => (await db.select({ n: count() }).from(auditLog))[0]!.n;
const rewardCount = async () => (await db.select({ n: count() }).from(rewards))[0]!.n;

describe("addReward", () => {
  test("creates the reward, its opening stock movement and the audit entry in one go", async () => {
    freezeClock(T0);
    const r = await addReward({ ...base, sku: "CUP-ADMIN-1", nameEn: "Thermos", category: "home", tierCodes: ["gold"] }, staff);
    expect(r).toMatchObject({ sku: "CUP-ADMIN-1", stock: 25, active: true, tierCodes: ["gold"] });
    const moves = await db.select().from(stockMovements).where(eq(stockMovements.rewardId, r.id));
    expect(moves).toMatchObject([{ delta: 25, stockAfter: 25, reason: "opening stock", actor: "admin:ops@shop.test" }]);
    const [entry] = await auditOf(r.id);
    expect(entry).toMatchObject({ action: "reward.create", targetType: "reward", actorLabel: "ops@shop.test", actorId: staff.userId });
    expect(entry!.after).toMatchObject({ sku: "CUP-ADMIN-1", stock: 25, pointsPrice: 3_000 });
  });

  test("HTML in a name is stored exactly as typed (pages render it as text)", async () => {
    const name = `<img src=x onerror="alert(1)"><script>alert(2)</script>`;
    const r = await addReward({ ...base, sku: sku(), name: name.slice(0, 100) }, staff);
    expect(r.name).toBe(name.slice(0, 100));
  });

  test.each([
    ["no name", { name: "" }, "name"],
    ["a negative price", { pointsPrice: -5 }, "pointsPrice"],
    ["negative stock", { stock: -1 }, "stock"],
    ["an sku with spaces", { sku: "A B" }, "sku"],
    ["a javascript: image", { imageUrl: "javascript:alert(1)" }, "imageUrl"],
    ["a flash reward without a window", { flash: true }, "startsAt"],
    ["an end before the start", { startsAt: "2026-12-02T00:00:00Z", endsAt: "2026-12-01T00:00:00Z" }, "endsAt"],
    ["coupon fields on goods", { couponSource: "pool" }, "couponSource"],
    ["a guessable coupon pattern", { type: "coupon", couponSource: "pattern", couponPattern: "JF-99" }, "couponPattern"],
  ])("refuses %s on its field and writes nothing", async (_what, overrides, path) => {
    const [before, audits] = [await rewardCount(), await auditCount()];
    await expect(addReward({ ...base, sku: sku(), ...overrides }, staff)).rejects.toMatchObject({ code: "invalid-request", errors: expect.arrayContaining([expect.objectContaining({ path })]) });
    expect([await rewardCount(), await auditCount()]).toEqual([before, audits]);
  });

  test("a taken sku is a duplicate on the sku field, and nothing is written", async () => {
    const s = sku();
    await addReward({ ...base, sku: s }, staff);
    const audits = await auditCount();
    await expect(addReward({ ...base, sku: s }, staff)).rejects.toMatchObject({ code: "duplicate", errors: [{ path: "sku" }] });
    expect(await auditCount()).toBe(audits);
  });

  test("the form parser hands the schema what was typed; blank optional fields are null", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ sku: " TEA-9 ", name: "茶", type: "coupon", pointsPrice: "1,500", stock: "", perMemberLimit: "2", startsAt: "2026-12-01T10:00", endsAt: "", couponSource: "pool", couponPattern: "IGNORED", images: "/a.png\n\n/b.png" })) form.set(k, v);
    form.append("tierCodes", "gold");
    form.append("tierCodes", "gold");
    form.set("active", "on");
    const input = rewardInputFromForm(form, "Asia/Shanghai");
    expect(input).toMatchObject({ sku: "TEA-9", pointsPrice: 1500, stock: null, perMemberLimit: 2, tierCodes: ["gold"], active: true, flash: false, startsAt: "2026-12-01T02:00:00.000Z", endsAt: null, couponSource: "pool", couponPattern: null, images: ["/a.png", "/b.png"], nameEn: null });
    form.set("pointsPrice", "12.5");
    expect(rewardInputFromForm(form, "Asia/Shanghai").pointsPrice).toBeNaN();
  });
});

describe("updateReward", () => {
  test("changes the fields, audits only what changed, and never touches the stock", async () => {
    freezeClock(T0);
    const r = await addReward({ ...base, sku: sku() }, staff);
    const values = rewardFormValues(r, "Asia/Shanghai");
    const updated = await updateReward(r.id, { ...base, sku: r.sku, name: "新保温杯", pointsPrice: 2_500, stock: 999, tierCodes: [], active: values.active }, staff);
    expect(updated).toMatchObject({ name: "新保温杯", pointsPrice: 2_500, stock: 25 });
    const [entry] = await auditOf(r.id, "reward.update");
    expect(entry!.before).toEqual({ name: "保温杯", pointsPrice: 3_000 });
    expect(entry!.after).toEqual({ name: "新保温杯", pointsPrice: 2_500 });
    // The same values again: nothing to audit.
    await updateReward(r.id, { ...base, sku: r.sku, name: "新保温杯", pointsPrice: 2_500 }, staff);
    expect(await auditOf(r.id, "reward.update")).toHaveLength(1);
  });

  test("the type is fixed once something was redeemed", async () => {
    const { reward } = await physicalRedemption();
    await expect(updateReward(reward.id, { ...base, sku: reward.sku, type: "virtual" }, staff)).rejects.toMatchObject({ code: "conflict", errors: [{ path: "type", message: "locked" }] });
    const [row] = await db.select().from(rewards).where(eq(rewards.id, reward.id));
    expect(row!.type).toBe("physical");
  });

  test("turning an unredeemed reward into a coupon pool starts its stock at 0 with a movement", async () => {
    const r = await testReward({ type: "virtual", stock: null });
    const updated = await updateReward(r.id, { sku: r.sku, name: r.name, type: "coupon", couponSource: "pool", pointsPrice: 100 }, staff);
    expect(updated).toMatchObject({ type: "coupon", couponSource: "pool", stock: 0 });
    const limited = await testReward({ type: "virtual", stock: 5 });
    await expect(updateReward(limited.id, { sku: limited.sku, name: "x", type: "coupon", couponSource: "pool", pointsPrice: 100 }, staff)).rejects.toMatchObject({ errors: [{ path: "couponSource", message: "stock-not-zero" }] });
  });

  test("another reward's sku, an unknown or malformed id, and invalid fields are refused", async () => {
    const a = await addReward({ ...base, sku: sku() }, staff);
    const b = await addReward({ ...base, sku: sku() }, staff);
    await expect(updateReward(b.id, { ...base, sku: a.sku }, staff)).rejects.toMatchObject({ code: "duplicate", errors: [{ path: "sku" }] });
    await expect(updateReward(newId(), { ...base, sku: sku() }, staff)).rejects.toMatchObject({ code: "not-found" });
    await expect(updateReward("../../etc", { ...base, sku: sku() }, staff)).rejects.toMatchObject({ code: "not-found" });
    await expect(updateReward(b.id, { ...base, sku: b.sku, pointsPrice: 0 }, staff)).rejects.toMatchObject({ code: "invalid-request" });
    expect(await auditOf(b.id, "reward.update")).toEqual([]);
  });
});

describe("setRewardActive and scheduleReward", () => {
  test("deactivate and activate are audited; repeating one is a no-op", async () => {
    const r = await addReward({ ...base, sku: sku() }, staff);
    expect((await setRewardActive(r.id, false, staff)).active).toBe(false);
    expect((await setRewardActive(r.id, false, staff)).active).toBe(false);
    expect((await setRewardActive(r.id, true, staff)).active).toBe(true);
    expect((await auditOf(r.id)).map((a) => a.action)).toEqual(["reward.create", "reward.deactivate", "reward.activate"]);
    await expect(setRewardActive(newId(), true, staff)).rejects.toMatchObject({ code: "not-found" });
  });

  test("a schedule is set, cleared, and checked (end after start; a flash reward needs both ends)", async () => {
    const r = await addReward({ ...base, sku: sku() }, staff);
    const s = await scheduleReward(r.id, { startsAt: "2026-12-01T00:00:00Z", endsAt: "2026-12-08T00:00:00+08:00" }, staff);
    expect([s.startsAt?.toISOString(), s.endsAt?.toISOString()]).toEqual(["2026-12-01T00:00:00.000Z", "2026-12-07T16:00:00.000Z"]);
    await expect(scheduleReward(r.id, { startsAt: "2026-12-08T00:00:00Z", endsAt: "2026-12-01T00:00:00Z" }, staff)).rejects.toMatchObject({ errors: [{ path: "endsAt" }] });
    await expect(scheduleReward(r.id, { startsAt: "tomorrow", endsAt: null }, staff)).rejects.toMatchObject({ code: "invalid-request" });
    const cleared = await scheduleReward(r.id, { startsAt: null, endsAt: null }, staff);
    expect([cleared.startsAt, cleared.endsAt]).toEqual([null, null]);
    expect((await auditOf(r.id, "reward.schedule")).map((a) => a.after)).toEqual([
      { startsAt: "2026-12-01T00:00:00.000Z", endsAt: "2026-12-07T16:00:00.000Z" },
      { startsAt: null, endsAt: null },
    ]);
    const flash = await addReward({ ...base, sku: sku(), flash: true, startsAt: "2026-12-01T00:00:00Z", endsAt: "2026-12-02T00:00:00Z" }, staff);
    await expect(scheduleReward(flash.id, { startsAt: "2026-12-01T00:00:00Z", endsAt: null }, staff)).rejects.toMatchObject({ errors: [{ path: "endsAt" }] });
  });
});

describe("searchRewards", () => {
  test("searches sku and both names, filters by type, category and active, pages", async () => {
    const tag = newId().slice(-6).toUpperCase();
    for (let i = 0; i < 23; i++) await addReward({ ...base, sku: `S${tag}-${String(i).padStart(2, "0")}`, name: `搜索 ${i}`, nameEn: `Findme ${tag}`, category: i % 2 ? "odd" : "even", type: i < 3 ? "virtual" : "physical", active: i !== 5 }, staff);
    const page1 = await searchRewards({ q: tag.toLowerCase() });
    expect(page1).toMatchObject({ total: 23, pages: 2, page: 1 });
    expect(page1.rewards).toHaveLength(20);
    expect((await searchRewards({ q: tag, page: "2" })).rewards).toHaveLength(3);
    expect((await searchRewards({ q: `findme ${tag}` })).total).toBe(23);
    expect((await searchRewards({ q: tag, type: "virtual" })).total).toBe(3);
    expect((await searchRewards({ q: tag, category: "odd" })).total).toBe(11);
    expect((await searchRewards({ q: tag, active: "false" })).rewards.map((r) => r.sku)).toEqual([`S${tag}-05`]);
    expect(page1.categories).toEqual(expect.arrayContaining(["even", "odd"]));
    // A % typed in the box is a percent sign, not "anything"; junk filters are ignored.
    expect((await searchRewards({ q: "%" })).total).toBe(0);
    expect((await searchRewards({ q: tag, type: "bogus", active: "maybe", page: "-3" })).total).toBe(23);
  });
});
