import { createFormatter, createTranslator } from "next-intl";
import { describe, expect, test } from "vitest";
import { freezeClock } from "@/lib/clock";
import type { Locale } from "@/lib/i18n/locales";
import { cancelRedemption } from "@/lib/mall/cancel-redemption";
import { redeemReward } from "@/lib/mall/redeem-reward";
import { memberWithPoints, testReward } from "@/lib/mall/testing";
import { listEntries } from "@/lib/points/list-entries";
import en from "@/messages/en.json";
import zh from "@/messages/zh-CN.json";
import { describeEntry, type EntryTextContext } from "./entry-text";

const web = { source: "web" as const, actor: "member" };

async function rows(memberId: string, locale: Locale) {
  const messages = locale === "en" ? en : zh;
  // The app's translator type is the loosely typed one getTranslations gives; the messages are the same.
  const t = createTranslator({ locale, messages, namespace: "member.entry" }) as unknown as EntryTextContext["t"];
  const format = createFormatter({ locale, timeZone: "Asia/Shanghai" });
  const { entries } = await listEntries(memberId);
  return entries.map((e) => describeEntry(e, { t, format, locale }));
}

describe("a redemption in the member's history", () => {
  test("names the reward it bought and the one it gave back, in both languages, with the price when the title does not say it", async () => {
    const clock = freezeClock(new Date("2026-06-01T04:00:00Z"));
    // Silver: the default rules take 5 % off catalogue prices.
    const m = await memberWithPoints(10_000, { tierCode: "silver" });
    // Goods: still `placed`, so the member may cancel.
    const mug = await testReward({ type: "physical", name: "马克杯", nameEn: "Mug", pointsPrice: 400 });
    const r = await redeemReward({ ...web, memberId: m, rewardId: mug.id, quantity: 2, shippingAddress: { recipient: "陈静" } });
    clock.advance(60_000);
    await cancelRedemption({ redemptionId: r.id, by: "member", memberId: m, actor: "member" });

    // Newest first: the cancellation's restore, the spend, the test's opening credit.
    const [restored, spent] = await rows(m, "en");
    expect(spent).toMatchObject({ category: "spend", points: -760, title: "Redeemed: Mug", detail: "2 × 380 points: your tier's 5% off 400", href: `/redemptions/${r.id}` });
    expect(restored).toMatchObject({ category: "restore", points: 760, title: "Redemption cancelled: Mug", detail: "Returned to the lots they were spent from, with their original expiry dates", href: `/redemptions/${r.id}` });

    const [restoredZh, spentZh] = await rows(m, "zh-CN");
    expect(spentZh).toMatchObject({ title: "兑换：马克杯", detail: "2 × 380 积分：会员等级优惠 5%，原价 400" });
    expect(restoredZh).toMatchObject({ title: "取消兑换：马克杯", detail: "积分退回原批次，有效期不变" });
  });

  test("one unit at the list price needs no detail; an admin's free-text reason stays as typed", async () => {
    freezeClock(new Date("2026-06-01T04:00:00Z"));
    const m = await memberWithPoints(1_000);
    const pen = await testReward({ name: "钢笔", pointsPrice: 100 });
    await redeemReward({ ...web, memberId: m, rewardId: pen.id, quantity: 1 });
    const [spent, opening] = await rows(m, "en");
    // No English name: the Chinese one.
    expect(spent).toMatchObject({ title: "Redeemed: 钢笔", detail: null });
    expect(opening).toMatchObject({ title: "test", detail: null, href: null });
  });
});
