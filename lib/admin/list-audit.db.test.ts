import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { freezeClock } from "@/lib/clock";
import { audit } from "./audit";
import { AUDIT_PAGE, changedFields, listAudit } from "./list-audit";

const admin = { userId: "0190a000-0000-7000-8000-0000000000aa", email: "boss@shop.test" };
const operator = { userId: "0190a000-0000-7000-8000-0000000000bb", email: "ops@shop.test" };

describe("listAudit", () => {
  test("filters by actor, action prefix, kind and day (deployment zone), newest first, keyset pages", async () => {
    const clock = freezeClock("2026-05-01T15:30:00Z"); // 23:30 in Shanghai on 1 May
    await audit(db, admin, { action: "reward.create", targetType: "reward", targetId: "R1", after: { name: "Mug" } });
    clock.set(new Date("2026-05-01T16:30:00Z")); // 00:30 on 2 May in Shanghai
    await audit(db, operator, { action: "reward.update", targetType: "reward", targetId: "R1", before: { name: "Mug" }, after: { name: "Cup" } });
    await audit(db, operator, { action: "redemption.ship", targetType: "redemption", targetId: "X9" });

    expect((await listAudit({ actor: "ops@" })).rows.map((r) => r.action)).toEqual(["redemption.ship", "reward.update"]);
    expect((await listAudit({ action: "reward." })).rows.map((r) => r.action)).toEqual(["reward.update", "reward.create"]);
    expect((await listAudit({ targetType: "reward", targetId: "R1" })).rows).toHaveLength(2);
    expect((await listAudit({ from: "2026-05-02", to: "2026-05-02" })).rows.map((r) => r.action).sort()).toEqual(["redemption.ship", "reward.update"]);
    expect((await listAudit({ to: "2026-05-01" })).rows.map((r) => r.action)).toEqual(["reward.create"]);
    // LIKE wildcards in a filter are literal.
    expect((await listAudit({ action: "%" })).rows).toEqual([]);
  });

  test("pages of AUDIT_PAGE, newest first, without gaps or repeats", async () => {
    const clock = freezeClock("2026-06-01T00:00:00Z");
    for (let i = 0; i < AUDIT_PAGE + 5; i++) {
      clock.set(new Date(Date.parse("2026-06-01T00:00:00Z") + i * 1000));
      await audit(db, admin, { action: "bulk.test", targetType: "test", targetId: String(i) });
    }
    const first = await listAudit({ action: "bulk." });
    expect(first.rows).toHaveLength(AUDIT_PAGE);
    expect(first.rows[0]!.targetId).toBe(String(AUDIT_PAGE + 4));
    const second = await listAudit({ action: "bulk.", cursor: first.nextCursor! });
    expect(second.rows.map((r) => r.targetId)).toEqual(["4", "3", "2", "1", "0"]);
    expect(second.nextCursor).toBeNull();
  });
});

test.each([
  { before: { a: 1, b: 2 }, after: { a: 1, b: 3 }, fields: ["b"] },
  { before: null, after: { name: "x" }, fields: ["name"] },
  { before: { active: true }, after: { active: false, reason: "off" }, fields: ["active", "reason"] },
  { before: 5, after: 7, fields: ["value"] },
  { before: { tags: ["a"] }, after: { tags: ["a"] }, fields: [] },
])("changedFields %#", ({ before, after, fields }) => {
  expect(changedFields(before, after).map((c) => c.field)).toEqual(fields);
});
