import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { members, users } from "@/db/schema";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { entryView } from "./entry-view";
import { entryCategory, type EntryCategory } from "./entry-category";
import { credit, debit } from "./ledger";
import { listEntries } from "./list-entries";
import { verifyLedger } from "./verify-ledger";

const T0 = new Date("2026-03-01T00:00:00Z");

describe("entry categories: gifts are adjust entries that a grant paid", () => {
  test("each writer's entry gets its category; the history filters by it; the ledger and the API keep the type", async () => {
    const clock = freezeClock(T0);
    const m = newId();
    await db.insert(users).values({ id: m, email: `${m}@t.test`, createdAt: T0, updatedAt: T0 });
    await db.insert(members).values({ id: m, createdAt: T0 });
    const lot = { availableAt: T0, expiresAt: new Date(T0.getTime() + 365 * DAY_MS) };
    // What each writer writes (explanations as lib/scheduled-grants, lib/admin-members write them).
    const written: [string, EntryCategory, () => Promise<{ entry: { id: string } }>][] = [
      ["order", "earn", () => db.transaction((tx) => credit(tx, { memberId: m, points: 100, type: "earn", reason: "order:A-1", actor: "api", explanation: { kind: "order" }, ...lot }))],
      ["birthday", "gift", () => db.transaction((tx) => credit(tx, { memberId: m, points: 188, type: "adjust", reason: "Birthday gift", actor: "grant:g1", explanation: { kind: "scheduled-grant", grantId: "g1", grantName: "Birthday gifts", runKey: "2026-03-01" }, ...lot }))],
      ["bulk grant", "gift", () => db.transaction((tx) => credit(tx, { memberId: m, points: 15, type: "adjust", reason: "Survey thanks", actor: "admin:a1", explanation: { kind: "grant", jobId: "j1", grantKey: "k1" }, ...lot }))],
      ["admin credit", "adjust", () => db.transaction((tx) => credit(tx, { memberId: m, points: 20, type: "adjust", reason: "Goodwill", actor: "admin:a1", explanation: { kind: "adjustment", adjustmentId: "x" }, ...lot }))],
      ["admin debit", "adjust", () => db.transaction((tx) => debit(tx, { memberId: m, points: 5, type: "adjust", reason: "Correction", actor: "admin:a1", explanation: { kind: "adjustment", adjustmentId: "y" }, onShortfall: "reject" }))],
      ["no explanation", "adjust", () => db.transaction((tx) => credit(tx, { memberId: m, points: 1, type: "adjust", reason: "Old", actor: "admin:a1", ...lot }))],
      ["spend", "spend", () => db.transaction((tx) => debit(tx, { memberId: m, points: 10, type: "spend", reason: "redemption:r1", actor: "member", onShortfall: "reject" }))],
    ];
    const ids = new Map<string, string>();
    for (const [what, , write] of written) {
      clock.advance(1000);
      ids.set(what, (await write()).entry.id);
    }

    const all = (await listEntries(m, { limit: 50 })).entries;
    const byId = new Map(all.map((e) => [e.id, e]));
    for (const [what, category] of written) expect([what, entryCategory(byId.get(ids.get(what)!)!)]).toEqual([what, category]);

    const filtered = async (category: EntryCategory) => (await listEntries(m, { category })).entries.map((e) => e.id).sort();
    const expected = (category: EntryCategory) => written.filter(([, c]) => c === category).map(([what]) => ids.get(what)!).sort();
    for (const category of ["gift", "adjust", "earn", "spend"] as const) expect(await filtered(category)).toEqual(expected(category));

    // A gift is still an adjust entry for everyone else: the Integration API (a fixed list of types), the verifier.
    expect(entryView(byId.get(ids.get("birthday")!)!).type).toBe("adjust");
    expect((await verifyLedger()).mismatches).toEqual([]);
  });
});
