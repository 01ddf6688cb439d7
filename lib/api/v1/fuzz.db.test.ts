// Fuzzing the whole Integration API (issue 7): every route handler under app/api/v1, found from the
// source tree so a new endpoint is fuzzed the day it exists, gets malformed JSON, wrong types, huge
// numbers, long strings, unicode and SQL/HTML payloads. Every answer must be a 4xx problem+json
// (never a 5xx, never a stack trace or SQL) and a refused write must leave every table as it was.
import { beforeAll, describe, expect, test, vi } from "vitest";
import fc from "fast-check";
import path from "node:path";
import { sql } from "drizzle-orm";
import { db, rowsOf } from "@/db/client";
import { createApiKey } from "@/lib/admin/api-keys";
import { read, request } from "@/lib/api/testing/fake-endpoints";
import { routes } from "@/lib/auth/testing/app-inventory";
import { freezeClock } from "@/lib/clock";
import { memberWithPoints, testReward } from "@/lib/mall/testing";

// Route handlers run here outside Next: a created reward's after() and the catalogue's revalidation
// need its request scope (lib/api/v1/mall-api.db.test.ts checks they are called).
vi.mock("@/lib/mall/catalogue-cache", () => ({ catalogueChanged: () => {} }));
vi.mock("next/server", async (original) => ({ ...(await original<typeof import("next/server")>()), after: (task: () => void) => task() }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const TABLES = ["users", "members", "orders", "order_lines", "point_entries", "point_lots", "point_balances", "rewards", "redemptions", "coupon_codes", "commissions", "stock_movements"];

async function tableCounts(): Promise<Record<string, number>> {
  const selects = TABLES.map((t) => `(select count(*) from ${t})::int as ${t}`).join(", ");
  return rowsOf<Record<string, number>>(await db.execute(sql.raw(`select ${selects}`)))[0]!;
}

const NASTY_STRINGS = ["", " ", "'; drop table members; --", "<script>alert(1)</script>", "\u0000", "🎁".repeat(300), "x".repeat(20_000), "../../etc/passwd", "%00", "\ud800", "null", "1e309"];
const NASTY_NUMBERS = [-1, 0, 1.5, 2 ** 53, 2 ** 63, -(2 ** 63), 1e308, Number.MIN_VALUE, -0];

/** Values of every wrong kind, weighted towards the ones that break naive code. */
const nasty: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS, null, true, [], {}),
  fc.string({ unit: "grapheme", maxLength: 50 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.constantFrom<unknown>(...NASTY_STRINGS, ...NASTY_NUMBERS), { maxLength: 3 }),
);

/** A body: a plausible object with some fields poisoned, or any JSON value at all. */
function bodyFor(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const poisoned = fc
    .record(Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.constant(valid[k]), nasty)])), { requiredKeys: [] })
    .filter((b) => keys.some((k) => b[k] !== valid[k]));
  return fc.oneof(poisoned, fc.jsonValue({ maxDepth: 3 }), fc.constantFrom<unknown>(null, [], "text", 42));
}

const RAW_BODIES = ["{", "{\"a\":", "[1,2", "\u0000", "{\"__proto__\":{\"x\":1}}", "x".repeat(2_000_000)];

let key: string;
let memberId: string;
let rewardId: string;
/** Plausible bodies per POST path, each field of which the fuzzer may poison. */
let validBodies: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  freezeClock("2026-05-06T04:00:00Z");
  key = (await createApiKey({ name: "fuzz", scopes: ["members", "orders", "events", "rewards", "redemptions", "read"] })).secret;
  memberId = await memberWithPoints(50);
  rewardId = (await testReward({ pointsPrice: 100, stock: 3 })).id;
  validBodies = {
    "/api/v1/members": { email: "fuzz@example.com", name: "Fuzz", externalId: "F-1", referralCode: "NOPE00" },
    "/api/v1/members/[id]/distributor": { level: "junior" },
    "/api/v1/orders": { externalId: "F-1", memberId, items: [{ sku: "A", quantity: 1, unitPriceCents: 100 }], shippingCents: 0, pointsRedeemed: 0 },
    "/api/v1/orders/[externalId]/refunds": { amountCents: 100, reason: "fuzz" },
    "/api/v1/events": { memberId, type: "review", occurredAt: "2026-05-06T04:00:00Z", data: {} },
    "/api/v1/rewards": { sku: "F-1", name: "Fuzz", type: "virtual", pointsPrice: 1, stock: 1 },
    "/api/v1/redemptions": { memberId, rewardId, quantity: 1 },
    "/api/v1/coupons/[code]/use": { reference: "SO-1" },
  };
});

