import { describe, expect, test } from "vitest";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, redemptionEvents, redemptions, rewards, users } from "@/db/schema";
import { freezeClock } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { getBalance } from "@/lib/points/get-balance";
import { verifyLedger } from "@/lib/points/verify-ledger";
import { cancelRedemptionAsStaff } from "./cancel-redemption-as-staff";
import { csvCell } from "./csv";
import { exportPackingList } from "./export-packing-list";
import { parseFulfilmentQuery } from "./fulfilment-query";
import { getRedemptionDetail } from "./get-redemption-detail";
import { importShipments } from "./import-shipments";
import { listFulfilment } from "./list-fulfilment";
import { moveRedemption } from "./move-redemption";
import { auditOf, physicalRedemption, staff } from "./testing";

const T0 = new Date("2026-11-20T02:00:00Z");
const statusOf = async (id: string) => (await db.select({ s: redemptions.status, carrier: redemptions.carrier, tracking: redemptions.trackingNumber }).from(redemptions).where(eq(redemptions.id, id)))[0];
const eventsOf = async (id: string) => (await db.select().from(redemptionEvents).where(eq(redemptionEvents.redemptionId, id)).orderBy(asc(redemptionEvents.createdAt), asc(redemptionEvents.id))).map((e) => [e.status, e.note, e.actor]);
const ship = (carrier = "SF Express", trackingNumber = "SF1234567890") => ({ to: "shipped", carrier, trackingNumber });

describe("moveRedemption", () => {
  test("placed → processing → shipped → delivered, each with a timeline event and an audit entry", async () => {
    freezeClock(T0);
    const { redemptionId } = await physicalRedemption();
    await moveRedemption(redemptionId, { to: "processing" }, staff);
    const shipped = await moveRedemption(redemptionId, ship(), staff);
    expect(shipped).toMatchObject({ changed: true, redemption: { status: "shipped", carrier: "SF Express", trackingNumber: "SF1234567890" } });
    await moveRedemption(redemptionId, { to: "delivered", note: "signed by the concierge" }, staff);
    expect(await eventsOf(redemptionId)).toEqual([
      ["placed", null, "member"],
      ["processing", null, "admin:ops@shop.test"],
      ["shipped", "SF Express SF1234567890", "admin:ops@shop.test"],
      ["delivered", "signed by the concierge", "admin:ops@shop.test"],
    ]);
    expect((await auditOf(redemptionId)).map((a) => [a.action, a.before, a.after])).toEqual([
      ["redemption.processing", { status: "placed" }, { status: "processing" }],
      ["redemption.shipped", { status: "processing" }, { status: "shipped", carrier: "SF Express", trackingNumber: "SF1234567890" }],
      ["redemption.delivered", { status: "shipped" }, { status: "delivered", note: "signed by the concierge" }],
    ]);
    const detail = await getRedemptionDetail(redemptionId);
    expect(detail!.events.map((e) => e.status)).toEqual(["placed", "processing", "shipped", "delivered"]);
  });

  test("asking again for the same move changes nothing; a different tracking number is a conflict", async () => {
    const { redemptionId } = await physicalRedemption();
    await moveRedemption(redemptionId, ship(), staff);
    expect(await moveRedemption(redemptionId, ship(), staff)).toMatchObject({ changed: false });
    await expect(moveRedemption(redemptionId, ship("SF Express", "SF0000000000"), staff)).rejects.toMatchObject({ code: "conflict", errors: [{ message: "shipped-differently" }] });
    expect(await eventsOf(redemptionId)).toHaveLength(2);
    expect(await auditOf(redemptionId)).toHaveLength(1);
    expect(await statusOf(redemptionId)).toMatchObject({ s: "shipped", tracking: "SF1234567890" });
  });

  test.each([
    ["backwards", "shipped", { to: "processing" }, "conflict"],
    ["delivered before shipping", "placed", { to: "delivered" }, "conflict"],
    ["shipped without a tracking number", "placed", { to: "shipped", carrier: "SF" }, "invalid-request"],
    ["a tracking number with markup", "placed", ship("SF", "<b>1234</b>"), "invalid-request"],
    ["cancelled through a move", "placed", { to: "cancelled" }, "invalid-request"],
  ])("refuses %s and writes nothing", async (_what, from, move, code) => {
    const { redemptionId } = await physicalRedemption();
    if (from === "shipped") await moveRedemption(redemptionId, ship(), staff);
    const [events, audits] = [await eventsOf(redemptionId), await auditOf(redemptionId)];
    await expect(moveRedemption(redemptionId, move, staff)).rejects.toMatchObject({ code });
    expect([await eventsOf(redemptionId), await auditOf(redemptionId)]).toEqual([events, audits]);
  });

  test("unknown and malformed ids are not found", async () => {
    await expect(moveRedemption(newId(), { to: "processing" }, staff)).rejects.toMatchObject({ code: "not-found" });
    await expect(moveRedemption("'; drop table redemptions; --", { to: "processing" }, staff)).rejects.toMatchObject({ code: "not-found" });
  });
});

