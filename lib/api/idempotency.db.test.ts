import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { db } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { onPostgres } from "@/db/testing/database";
import { createApiKey } from "@/lib/admin/api-keys";
import { DAY_MS, freezeClock, resetClock } from "@/lib/clock";
import { canonicalJson, pruneIdempotencyKeys, requestHash } from "./idempotency";
import { calls, gate, notesWritten, POST, read, request } from "./testing/fake-endpoints";

let key: string;
let keyId: string;

beforeAll(async () => {
  const k = await createApiKey({ name: "pos", scopes: ["events"] });
  key = k.secret;
  keyId = k.id;
});

const post = async (idem: string, body: unknown, k = key) => read(await POST(request("POST", { key: k, idem, body })));

describe("replay", () => {
  test("same key + same body → the first response, byte for byte; the work ran once", async () => {
    const before = calls.createNote;
    const first = await post("rep-1", { label: "replay", items: [{ sku: "A", quantity: 2 }] });
    expect(first.status).toBe(201);
    // Same JSON with keys in another order: still the same request.
    const again = await read(await POST(request("POST", { key, idem: "rep-1", rawBody: '{"items":[{"quantity":2,"sku":"A"}],"label":"replay"}' })));
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(await notesWritten("replay")).toBe(1);
    expect(calls.createNote - before).toBe(1);
  });

  test("same key + different body → 409 idempotency-mismatch, nothing written", async () => {
    await post("mm-1", { label: "mismatch" });
    const res = await post("mm-1", { label: "mismatch", items: [{ sku: "X", quantity: 1 }] });
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ type: "idempotency-mismatch", status: 409 });
    expect(await notesWritten("mismatch")).toBe(1);
  });

  test("keys are scoped per API key", async () => {
    const other = (await createApiKey({ name: "erp", scopes: ["events"] })).secret;
    const a = await post("shared-key", { label: "scoped" });
    const b = await post("shared-key", { label: "scoped" }, other);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json.id).not.toBe(b.json.id);
    expect(await notesWritten("scoped")).toBe(2);
  });

  test("a 4xx from the use case: its writes roll back, and the 4xx is recorded and replayed", async () => {
    const before = calls.createNote;
    const first = await post("fail-1", { label: "fails", fail: "insufficient" });
    expect(first.status).toBe(409);
    expect(first.json).toMatchObject({ type: "insufficient-points", detail: "needs 10, has 0" });
    expect(await notesWritten("fails")).toBe(0);
    const again = await post("fail-1", { label: "fails", fail: "insufficient" });
    expect(again.status).toBe(409);
    expect(again.text).toBe(first.text);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(calls.createNote - before).toBe(1);
    expect((await post("fail-1", { label: "fails" })).json.type).toBe("idempotency-mismatch");
    expect(await notesWritten("fails")).toBe(0);
  });

  test("a 400 from validation is not recorded: the client may fix the body and reuse the key", async () => {
    expect((await post("fix-1", { label: "" })).status).toBe(400);
    expect((await post("fix-1", { label: "fixed" })).status).toBe(201);
    expect(await notesWritten("fixed")).toBe(1);
  });

  test("a 500 is not recorded: a retry with the same key does the work", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect((await post("crash-1", { label: "retry", fail: "crash" })).status).toBe(500);
      expect(await notesWritten("retry")).toBe(0);
      const rows = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, "crash-1"));
      expect(rows).toHaveLength(0);
    } finally {
      log.mockRestore();
    }
  });
});

