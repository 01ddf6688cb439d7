import { beforeAll, describe, expect, test, vi } from "vitest";
import { z } from "zod";
import { createApiKey, revokeApiKey } from "@/lib/admin/api-keys";
import { freezeClock, resetClock } from "@/lib/clock";
import { apiRoute, created, MAX_BODY_BYTES } from "./route";
import { encodeCursor } from "./pagination";
import { GET, notesWritten, POST, read, request } from "./testing/fake-endpoints";

let key: string; // scopes: events + read
let readOnly: string;

beforeAll(async () => {
  key = (await createApiKey({ name: "shop", scopes: ["events", "read"] })).secret;
  readOnly = (await createApiKey({ name: "reporting", scopes: ["read"] })).secret;
});

const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
const ID = "0190a6a0-0000-7000-8000-000000000001";

describe("authentication and scopes", () => {
  test.each([
    ["no Authorization header", {}],
    ["not a Bearer token", { headers: { authorization: "Basic dXNlcjpwYXNz" } }],
    ["an unknown key", { key: "jf_live_00000000000000000000000000000000" }],
  ])("%s → 401 unauthorized problem, nothing written", async (_, opts) => {
    const res = await read(await POST(request("POST", { ...opts, idem: "a1", body: { label: "x401" } })));
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(res.json).toMatchObject({ type: "unauthorized", title: "Unauthorized", status: 401, errors: [] });
    expect(await notesWritten("x401")).toBe(0);
  });

  test("a revoked key → 401 from the next request on", async () => {
    const k = await createApiKey({ name: "temp", scopes: ["events"] });
    expect((await POST(request("POST", { key: k.secret, idem: "r1", body: { label: "rev" } }))).status).toBe(201);
    await revokeApiKey(k.id);
    const res = await read(await POST(request("POST", { key: k.secret, idem: "r2", body: { label: "rev" } })));
    expect(res.json).toMatchObject({ type: "unauthorized", status: 401 });
    expect(await notesWritten("rev")).toBe(1);
  });

  test("a key without the endpoint's scope → 403 forbidden, nothing written", async () => {
    const res = await read(await POST(request("POST", { key: readOnly, idem: "f1", body: { label: "x403" } })));
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ type: "forbidden", status: 403 });
    expect(res.json.detail).toContain("events");
    expect(await notesWritten("x403")).toBe(0);
  });
});

describe("rate limiting", () => {
  test("over the per-key limit → 429 rate-limited with Retry-After; other keys unaffected", async () => {
    freezeClock("2026-03-01T10:00:15Z");
    try {
      const limited = apiRoute({ scope: "read", rateLimit: { limit: 2, windowSeconds: 60 } }, async () => created({ fine: true }));
      const other = (await createApiKey({ name: "other", scopes: ["read"] })).secret;
      const hit = (k: string) => limited(request("GET", { key: k }));
      expect((await hit(readOnly)).status).toBe(201);
      expect((await hit(readOnly)).status).toBe(201);
      const res = await read(await hit(readOnly));
      expect(res.status).toBe(429);
      expect(res.headers.get("retry-after")).toBe("45");
      expect(res.json).toMatchObject({ type: "rate-limited", status: 429 });
      expect((await hit(other)).status).toBe(201);
    } finally {
      resetClock();
    }
  });
});

