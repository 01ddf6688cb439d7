// The Integration API end to end through the real route handlers (no server): contract shapes,
// idempotent replays, and bad input that writes nothing.
import { beforeAll, describe, expect, test } from "vitest";
import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { orders, pointEntries, users } from "@/db/schema";
import { createApiKey } from "@/lib/admin/api-keys";
import { freezeClock } from "@/lib/clock";
import { read, request } from "@/lib/api/testing/fake-endpoints";
import { POST as postMember } from "@/app/api/v1/members/route";
import { GET as getMember } from "@/app/api/v1/members/[id]/route";
import { GET as getLedger } from "@/app/api/v1/members/[id]/ledger/route";
import { POST as postDistributor } from "@/app/api/v1/members/[id]/distributor/route";
import { POST as postOrder } from "@/app/api/v1/orders/route";
import { POST as postRefund } from "@/app/api/v1/orders/[externalId]/refunds/route";
import { POST as postEvent } from "@/app/api/v1/events/route";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";

let key: string;
let readOnly: string;
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
const orderCount = async () => (await db.select({ n: count() }).from(orders))[0]!.n;

beforeAll(async () => {
  freezeClock("2026-05-06T04:00:00Z"); // a Wednesday
  key = (await createApiKey({ name: "shop", scopes: ["members", "orders", "events", "read"] })).secret;
  readOnly = (await createApiKey({ name: "bi", scopes: ["read"] })).secret;
});

async function newMember(email: string, extra: Record<string, unknown> = {}) {
  const res = await read(await postMember(request("POST", { key, idem: `m-${email}`, body: { email, name: "API member", ...extra }, path: "/api/v1/members" })));
  expect(res.status).toBe(201);
  return res.json;
}

describe("members", () => {
  test("create → 201 Member with the welcome bonus; duplicate email → 409; GET and ledger", async () => {
    const m = await newMember("api1@example.com", { externalId: "CRM-1" });
    expect(m).toMatchObject({ email: "api1@example.com", externalId: "CRM-1", tier: { code: "regular", name: "Regular" }, points: { available: 100, pending: 0, expiring: [] }, referrerId: null, distributor: null });
    const dup = await read(await postMember(request("POST", { key, idem: "m-dup", body: { email: "API1@example.com" }, path: "/api/v1/members" })));
    expect(dup).toMatchObject({ status: 409, json: { type: "duplicate" } });
    const dupExt = await read(await postMember(request("POST", { key, idem: "m-dup2", body: { email: "other@example.com", externalId: "CRM-1" }, path: "/api/v1/members" })));
    expect(dupExt).toMatchObject({ status: 409, json: { type: "duplicate" } });
    const got = await read(await getMember(request("GET", { key: readOnly, path: `/api/v1/members/${m.id}` }), params({ id: m.id })));
    expect(got.json).toEqual(m);
    const ledger = await read(await getLedger(request("GET", { key: readOnly, path: `/api/v1/members/${m.id}/ledger` }), params({ id: m.id })));
    expect(ledger.json).toMatchObject({ entries: [{ type: "earn", points: 100, balanceAfter: 100, reason: "event:signup", orderId: null }], nextCursor: null });
    const missing = await read(await getMember(request("GET", { key: readOnly, path: "/api/v1/members/0190a6a0-0000-7000-8000-000000000009" }), params({ id: "0190a6a0-0000-7000-8000-000000000009" })));
    expect(missing).toMatchObject({ status: 404, json: { type: "not-found" } });
  });

  test("referral codes: the distributor endpoint is idempotent by nature; an unknown code is a 400", async () => {
    const d = await newMember("dist@example.com");
    const first = await read(await postDistributor(request("POST", { key, idem: "d1", body: {}, path: `/api/v1/members/${d.id}/distributor` }), params({ id: d.id })));
    expect(first.status).toBe(201);
    expect(first.json.link).toMatch(new RegExp(`/r/${first.json.code}$`));
    const again = await read(await postDistributor(request("POST", { key, idem: "d2", body: {}, path: `/api/v1/members/${d.id}/distributor` }), params({ id: d.id })));
    expect(again).toMatchObject({ status: 200, json: first.json });
    const referred = await newMember("ref@example.com", { referralCode: first.json.code });
    expect(referred.referrerId).toBe(d.id);
    const bad = await read(await postMember(request("POST", { key, idem: "m-bad", body: { email: "nobody@example.com", referralCode: "NOPE99" }, path: "/api/v1/members" })));
    expect(bad).toMatchObject({ status: 400, json: { type: "invalid-request", errors: [{ path: "referralCode" }] } });
    expect(await db.select().from(users).where(eq(users.email, "nobody@example.com"))).toHaveLength(0);
  });
});