const v1 = routes().filter((r) => r.url.startsWith("/api/v1/") && r.url !== "/api/v1/openapi.json");
const paramsFor = (url: string, value: string) => Object.fromEntries([...url.matchAll(/\[(\w+)\]/g)].map((m) => [m[1]!, value]));
const concrete = (url: string, value: string) => url.replace(/\[(\w+)\]/g, encodeURIComponent(value));

function expectCleanProblem(res: { status: number; text: string; json: unknown }, what: string) {
  expect(res.status, `${what} → ${res.status} ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what} → ${res.status} ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.text).not.toMatch(/\bat .*\.(ts|js):\d+|select .* from|relation "/i);
}

describe.each(v1)("$url", (route) => {
  test("fuzzed bodies, params and raw payloads: 4xx, nothing written", async () => {
    const mod = (await import(path.join(process.cwd(), route.file))) as Record<string, Handler>;
    let n = 0;
    for (const method of route.methods) {
      const handler = mod[method]!;
      const isWrite = method !== "GET";
      // Path parameters: hostile values where the route has any.
      for (const value of ["'; drop table members; --", "<b>x</b>", "0", "a\u0000b", "x".repeat(500), "00000000-0000-0000-0000-000000000000"]) {
        if (!route.url.includes("[")) break;
        const before = await tableCounts();
        const body = isWrite ? (validBodies[route.url] ?? {}) : undefined;
        const res = await read(await handler(request(method, { key, idem: `p-${n++}`, body, path: concrete(route.url, value) }), { params: Promise.resolve(paramsFor(route.url, value)) }));
        // A real but unknown id may be a 404; a malformed one a 400 — never a 5xx or a write.
        expectCleanProblem(res, `${method} ${route.url} param ${value.slice(0, 40)}`);
        expect(await tableCounts()).toEqual(before);
      }
      if (!isWrite) {
        // Query strings: hostile limits and cursors.
        for (const q of ["limit=0", "limit=-1", "limit=1e9", "limit=abc", "cursor=%%%", "cursor=eyJ4Ijoi", `cursor=${"A".repeat(5000)}`]) {
          const value = "0190a000-0000-7000-8000-000000000001";
          const res = await read(await handler(request(method, { key, path: `${concrete(route.url, value)}?${q}` }), { params: Promise.resolve(paramsFor(route.url, value)) }));
          if (res.status < 400) continue; // an endpoint without pagination ignores the query
          expectCleanProblem(res, `${method} ${route.url}?${q}`);
        }
        continue;
      }
      const valid = validBodies[route.url];
      expect(valid, `the fuzzer needs a plausible body for ${route.url}: add it to validBodies`).toBeDefined();
      const value = route.url.includes("[code]") ? "NO-SUCH-CODE" : route.url.includes("[externalId]") ? "NO-SUCH-ORDER" : memberId;
      for (const raw of RAW_BODIES) {
        const before = await tableCounts();
        const res = await read(await handler(request(method, { key, idem: `r-${n++}`, rawBody: raw, headers: { "content-type": "application/json" }, path: concrete(route.url, value) }), { params: Promise.resolve(paramsFor(route.url, value)) }));
        expectCleanProblem(res, `${method} ${route.url} raw ${raw.slice(0, 20)}`);
        expect(await tableCounts()).toEqual(before);
      }
      // Every field × every nasty constant, the other fields valid: each poison reaches the use case.
      for (const field of Object.keys(valid!)) {
        for (const poison of [...NASTY_STRINGS, ...NASTY_NUMBERS, null, true, [], {}]) {
          const body = { ...valid, [field]: poison };
          const before = await tableCounts();
          const res = await read(await handler(request(method, { key, idem: `s-${n++}`, body, path: concrete(route.url, value) }), { params: Promise.resolve(paramsFor(route.url, value)) }));
          const what = `${method} ${route.url} ${field}=${JSON.stringify(poison)?.slice(0, 40)} → ${res.status} ${res.text.slice(0, 200)}`;
          expect(res.status, what).toBeLessThan(500);
          if (res.status >= 400) expect(await tableCounts(), what).toEqual(before);
        }
      }
      await fc.assert(
        fc.asyncProperty(bodyFor(valid!), async (body) => {
          const before = await tableCounts();
          const res = await read(await handler(request(method, { key, idem: `f-${n++}`, body, path: concrete(route.url, value) }), { params: Promise.resolve(paramsFor(route.url, value)) }));
          expect(res.status, `${method} ${route.url} ${JSON.stringify(body)?.slice(0, 300)} → ${res.text.slice(0, 300)}`).toBeLessThan(500);
          expect(res.text).not.toMatch(/\bat .*\.(ts|js):\d+|relation "/i);
          if (res.status >= 400) expect(await tableCounts()).toEqual(before);
        }),
        { numRuns: 25, seed: 20261123 },
      );
    }
  }, 120_000);
});

test("every Integration API route is fuzzed", () => {
  expect(v1.length).toBeGreaterThanOrEqual(10);
});
