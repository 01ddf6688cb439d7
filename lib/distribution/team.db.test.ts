import { describe, expect, test } from "vitest";
import { db, type Executor } from "@/db/client";
import { freezeClock } from "@/lib/clock";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { refundOrder } from "@/lib/orders/refund-order";
import { teamMembers } from "./team";
import { newDistributor, newMember, testOrder } from "./testing";

const item = (cents: number) => [{ sku: "X", quantity: 1, unitPriceCents: cents }];

/** An executor that counts the statements sent through it. */
function counting(): { ex: Executor; count: () => number } {
  let n = 0;
  const ex = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop === "execute") return (...args: unknown[]) => (n++, (target.execute as (...a: unknown[]) => unknown)(...args));
      return Reflect.get(target, prop, receiver) as unknown;
    },
  }) as Executor;
  return { ex, count: () => n };
}

describe("the team lists", () => {
  test("level 1 and level 2 pages: every member once, keyed by id, with orders and sales net of refunds, one query per page", async () => {
    freezeClock(new Date("2026-11-01T04:00:00Z"));
    const top = await newDistributor();
    const l1 = [await newDistributor(top.code), await newDistributor(top.code)];
    const direct: string[] = [];
    for (let i = 0; i < 5; i++) direct.push(await newMember(top.code));
    const l2 = [await newMember(l1[0]!.code), await newMember(l1[1]!.code), await newMember(l1[1]!.code)];
    const l2Distributor = await newDistributor(l1[0]!.code);
    const deeper = await newMember(l2Distributor.code); // level 3: never listed
    const o = testOrder(direct[0]!, { items: item(10_000), shippingCents: 0 });
    await ingestOrder(o, { actor: "test" });
    await ingestOrder(testOrder(direct[0]!, { items: item(5_000), shippingCents: 0 }), { actor: "test" });
    await refundOrder(o.externalId, { amountCents: 4_000 }, { actor: "test" });

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    const { ex, count } = counting();
    do {
      const page = await teamMembers(top.id, 1, { limit: 3, after, ex });
      seen.push(...page.items.map((m) => m.memberId));
      after = page.next ?? undefined;
      pages++;
    } while (after);
    expect(count()).toBe(pages);
    expect(pages).toBe(3);
    const level1 = [...l1.map((d) => d.id), ...direct];
    expect(seen).toEqual([...level1].sort().reverse());

    const first = await teamMembers(top.id, 1, { limit: 50 });
    expect(first.items.find((m) => m.memberId === direct[0])).toMatchObject({ orders: 2, salesCents: 11_000, name: "T***" });
    expect(first.items.find((m) => m.memberId === direct[1])).toMatchObject({ orders: 0, salesCents: 0 });

    const second = await teamMembers(top.id, 2, { limit: 50 });
    expect(second.items.map((m) => m.memberId).sort()).toEqual([...l2, l2Distributor.id].sort());
    expect(second.items.map((m) => m.memberId)).not.toContain(deeper);
  });

  test("IDOR: another distributor's member as a cursor, or a cursor from the other level, gives an empty page", async () => {
    const mine = await newDistributor();
    const theirs = await newDistributor();
    const a = await newMember(mine.code);
    await newMember(mine.code);
    const stranger = await newMember(theirs.code);
    const strangerL2 = await newMember((await newDistributor(theirs.code)).code);

    expect(await teamMembers(mine.id, 1, { after: stranger })).toEqual({ items: [], next: null });
    expect(await teamMembers(mine.id, 2, { after: strangerL2 })).toEqual({ items: [], next: null });
    // A cursor with the highest possible id: still nothing, not the whole id space below it.
    expect(await teamMembers(mine.id, 1, { after: "ffffffff-ffff-7fff-bfff-ffffffffffff" })).toEqual({ items: [], next: null });
    // My level-1 member is not a level-2 cursor.
    expect(await teamMembers(mine.id, 2, { after: a })).toEqual({ items: [], next: null });
    // And their team never shows up in mine.
    const all = await teamMembers(mine.id, 1, { limit: 100 });
    expect(all.items).toHaveLength(2);
    expect(all.items.map((m) => m.memberId)).not.toContain(stranger);
    expect((await teamMembers(theirs.id, 1, { limit: 100 })).items.map((m) => m.memberId)).toContain(stranger);
  });
});