describe("orders, refunds, events", () => {
  test("order → refund → ledger, each replay returning the first response", async () => {
    const m = await newMember("buyer@example.com");
    const body = { externalId: "SO-1001", memberId: m.id, currency: "CNY", items: [{ sku: "TEA-01", name: "Tea", category: "drinks", quantity: 2, unitPriceCents: 5900, discountCents: 800 }], shippingCents: 1000, pointsRedeemed: 0, referralCode: null };
    const res = await read(await postOrder(request("POST", { key, idem: "o-1", body, path: "/api/v1/orders" })));
    expect(res).toMatchObject({ status: 201, json: { externalId: "SO-1001", memberId: m.id, paidCents: 12000, points: { awarded: 110, status: "pending" }, pointsRedeemed: 0, commissions: [] } });
    const replay = await read(await postOrder(request("POST", { key, idem: "o-1", body, path: "/api/v1/orders" })));
    expect(replay.status).toBe(201);
    expect(replay.text).toBe(res.text);
    const mismatch = await read(await postOrder(request("POST", { key, idem: "o-1", body: { ...body, shippingCents: 0 }, path: "/api/v1/orders" })));
    expect(mismatch).toMatchObject({ status: 409, json: { type: "idempotency-mismatch" } });
    const dup = await read(await postOrder(request("POST", { key, idem: "o-2", body, path: "/api/v1/orders" })));
    expect(dup).toMatchObject({ status: 409, json: { type: "duplicate" } });

    const refund = await read(await postRefund(request("POST", { key, idem: "r-1", body: { amountCents: 6000 }, path: "/api/v1/orders/SO-1001/refunds" }), params({ externalId: "SO-1001" })));
    expect(refund).toMatchObject({ status: 201, json: { refundedCents: 6000, pointsReversed: 55, pointsRestored: 0, commissionsReversed: [] } });
    const over = await read(await postRefund(request("POST", { key, idem: "r-2", body: { amountCents: 6001 }, path: "/api/v1/orders/SO-1001/refunds" }), params({ externalId: "SO-1001" })));
    expect(over).toMatchObject({ status: 409, json: { type: "refund-exceeds-order" } });
    const unknown = await read(await postRefund(request("POST", { key, idem: "r-3", body: {}, path: "/api/v1/orders/NOPE/refunds" }), params({ externalId: "NOPE" })));
    expect(unknown).toMatchObject({ status: 404, json: { type: "not-found" } });

    const ledger = await read(await getLedger(request("GET", { key, path: `/api/v1/members/${m.id}/ledger?limit=2` }), params({ id: m.id })));
    expect(ledger.json.entries.map((e: { type: string; points: number }) => [e.type, e.points])).toEqual([["reverse", -55], ["earn", 110]]);
    expect(ledger.json.nextCursor).toBeTruthy();
    const page2 = await read(await getLedger(request("GET", { key, path: `/api/v1/members/${m.id}/ledger?limit=2&cursor=${ledger.json.nextCursor}` }), params({ id: m.id })));
    expect(page2.json).toMatchObject({ entries: [{ type: "earn", points: 100 }], nextCursor: null });
  });

  test("a referred buyer's order lists the distributor's pending commission; a refund lists its reversal", async () => {
    const d = await newMember("seller@example.com");
    const dist = await read(await postDistributor(request("POST", { key, idem: "d-seller", body: {}, path: `/api/v1/members/${d.id}/distributor` }), params({ id: d.id })));
    const buyer = await newMember("referred-buyer@example.com", { referralCode: dist.json.code });
    const body = { externalId: "SO-REF-1", memberId: buyer.id, items: [{ sku: "TEA-01", category: "drinks", quantity: 2, unitPriceCents: 5900, discountCents: 800 }], shippingCents: 1000 };
    const res = await read(await postOrder(request("POST", { key, idem: "o-ref-1", body, path: "/api/v1/orders" })));
    expect(res).toMatchObject({ status: 201, json: { commissions: [{ distributorId: d.id, level: 1, amountCents: 1100, status: "pending", availableAt: "2026-05-20T04:00:00.000Z" }] } });
    const refund = await read(await postRefund(request("POST", { key, idem: "r-ref-1", body: { amountCents: 6000 }, path: "/api/v1/orders/SO-REF-1/refunds" }), params({ externalId: "SO-REF-1" })));
    expect(refund).toMatchObject({ status: 201, json: { commissionsReversed: [{ commissionId: res.json.commissions[0].id, amountCents: 550 }] } });
  });

  test.each([
    ["wrong types", { quantity: "2" }, "items.0.quantity"],
    ["negative amount", { unitPriceCents: -1 }, "items.0.unitPriceCents"],
    ["fractional amount", { unitPriceCents: 10.5 }, "items.0.unitPriceCents"],
    ["10^15 amount", { unitPriceCents: 1e15 }, "items.0.unitPriceCents"],
  ])("bad order input (%s) → 400 with the field path, nothing written", async (_, item, path) => {
    const m = await newMember(`bad-${Object.keys(item)[0]}-${String(Object.values(item)[0]).replace(/[^a-z0-9]/gi, "")}@example.com`);
    const before = await orderCount();
    const res = await read(await postOrder(request("POST", { key, idem: `bad-${path}-${JSON.stringify(item)}`, body: { externalId: `BAD-${JSON.stringify(item)}`, memberId: m.id, items: [{ sku: "X", quantity: 1, unitPriceCents: 100, ...item }] }, path: "/api/v1/orders" })));
    expect(res.status).toBe(400);
    expect(res.json.type).toBe("invalid-request");
    expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await orderCount()).toBe(before);
  });

  test("other bad input: unknown member, unknown currency, future placedAt, missing key, malformed JSON", async () => {
    const m = await newMember("edge@example.com");
    const base = { externalId: "EDGE-1", memberId: m.id, items: [{ sku: "X", quantity: 1, unitPriceCents: 100 }] };
    const cases: [Record<string, unknown>, string][] = [
      [{ memberId: "0190a6a0-0000-7000-8000-00000000dead" }, "memberId"],
      [{ memberId: "not-an-id'; drop table orders;--" }, "memberId"],
      [{ currency: "USD" }, "currency"],
      [{ placedAt: "2026-05-08T04:00:00Z" }, "placedAt"],
    ];
    for (const [patch, path] of cases) {
      const res = await read(await postOrder(request("POST", { key, idem: `edge-${path}`, body: { ...base, ...patch }, path: "/api/v1/orders" })));
      expect(res.status, path).toBe(400);
      expect(res.json.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect((await read(await postOrder(request("POST", { key, body: base, path: "/api/v1/orders" })))).status).toBe(400); // no Idempotency-Key
    expect((await read(await postOrder(request("POST", { key, idem: "edge-json", rawBody: "{not json", path: "/api/v1/orders" })))).status).toBe(400);
    expect((await read(await postOrder(request("POST", { key: readOnly, idem: "edge-scope", body: base, path: "/api/v1/orders" })))).status).toBe(403);
    expect(await db.select().from(orders).where(eq(orders.externalId, "EDGE-1"))).toHaveLength(0);
  });

  test("events: 0 points with a reason when no rule matches; check-in once a day", async () => {
    const m = await newMember("events@example.com");
    const none = await read(await postEvent(request("POST", { key, idem: "e-0", body: { memberId: m.id, type: "watched-video" }, path: "/api/v1/events" })));
    expect(none).toMatchObject({ status: 201, json: { pointsAwarded: 0, entries: [] } });
    expect(none.json.reason).toBeTruthy();
    const ci = await read(await postEvent(request("POST", { key, idem: "e-1", body: { memberId: m.id, type: "check-in" }, path: "/api/v1/events" })));
    expect(ci.json).toMatchObject({ pointsAwarded: 5, streak: 1, entries: [{ type: "earn", points: 5 }] });
    const ci2 = await read(await postEvent(request("POST", { key, idem: "e-2", body: { memberId: m.id, type: "check-in" }, path: "/api/v1/events" })));
    expect(ci2.json).toMatchObject({ pointsAwarded: 0, reason: "already-checked-in" });
    expect((await db.select().from(pointEntries).where(eq(pointEntries.memberId, m.id))).length).toBe(2); // signup + one check-in
  });
});

describe("openapi.json", () => {
  test("documents every endpoint of the contract from the same schemas", async () => {
    const doc = (await read(await openapi())).json;
    expect(doc.openapi).toMatch(/^3\.1/);
    for (const [path, method] of [
      ["/api/v1/members", "post"],
      ["/api/v1/members/{id}", "get"],
      ["/api/v1/members/{id}/ledger", "get"],
      ["/api/v1/members/{id}/distributor", "post"],
      ["/api/v1/orders", "post"],
      ["/api/v1/orders/{externalId}/refunds", "post"],
      ["/api/v1/events", "post"],
    ]) {
      expect(doc.paths[path!]?.[method!], `${method} ${path}`).toBeTruthy();
    }
    expect(JSON.stringify(doc.paths["/api/v1/orders"].post.requestBody)).toContain("unitPriceCents");
  });
});

describe.runIf(Boolean(process.env.DATABASE_URL))("concurrency through the API (real Postgres)", () => {
  test("the same order posted 50 times at once with one Idempotency-Key, and with 50 keys: one order, one set of points", async () => {
    const m = await newMember("storm@example.com");
    const body = (id: string) => ({ externalId: id, memberId: m.id, items: [{ sku: "X", quantity: 1, unitPriceCents: 10000 }] });
    const sameKey = await Promise.all(Array.from({ length: 50 }, () => postOrder(request("POST", { key, idem: "storm-1", body: body("STORM-1"), path: "/api/v1/orders" })).then(read)));
    const ok = sameKey.filter((r) => r.status === 201);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.text)).size).toBe(1); // replays are the identical first response
    expect(sameKey.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const manyKeys = await Promise.all(Array.from({ length: 50 }, (_, i) => postOrder(request("POST", { key, idem: `storm-2-${i}`, body: body("STORM-2"), path: "/api/v1/orders" })).then(read)));
    expect(manyKeys.filter((r) => r.status === 201)).toHaveLength(1);
    expect(manyKeys.filter((r) => r.status === 409).every((r) => r.json.type === "duplicate")).toBe(true);
    const entries = await db.select().from(pointEntries).where(eq(pointEntries.memberId, m.id));
    expect(entries.filter((e) => e.type === "earn" && e.orderId)).toHaveLength(2); // STORM-1 and STORM-2, once each
  });
});