describe("cancelRedemptionAsStaff", () => {
  test("restores the points and the stock, records the reason on the timeline and in the audit log", async () => {
    const { redemptionId, memberId, reward } = await physicalRedemption({ quantity: 2 });
    expect((await getBalance(memberId)).available).toBe(9_800);
    await moveRedemption(redemptionId, { to: "processing" }, staff);
    const r = await cancelRedemptionAsStaff(redemptionId, { reason: "damaged in the warehouse" }, staff);
    expect(r).toMatchObject({ changed: true, redemption: { status: "cancelled" } });
    expect((await getBalance(memberId)).available).toBe(10_000);
    expect((await db.select({ stock: rewards.stock }).from(rewards).where(eq(rewards.id, reward.id)))[0]!.stock).toBe(10);
    expect((await eventsOf(redemptionId)).at(-1)).toEqual(["cancelled", "damaged in the warehouse", "admin:ops@shop.test"]);
    const [entry] = await auditOf(redemptionId, "redemption.cancel");
    expect(entry).toMatchObject({ before: { status: "processing" }, after: { status: "cancelled", reason: "damaged in the warehouse", pointsRestored: 200, stockRestored: 2 } });
    // Twice: a no-op, not a second refund nor a second audit entry.
    expect(await cancelRedemptionAsStaff(redemptionId, { reason: "again" }, staff)).toMatchObject({ changed: false });
    expect((await getBalance(memberId)).available).toBe(10_000);
    expect(await auditOf(redemptionId, "redemption.cancel")).toHaveLength(1);
    expect((await verifyLedger()).mismatches).toEqual([]);
  });

  test("a reason is required, and shipped goods cannot be cancelled; nothing is written", async () => {
    const { redemptionId, memberId } = await physicalRedemption();
    await expect(cancelRedemptionAsStaff(redemptionId, { reason: "   " }, staff)).rejects.toMatchObject({ code: "invalid-request", errors: [{ path: "reason" }] });
    await moveRedemption(redemptionId, ship(), staff);
    await expect(cancelRedemptionAsStaff(redemptionId, { reason: "too late" }, staff)).rejects.toMatchObject({ code: "conflict" });
    expect((await statusOf(redemptionId))!.s).toBe("shipped");
    expect((await getBalance(memberId)).available).toBe(9_900);
    expect(await auditOf(redemptionId, "redemption.cancel")).toEqual([]);
  });
});

describe("importShipments", () => {
  test("ships valid rows, reports every row, and re-importing the same file changes nothing", async () => {
    const a = await physicalRedemption();
    const b = await physicalRedemption();
    const c = await physicalRedemption();
    await cancelRedemptionAsStaff(c.redemptionId, { reason: "member asked" }, staff);
    const missing = newId();
    const csv = [
      "redemptionId,carrier,trackingNumber",
      `${a.redemptionId},SF Express,SF1000000001`,
      `${b.redemptionId}, ZTO ,ZTO-778899`,
      `${a.redemptionId},SF Express,SF1000000001`,
      `${b.redemptionId},ZTO,ZTO-000000`,
      `${c.redemptionId},SF Express,SF1000000003`,
      `${missing},SF Express,SF1000000004`,
      "not-an-id,SF Express,SF1000000005",
      `${newId()},,SF1000000006`,
      `${newId()},SF,"<img src=x>"`,
    ].join("\n");
    const first = await importShipments(csv, staff);
    expect(first).toMatchObject({ shipped: 2, skipped: 1, failed: 6 });
    expect(first.rows.map((r) => [r.row, r.status, r.reason ?? null])).toEqual([
      [1, "shipped", null],
      [2, "shipped", null],
      [3, "skipped", "duplicate-row"],
      [4, "error", "conflicting-row"],
      [5, "error", "cannot-move"],
      [6, "error", "not-found"],
      [7, "error", "invalid-id"],
      [8, "error", "invalid-carrier"],
      [9, "error", "invalid-tracking"],
    ]);
    expect(first.rows[4]!.params).toMatchObject({ from: "cancelled", to: "shipped" });
    expect(await statusOf(b.redemptionId)).toEqual({ s: "shipped", carrier: "ZTO", tracking: "ZTO-778899" });

    const auditRows = (await db.select().from(auditLog)).length;
    const again = await importShipments(csv, staff);
    expect(again).toMatchObject({ shipped: 0, skipped: 3, failed: 6 });
    expect(again.rows.slice(0, 2).map((r) => r.reason)).toEqual(["already-shipped", "already-shipped"]);
    expect((await db.select().from(auditLog)).length).toBe(auditRows);
    expect(await eventsOf(a.redemptionId)).toHaveLength(2);
  });

  test.each([
    ["an empty file", "", "empty"],
    ["a header only", "redemptionId,carrier,trackingNumber\n", "empty"],
    ["missing columns", "id,carrier\nx,y", "missing-columns"],
    ["broken quoting", 'redemptionId,carrier,trackingNumber\n"abc,SF,1', "unreadable"],
  ])("%s is one file error and changes nothing", async (_what, csv, fileError) => {
    expect(await importShipments(csv, staff)).toMatchObject({ fileError, rows: [], shipped: 0 });
  });
});

