import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { messagesFor } from "@/lib/i18n/messages";
import { newId } from "@/lib/ids";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { exportCsv, type ExportKind, type Words } from "./export-csv";
import { requestWithdrawal } from "./request-withdrawal";
import { approveWithdrawal } from "./review-withdrawal";
import { newDistributor, newMember, testOrder } from "./testing";

const T0 = new Date("2026-11-01T04:00:00Z"); // 12:00 Shanghai
const item = (cents: number) => [{ sku: "X", quantity: 1, unitPriceCents: cents }];
const actor = "test";

function wordsFor(locale: "en" | "zh-CN"): Words {
  const root = (messagesFor(locale) as { distributorPortal: { export: Record<string, unknown> } }).distributorPortal.export;
  return (key) => {
    const v = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], root);
    if (typeof v !== "string") throw new Error(`no message ${key}`);
    return v;
  };
}

async function collect(kind: ExportKind, id: string, locale: "en" | "zh-CN", pageSize = 2): Promise<string> {
  let out = "";
  for await (const piece of exportCsv(kind, id, wordsFor(locale), { pageSize })) out += piece;
  return out;
}

describe("CSV exports", () => {
  test("commissions, team and payouts: BOM, the reader's titles, every row once across pages, only the distributor's own", async () => {
    const clock = freezeClock(T0);
    const d = await newDistributor();
    const other = await newDistributor();
    const buyer = await newMember(d.code);
    await db.update(users).set({ name: "张三丰" }).where(eq(users.id, buyer));
    await newMember(other.code);
    const o1 = testOrder(buyer, { items: item(32_000), shippingCents: 0 });
    await ingestOrder(o1, { actor });
    await ingestOrder(testOrder(buyer, { items: item(10_000), shippingCents: 0 }), { actor });
    await ingestOrder(testOrder(buyer, { items: item(20_000), shippingCents: 0 }), { actor });
    await refundOrder(o1.externalId, { amountCents: 16_000 }, { actor });
    clock.set(new Date(T0.getTime() + 30 * DAY_MS));
    const w = await requestWithdrawal(d.id, { amountCents: 4_000, payoutAccount: { method: "alipay", account: "a@b.c" } }, { actor });
    await approveWithdrawal(w.id, { payoutReference: "PAY-1" }, { reviewer: { userId: newId(), email: "admin@test" } });

    const en = await collect("commissions", d.id, "en");
    expect(en.startsWith("\uFEFFEarned at,Order,Buyer,Level,Rate,Base (CNY),Commission (CNY),Refunded (CNY),Net (CNY),Status,Frees up at\r\n")).toBe(true);
    const lines = en.slice(1).trim().split("\r\n");
    expect(lines).toHaveLength(4); // header + 3 commissions over two pages of 2
    expect(lines).toContain(`2026-11-01 12:00,${o1.externalId},张**,1,10%,320.00,32.00,16.00,16.00,Available,2026-11-15 12:00`);

    const zh = await collect("commissions", d.id, "zh-CN");
    expect(zh.startsWith("\uFEFF获得时间,订单号,买家,层级,比例,")).toBe(true);
    expect(zh).toContain(",可提现,");

    const team = (await collect("team", d.id, "en")).slice(1).trim().split("\r\n");
    expect(team).toEqual(["Level,Member,Joined,Orders,Sales after refunds (CNY)", "1,张**,2026-11-01 12:00,3,460.00"]);

    const payouts = (await collect("payouts", d.id, "zh-CN")).slice(1).trim().split("\r\n");
    expect(payouts).toEqual(["申请时间,金额（元）,手续费（元）,实付（元）,状态,打款流水号,打款时间,原因", "2026-12-01 12:00,40.00,0.00,40.00,已打款,PAY-1,2026-12-01 12:00,"]);

    // The other distributor's export holds nothing of d's.
    const theirs = await collect("commissions", other.id, "en");
    expect(theirs.slice(1).trim().split("\r\n")).toHaveLength(1);
  });
});
