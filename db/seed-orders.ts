// The demo's order history: a few hundred orders over the last 90 days, ingested through the real
// use case (so points, lots, tiers and the ledger are exactly what production would write), with
// some paid partly with points and some refunded. A seeded PRNG keeps it the same every time.
import type { Tx } from "@/db/client";
import { DAY_MS, now, resetClock, setClock } from "@/lib/clock";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { isDomainError } from "@/lib/errors";
import type { DemoMember } from "./seed-data/people";

/** mulberry32: tiny, fast, good enough for demo data, and deterministic for a given seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// What the demo shop sells (not the rewards: these are the merchant's own products).
const PRODUCTS = [
  { sku: "TEA-LJ-250", name: "明前龙井 250g", category: "tea", unitPriceCents: 16800 },
  { sku: "TEA-PE-357", name: "普洱茶饼 357g", category: "tea", unitPriceCents: 22800 },
  { sku: "TEA-JS-100", name: "茉莉花茶 100g", category: "tea", unitPriceCents: 5900 },
  { sku: "CUP-GL-01", name: "双层玻璃杯", category: "teaware", unitPriceCents: 8900 },
  { sku: "POT-ZS-01", name: "紫砂壶", category: "teaware", unitPriceCents: 39800 },
  { sku: "SNK-NUT-01", name: "每日坚果 30 包", category: "snacks", unitPriceCents: 12900 },
  { sku: "SNK-CK-01", name: "桂花糕礼盒", category: "snacks", unitPriceCents: 6800 },
  { sku: "GFT-BOX-01", name: "茶礼盒 中秋款", category: "gifts", unitPriceCents: 49900 },
] as const;

const ORDERS_BY_ACTIVITY = { high: [7, 11], medium: [3, 6], low: [1, 3], dormant: [0, 1] } as const;

export async function seedOrders(tx: Tx, people: (DemoMember & { id: string })[]): Promise<{ orders: number; refunds: number }> {
  const rand = prng(20261123);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const end = now().getTime();
  const planned: { placedAt: Date; member: string; n: number }[] = [];
  for (const p of people) {
    const [lo, hi] = ORDERS_BY_ACTIVITY[p.activity];
    const count = between(lo, hi);
    const joined = end - p.joinedDaysAgo * DAY_MS;
    for (let i = 0; i < count; i++) {
      const start = Math.max(joined, end - 90 * DAY_MS);
      planned.push({ placedAt: new Date(start + rand() * (end - start - 3600_000)), member: p.id, n: i });
    }
    // Busy members who joined long ago also bought about 350 days ago: with the default 365-day
    // expiry those points run out within weeks, so the demo shows "N points expire on …".
    if (p.activity === "high" && p.joinedDaysAgo > 355) planned.push({ placedAt: new Date(end - (350 + between(0, 4)) * DAY_MS), member: p.id, n: count });
  }
  planned.sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());

  let orders = 0;
  let refunds = 0;
  try {
    for (const [i, o] of planned.entries()) {
      // The ledger dates each entry by the clock: replay history at the moment it happened.
      setClock(() => o.placedAt.getTime() + 60_000);
      const items = Array.from({ length: between(1, 3) }, () => {
        const p = pick(PRODUCTS);
        const quantity = between(1, 3);
        return { ...p, quantity, discountCents: rand() < 0.3 ? Math.floor(p.unitPriceCents * quantity * 0.1) : 0 };
      });
      const externalId = `DEMO-${String(i + 1).padStart(5, "0")}`;
      const usePoints = rand() < 0.15;
      try {
        await ingestOrder(
          { externalId, memberId: o.member, placedAt: o.placedAt.toISOString(), items, shippingCents: rand() < 0.5 ? 1000 : 0, pointsRedeemed: usePoints ? 1000 : 0 },
          { actor: "seed", ex: tx, source: "demo" },
        );
      } catch (e) {
        // A member without 1,000 points yet simply pays in full.
        if (!(isDomainError(e) && e.code === "insufficient-points")) throw e;
        await ingestOrder({ externalId, memberId: o.member, placedAt: o.placedAt.toISOString(), items, shippingCents: 0, pointsRedeemed: 0 }, { actor: "seed", ex: tx, source: "demo" });
      }
      orders++;
      if (rand() < 0.06) {
        // Two days later, or just now for an order of the last two days: never in the future.
        setClock(() => Math.min(o.placedAt.getTime() + 2 * DAY_MS, end - 60_000));
        await refundOrder(externalId, rand() < 0.5 ? { reason: "客户退货" } : { items: [{ sku: items[0]!.sku, quantity: 1 }], reason: "部分退货" }, { actor: "seed", ex: tx });
        refunds++;
      }
    }
  } finally {
    resetClock();
  }
  return { orders, refunds };
}