describe("the queue and the packing list", () => {
  test("filters by status, reward, member email and date range; the packing list has what to pack", async () => {
    const clock = freezeClock("2026-11-01T03:00:00Z");
    const early = await physicalRedemption({ quantity: 3 });
    clock.set("2026-11-10T03:00:00Z");
    const late = await physicalRedemption({ address: { recipient: "=HYPERLINK(\"http://evil\")", phone: "+86 139 1111 2222", region: "北京市", line: "朝阳区 1 号, 2 单元", postalCode: "100000" } });
    const shipped = await physicalRedemption();
    await moveRedemption(shipped.redemptionId, ship(), staff);
    const [lateUser] = await db.select({ email: users.email }).from(users).where(eq(users.id, late.memberId));

    const ids = async (params: Record<string, string>) => (await listFulfilment(parseFulfilmentQuery(params))).rows.map((r) => r.redemption.id);
    const open = await ids({});
    expect(open).toEqual(expect.arrayContaining([early.redemptionId, late.redemptionId]));
    expect(open).not.toContain(shipped.redemptionId);
    expect(open.indexOf(early.redemptionId)).toBeLessThan(open.indexOf(late.redemptionId)); // oldest first
    expect(await ids({ status: "shipped" })).toContain(shipped.redemptionId);
    expect(await ids({ status: "all", reward: early.reward.id })).toEqual([early.redemptionId]);
    expect(await ids({ email: lateUser!.email.slice(0, 12).toUpperCase() })).toEqual([late.redemptionId]);
    expect(await ids({ reward: late.reward.id, from: "2026-11-10", to: "2026-11-10" })).toEqual([late.redemptionId]);
    expect(await ids({ reward: late.reward.id, from: "2026-11-11" })).toEqual([]);
    expect(await ids({ reward: early.reward.id, to: "2026-11-01" })).toEqual([early.redemptionId]);
    // Junk in the query string is ignored, not a 500.
    expect(parseFulfilmentQuery({ status: "nope", reward: "x", from: "yesterday", page: "-1" })).toEqual({ status: "open", page: 1 });

    const { csv, rows } = await exportPackingList(parseFulfilmentQuery({ status: "all" }), staff);
    expect((await db.select().from(auditLog).where(eq(auditLog.action, "fulfilment.export"))).at(-1)).toMatchObject({ actorLabel: "ops@shop.test", after: { rows } });
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("redemptionId,status,sku,name,quantity,recipient,phone,address,date");
    expect(rows).toBe(lines.length - 1);
    expect(csv).not.toContain(shipped.redemptionId); // shipped goods are not on the packing list
    const earlyLine = lines.find((l) => l.startsWith(early.redemptionId))!;
    expect(earlyLine).toBe(`${early.redemptionId},placed,${early.reward.sku},测试奖品,3,王芳,'+86 138 0000 0000,上海市 浦东新区 世纪大道 100 号 200120,2026-11-01 11:00`);
    const lateLine = lines.find((l) => l.startsWith(late.redemptionId))!;
    expect(lateLine).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(lateLine).toContain(`"北京市 朝阳区 1 号, 2 单元 100000"`);
  });

  test("csvCell quotes and defuses", () => {
    expect([csvCell("plain"), csvCell("a,b"), csvCell('say "hi"'), csvCell("=1+1"), csvCell("@SUM(A1)"), csvCell(-5), csvCell(null)]).toEqual(["plain", '"a,b"', '"say ""hi"""', "'=1+1", "'@SUM(A1)", "-5", ""]);
  });
});