describe("concurrency", () => {
  test("50 concurrent requests with one key: one write; every answer the identical 201 or a 409", async () => {
    const body = { label: "race", items: [{ sku: "A", quantity: 1 }], delayMs: 50 };
    const results = await Promise.all(Array.from({ length: 50 }, () => post("race-1", body)));
    expect(await notesWritten("race")).toBe(1);
    const successes = results.filter((r) => r.status === 201);
    expect(successes.length).toBeGreaterThanOrEqual(1);
    expect(new Set(successes.map((r) => r.text)).size).toBe(1);
    for (const r of results) expect([201, 409]).toContain(r.status);
    if (onPostgres()) expect(results.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(successes.length - 1);
  });

  test("50 concurrent requests with one key but different bodies: exactly one succeeds, the rest 409", async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => post("race-2", { label: "race2", items: [{ sku: `S${i}`, quantity: 1 }] })));
    expect(await notesWritten("race2")).toBe(1);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.json.type === "idempotency-mismatch")).toHaveLength(49);
  });

  test("a duplicate that arrives while the first is in flight waits; if the first rolls back, it does the work", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    let release!: () => void;
    const entered = new Promise<void>((r) => (gate.entered = r));
    gate.wait = new Promise<void>((r) => (release = r));
    try {
      // The first crashes after its write (so it rolls back); the second is an identical retry.
      const first = post("inflight-1", { label: "inflight", fail: "crash" });
      await entered;
      gate.entered = undefined;
      gate.wait = undefined;
      const second = post("inflight-1", { label: "inflight", fail: "crash" });
      await new Promise((r) => setTimeout(r, 100));
      release();
      const [a, b] = await Promise.all([first, second]);
      expect(a.status).toBe(500);
      expect(b.status).toBe(500); // it ran (and crashed) too: nothing was stored for it to replay
      expect(await notesWritten("inflight")).toBe(0);

      // Same again, but the first succeeds: the waiting duplicate replays its response.
      const entered2 = new Promise<void>((r) => (gate.entered = r));
      gate.wait = new Promise<void>((r) => (release = r));
      const c = post("inflight-2", { label: "inflight2" });
      await entered2;
      gate.entered = undefined;
      gate.wait = undefined;
      const d = post("inflight-2", { label: "inflight2" });
      await new Promise((r) => setTimeout(r, 100));
      release();
      const [rc, rd] = await Promise.all([c, d]);
      expect(rc.status).toBe(201);
      expect(rd.text).toBe(rc.text);
      expect(rd.headers.get("idempotent-replayed")).toBe("true");
      expect(await notesWritten("inflight2")).toBe(1);
    } finally {
      gate.entered = undefined;
      gate.wait = undefined;
      log.mockRestore();
    }
  });
});

describe("retention", () => {
  test("pruning keeps keys younger than 24 h and forgets older ones", async () => {
    const clock = freezeClock("2026-05-01T00:00:00Z");
    try {
      await post("old-1", { label: "prune" });
      clock.advance(DAY_MS - 1000);
      await post("young-1", { label: "prune" });
      expect(await pruneIdempotencyKeys(0)).toBe(0); // nothing under the 24 h floor goes, whatever asked
      clock.advance(2000);
      expect(await pruneIdempotencyKeys()).toBeGreaterThanOrEqual(1);
      const left = await db.select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(eq(idempotencyKeys.apiKeyId, keyId));
      expect(left.map((r) => r.key)).toContain("young-1");
      expect(left.map((r) => r.key)).not.toContain("old-1");
      // A forgotten key is new again.
      expect((await post("old-1", { label: "prune" })).headers.get("idempotent-replayed")).toBeNull();
    } finally {
      resetClock();
    }
  });
});

describe("request hash", () => {
  test("canonical JSON ignores key order and undefined, keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{"a":{"d":[2,1]},"b":1}');
    expect(requestHash("POST", "http://x/api/v1/a", { a: 1, b: 2 })).toBe(requestHash("post", "http://y/api/v1/a", { b: 2, a: 1 }));
    expect(requestHash("POST", "http://x/api/v1/a", {})).not.toBe(requestHash("POST", "http://x/api/v1/b", {}));
    expect(requestHash("POST", "http://x/api/v1/a", [1, 2])).not.toBe(requestHash("POST", "http://x/api/v1/a", [2, 1]));
  });
});
