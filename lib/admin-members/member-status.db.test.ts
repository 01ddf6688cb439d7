import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { auditLog, distributors, members, tierHistory } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { expireTierOverrides } from "@/lib/members/tier-override";
import { ingestOrder } from "@/lib/orders/ingest-order";
import { createOrderSchema } from "@/lib/orders/schemas";
import { overrideTier, setFrozen } from "./member-status";
import { testAdmin, testMember } from "./testing";

const T0 = new Date("2026-01-07T04:00:00Z");
const buy = (memberId: string, cents: number) => ingestOrder(createOrderSchema.parse({ externalId: newId(), memberId, items: [{ sku: "X", quantity: 1, unitPriceCents: cents }] }), { actor: "t" });
const row = async (id: string) => (await db.select().from(members).where(eq(members.id, id)))[0]!;
const codeOf = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof DomainError ? `${e.code}:${e.params.reason ?? ""}` : String(e)));

describe("freeze", () => {
  test("a frozen member earns nothing and a distributor's withdrawals stop; unfreezing restores both", async () => {
    freezeClock(T0);
    const admin = await testAdmin();
    const m = await testMember({ code: "FRZ001" });
    await setFrozen({ memberId: m, freeze: "freeze", reason: "Chargeback under review" }, admin);
    expect(await row(m)).toMatchObject({ frozenReason: "Chargeback under review" });
    expect((await db.select().from(distributors).where(eq(distributors.memberId, m)))[0]!.withdrawalsFrozenAt).toEqual(T0);
    expect((await buy(m, 10_000)).points.awarded).toBe(0);
    expect(await codeOf(setFrozen({ memberId: m, freeze: "freeze", reason: "again" }, admin))).toBe("conflict:already-frozen");
    await setFrozen({ memberId: m, freeze: "unfreeze", reason: "Cleared" }, admin);
    expect((await row(m)).frozenAt).toBeNull();
    expect((await db.select().from(distributors).where(eq(distributors.memberId, m)))[0]!.withdrawalsFrozenAt).toBeNull();
    expect((await buy(m, 10_000)).points.awarded).toBe(100);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.targetId, m))).map((a) => [a.action, (a.before as { frozen: boolean }).frozen, (a.after as { frozen: boolean }).frozen]);
    expect(actions).toEqual([
      ["member.freeze", false, true],
      ["member.unfreeze", true, false],
    ]);
  });

  test("unfreezing leaves a separate withdrawal freeze (finance's risk review) in place", async () => {
    const clock = freezeClock(T0);
    const admin = await testAdmin();
    const m = await testMember({ code: "FRZ002" });
    await db.update(distributors).set({ withdrawalsFrozenAt: T0 }).where(eq(distributors.memberId, m));
    clock.advance(60_000);
    await setFrozen({ memberId: m, freeze: "freeze", reason: "Fraud check" }, admin);
    await setFrozen({ memberId: m, freeze: "unfreeze", reason: "Cleared" }, admin);
    expect((await db.select().from(distributors).where(eq(distributors.memberId, m)))[0]!.withdrawalsFrozenAt).toEqual(T0);
  });
});

describe("tier override", () => {
  test("holds against upgrades until it expires; then the tier is decided from qualification", async () => {
    const clock = freezeClock(T0);
    const admin = await testAdmin();
    const m = await testMember();
    await overrideTier({ op: "set", memberId: m, tierCode: "gold", until: new Date(T0.getTime() + 10 * DAY_MS), reason: "VIP guest" }, admin);
    expect(await row(m)).toMatchObject({ tierCode: "gold", tierOverrideCode: "gold" });
    await buy(m, 600_000); // 6,000 points: qualifies for Silver, but the Gold override holds
    expect((await row(m)).tierCode).toBe("gold");
    clock.set(new Date(T0.getTime() + 11 * DAY_MS));
    expect(await expireTierOverrides()).toBe(1); // npm run maintenance: re-decided from qualification
    expect(await row(m)).toMatchObject({ tierCode: "silver", tierOverrideCode: null, tierOverrideUntil: null });
    const history = await db.select().from(tierHistory).where(eq(tierHistory.memberId, m)).orderBy(tierHistory.createdAt);
    expect(history.map((h) => [h.fromCode, h.toCode, h.reason])).toEqual([
      ["regular", "gold", "override"],
      ["gold", "silver", "override-expired"],
    ]);
  });

  test("a lower override stops upgrades; after it expires the next earn re-decides the tier", async () => {
    const clock = freezeClock(T0);
    const admin = await testAdmin();
    const m = await testMember();
    await overrideTier({ op: "set", memberId: m, tierCode: "regular", until: new Date(T0.getTime() + DAY_MS), reason: "Abuse of returns" }, admin);
    await buy(m, 600_000);
    expect((await row(m)).tierCode).toBe("regular");
    clock.set(new Date(T0.getTime() + 2 * DAY_MS));
    await buy(m, 100);
    expect(await row(m)).toMatchObject({ tierCode: "silver", tierOverrideCode: null });
  });

  test("bad input: unknown tier, an end in the past, clearing when there is none", async () => {
    freezeClock(T0);
    const admin = await testAdmin();
    const m = await testMember();
    expect(await codeOf(overrideTier({ op: "set", memberId: m, tierCode: "platinum", until: new Date(T0.getTime() + DAY_MS), reason: "test" }, admin))).toBe("invalid-request:");
    expect(await codeOf(overrideTier({ op: "set", memberId: m, tierCode: "gold", until: new Date(T0.getTime() - 1), reason: "test" }, admin))).toBe("invalid-request:");
    expect(await codeOf(overrideTier({ op: "clear", memberId: m, reason: "test" }, admin))).toBe("conflict:no-override");
  });
});
