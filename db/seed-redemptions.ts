// Demo redemptions through the real use case (points spent from real lots, stock taken, coupons
// issued), spread over the last weeks, plus an address book for the members who redeem goods, so
// "My redemptions", the coupon wallet and the fulfilment queue have something to show.
// Deterministic: fixed choices, fixed confirmation tokens, the clock set to each moment.
import { type Tx } from "@/db/client";
import { memberAddresses } from "@/db/schema";
import { DAY_MS, now, resetClock, setClock } from "@/lib/clock";
import { redeemReward } from "@/lib/mall/redeem-reward";
import type { DemoMember } from "./seed-data/people";

export interface DemoAddress {
  recipient: string;
  phone: string;
  region: string;
  line: string;
  postalCode: string;
}

/** Who redeems what, how many days ago. Each member can afford it (db/seed.db.test.ts counts them). */
const PLAN: { member: string; sku: string; quantity: number; daysAgo: number }[] = [
  { member: "chen.jing", sku: "DRK-BOBA-01", quantity: 1, daysAgo: 20 },
  { member: "chen.jing", sku: "DRK-DRIP-01", quantity: 1, daysAgo: 3 },
  { member: "wang.fang", sku: "DRK-DRIP-01", quantity: 1, daysAgo: 12 },
  { member: "yang.fan", sku: "HOME-MUG-01", quantity: 1, daysAgo: 9 },
  { member: "guo.jia", sku: "DRK-BOBA-01", quantity: 2, daysAgo: 6 },
  { member: "xu.yang", sku: "TEA-BAG-01", quantity: 1, daysAgo: 4 },
  { member: "xu.nuo", sku: "HOME-TOTE-01", quantity: 1, daysAgo: 2 },
  { member: "zheng.kai", sku: "DRK-DRIP-01", quantity: 1, daysAgo: 1 },
  { member: "ma.chao", sku: "DRK-BOBA-01", quantity: 1, daysAgo: 1 },
];

export const DEMO_ADDRESSES: Record<string, DemoAddress> = {
  "chen.jing": { recipient: "陈静", phone: "13500000921", region: "上海市 徐汇区", line: "漕溪北路 88 号 12 楼 1203 室", postalCode: "200030" },
  "wang.fang": { recipient: "王芳", phone: "13800001111", region: "浙江省 杭州市 西湖区", line: "文三路 398 号 5 幢 402", postalCode: "310013" },
  "yang.fan": { recipient: "杨帆", phone: "13500005012", region: "广东省 深圳市 南山区", line: "科技园南区 高新南七道 6 号", postalCode: "518057" },
  "xu.yang": { recipient: "徐阳", phone: "15800008717", region: "北京市 朝阳区", line: "建国路 93 号 万达广场 B 座 1506", postalCode: "100022" },
  "xu.nuo": { recipient: "许诺", phone: "13900009832", region: "四川省 成都市 武侯区", line: "天府大道北段 1700 号 9 栋", postalCode: "610041" },
  "zheng.kai": { recipient: "郑凯", phone: "13700000001", region: "江苏省 南京市 鼓楼区", line: "中山北路 30 号 2 单元 601", postalCode: "210008" },
};

export async function seedRedemptions(tx: Tx, people: (DemoMember & { id: string })[], demoId: (key: string) => string): Promise<number> {
  const idOf = new Map(people.map((p) => [p.key, p.id]));
  const end = now().getTime();
  await tx.insert(memberAddresses).values(
    Object.entries(DEMO_ADDRESSES).map(([key, a]) => ({ id: demoId(`address:${key}`), memberId: idOf.get(key)!, ...a, isDefault: true, createdAt: new Date(end - 30 * DAY_MS), updatedAt: new Date(end - 30 * DAY_MS) })),
  );
  let made = 0;
  try {
    for (const [i, p] of PLAN.entries()) {
      const memberId = idOf.get(p.member);
      if (!memberId) throw new Error(`demo redemption for unknown member ${p.member}`);
      setClock(() => end - p.daysAgo * DAY_MS + i * 60_000);
      const address = DEMO_ADDRESSES[p.member];
      await redeemReward(
        { memberId, rewardId: demoId(`reward:${p.sku}`), quantity: p.quantity, shippingAddress: address ? { ...address } : null, requestKey: `demo-${i}`, source: "web", actor: "seed" },
        tx,
      );
      made++;
    }
  } finally {
    resetClock();
  }
  return made;
}