describe("request parsing and validation", () => {
  test("missing Idempotency-Key on a POST → 400 invalid-request naming the header", async () => {
    const res = await read(await POST(request("POST", { key, body: { label: "noidem" } })));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ type: "invalid-request", errors: [{ path: "Idempotency-Key" }] });
    const long = await read(await POST(request("POST", { key, idem: "k".repeat(256), body: { label: "noidem" } })));
    expect(long.status).toBe(400);
    expect(await notesWritten("noidem")).toBe(0);
  });

  test("malformed JSON → 400 invalid-request, nothing written", async () => {
    const res = await read(await POST(request("POST", { key, idem: "bad-json", rawBody: '{"label": "malformed",' })));
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ type: "invalid-request", status: 400, detail: "the request body is not valid JSON" });
    expect(await notesWritten("malformed")).toBe(0);
  });

  test("a body over 1 MB → 400, whether or not Content-Length says so", async () => {
    const big = JSON.stringify({ label: "big", pad: "x".repeat(MAX_BODY_BYTES) });
    const declared = await read(await POST(request("POST", { key, idem: "big1", rawBody: big })));
    expect(declared.status).toBe(400);
    expect(declared.json.detail).toContain("larger than");
    const bytes = new TextEncoder().encode(big);
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < bytes.length; i += 65536) c.enqueue(bytes.slice(i, i + 65536));
        c.close();
      },
    });
    const streamed = await read(await POST(request("POST", { key, idem: "big2", rawBody: stream })));
    expect(streamed.status).toBe(400);
    expect(streamed.json.detail).toContain("larger than");
    expect(await notesWritten("big")).toBe(0);
  });

  test("zod errors → 400 with dotted paths, nothing written", async () => {
    const res = await read(
      await POST(request("POST", { key, idem: "zod1", body: { label: "zod", items: [{ sku: "A", quantity: 1 }, { sku: "B", quantity: 0 }] } })),
    );
    expect(res.status).toBe(400);
    expect(res.json.type).toBe("invalid-request");
    expect(res.json.errors).toEqual([{ path: "items.1.quantity", message: expect.any(String) }]);
    const empty = await read(await POST(request("POST", { key, idem: "zod2" })));
    expect(empty.status).toBe(400);
    expect(await notesWritten("zod")).toBe(0);
  });

  test("GET: params and query validated and coerced; bad ones → 400 on that field", async () => {
    const good = await read(await GET(request("GET", { key, path: `/api/v1/test-notes/${ID}?limit=7&label=a` }), params({ id: ID })));
    expect(good).toMatchObject({ status: 200, json: { id: ID, limit: 7, label: "a", hasCursor: false } });
    expect(good.headers.get("content-type")).toContain("application/json");

    const defaults = await read(await GET(request("GET", { key, path: `/api/v1/test-notes/${ID}` }), params({ id: ID })));
    expect(defaults.json).toMatchObject({ limit: 50, label: null });

    const cursor = encodeCursor({ createdAt: "2026-01-01T00:00:00.000Z", id: ID });
    const paged = await read(await GET(request("GET", { key, path: `/api/v1/test-notes/${ID}?cursor=${cursor}` }), params({ id: ID })));
    expect(paged.json.hasCursor).toBe(true);

    for (const [qs, path] of [["limit=0", "limit"], ["limit=201", "limit"], ["limit=abc", "limit"], ["cursor=nope", "cursor"], ["label=a&label=b", "label"]]) {
      const res = await read(await GET(request("GET", { key, path: `/api/v1/test-notes/${ID}?${qs}` }), params({ id: ID })));
      expect(res.status, qs).toBe(400);
      expect(res.json.errors.map((e: { path: string }) => e.path), qs).toEqual([path]);
    }
    const badId = await read(await GET(request("GET", { key, path: "/api/v1/test-notes/42" }), params({ id: "42" })));
    expect(badId.status).toBe(400);
    expect(badId.json.errors[0].path).toBe("id");
  });

  test("GET needs no Idempotency-Key; a read-only key may call it", async () => {
    const res = await GET(request("GET", { key: readOnly, path: `/api/v1/test-notes/${ID}` }), params({ id: ID }));
    expect(res.status).toBe(200);
  });
});

describe("unexpected errors", () => {
  test("→ 500 internal problem with a request id; no message, stack or SQL; logged server-side", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const res = await read(await POST(request("POST", { key, idem: "crash1", body: { label: "crash", fail: "crash" }, headers: { "x-request-id": "req-123" } })));
      expect(res.status).toBe(500);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.json).toMatchObject({ type: "internal", status: 500, requestId: "req-123", errors: [] });
      expect(res.text).not.toMatch(/secret_table|select|password|at .*\.ts/);
      expect(log).toHaveBeenCalledWith(expect.stringContaining("req-123"), expect.any(Error));
      expect(await notesWritten("crash")).toBe(0); // the write inside the handler was rolled back
    } finally {
      log.mockRestore();
    }
  });

  test("inline options work too (DESIGN.md's shape), typed from the schemas", async () => {
    const route = apiRoute({ scope: "events", body: z.object({ n: z.int() }), idempotent: true }, async ({ body }) => created({ doubled: body.n * 2 }));
    const res = await read(await route(request("POST", { key, idem: "inline", body: { n: 21 } })));
    expect(res).toMatchObject({ status: 201, json: { doubled: 42 } });
  });
});
