import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { members, users } from "@/db/schema";
import { onPostgres } from "@/db/testing/database";
import { DAY_MS, freezeClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { ensureDefaultRules } from "@/lib/rules/load-ruleset";
import { getBalance } from "./get-balance";
import { recordEvent } from "./record-event";
import { verifyLedger } from "./verify-ledger";

const T0 = new Date("2026-04-06T02:00:00Z"); // Monday 10:00 in Shanghai
async function newMember() {
  await ensureDefaultRules();
  const id = newId();
  await db.insert(users).values({ id, email: `${id}@e.test`, createdAt: T0, updatedAt: T0 });
  await db.insert(members).values({ id, createdAt: T0 });
  return id;
}
const actor = "test";

describe("recordEvent with the default action rules", () => {
  test("daily check-in: once a day, streak bonus on day 7", async () => {
    const clock = freezeClock(T0);
    const m = await newMember();
    const first = await recordEvent({ memberId: m, type: "check-in" }, { actor });
    expect(first).toMatchObject({ pointsAwarded: 5, streak: 1 });
    expect(first.entries[0]).toMatchObject({ type: "earn", points: 5, balanceAfter: 5 });
    const again = await recordEvent({ memberId: m, type: "check-in" }, { actor });
    expect(again).toMatchObject({ pointsAwarded: 0, reason: "already-checked-in", entries: [] });
    let last = first;
    for (let d = 1; d < 7; d++) {
      clock.set(new Date(T0.getTime() + d * DAY_MS));
      last = await recordEvent({ memberId: m, type: "check-in" }, { actor });
    }
    expect(last).toMatchObject({ streak: 7, pointsAwarded: 25 });
    clock.set(new Date(T0.getTime() + 9 * DAY_MS)); // skipped a day: the streak restarts
    expect(await recordEvent({ memberId: m, type: "check-in" }, { actor })).toMatchObject({ streak: 1, pointsAwarded: 5 });
    expect((await getBalance(m)).available).toBe(5 * 7 + 20 + 5);
  });

  test("sign-up bonus once ever; unknown event types earn 0 with a reason", async () => {
    freezeClock(T0);
    const m = await newMember();
    expect(await recordEvent({ memberId: m, type: "signup" }, { actor })).toMatchObject({ pointsAwarded: 100 });
    expect(await recordEvent({ memberId: m, type: "signup" }, { actor })).toMatchObject({ pointsAwarded: 0, reason: "cap-member-total" });
    const none = await recordEvent({ memberId: m, type: "watched-video" }, { actor });
    expect(none.pointsAwarded).toBe(0);
    expect(none.reason).toBeTruthy();
    await expect(recordEvent({ memberId: newId(), type: "signup" }, { actor })).rejects.toMatchObject({ code: "invalid-request" });
    expect((await verifyLedger()).mismatches).toEqual([]);
  });

  test.runIf(onPostgres())("20 concurrent check-ins on one day pay once", async () => {
    freezeClock(T0);
    const m = await newMember();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => recordEvent({ memberId: m, type: "check-in" }, { actor })));
    const paid = results.filter((r) => r.status === "fulfilled" && r.value.pointsAwarded > 0);
    expect(paid).toHaveLength(1);
    expect((await getBalance(m)).available).toBe(5);
  });
});
