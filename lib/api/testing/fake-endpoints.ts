import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { defineEndpoint } from "../endpoint";
import { pageQuery } from "../pagination";
import { apiRoute, created, ok } from "../route";

// Test-only endpoints built with the real guard. The POST writes one audit_log row per execution
// (in a savepoint, like a use case would), so tests count real writes, not mocks.

export const noteSchema = z.object({
  label: z.string().min(1).max(100),
  items: z.array(z.object({ sku: z.string(), quantity: z.int().min(1) })).default([]),
  /** Makes the use case fail after it has written: a domain 409 or an unexpected crash. */
  fail: z.enum(["insufficient", "crash"]).optional(),
  /** Holds the transaction open after the write, to widen race windows. */
  delayMs: z.int().min(0).max(2000).optional(),
});

export const noteResponse = z.object({ id: z.string(), label: z.string(), nonce: z.string(), createdAt: z.string() }).meta({ id: "TestNote" });

export const createNote = defineEndpoint({
  method: "POST",
  path: "/api/v1/test-notes",
  scope: "events",
  summary: "Test: write a note",
  body: noteSchema,
  responses: { 201: noteResponse },
  errors: ["insufficient-points"],
});

export const getNote = defineEndpoint({
  method: "GET",
  path: "/api/v1/test-notes/{id}",
  scope: "read",
  summary: "Test: echo the validated params and query",
  params: z.object({ id: z.uuid() }),
  query: pageQuery.extend({ label: z.string().optional() }),
  responses: { 200: z.object({ id: z.string(), limit: z.int(), label: z.string().nullable(), hasCursor: z.boolean() }) },
});

export const calls = { createNote: 0 };
/** Set by a test to pause inside the handler (after the write) until it resolves. */
export const gate: { wait?: Promise<void>; entered?: () => void } = {};

export const POST = apiRoute(createNote, async ({ body, actor, tx }) => {
  calls.createNote++;
  const id = newId();
  const createdAt = now();
  await tx.transaction(async (s) => {
    await s.insert(auditLog).values({ id, actorLabel: actor.label, action: "test.note", targetType: "note", targetId: body.label, createdAt });
  });
  gate.entered?.();
  if (gate.wait) await gate.wait;
  if (body.delayMs) await new Promise((r) => setTimeout(r, body.delayMs));
  if (body.fail === "insufficient") throw new DomainError("insufficient-points", "needs 10, has 0");
  if (body.fail === "crash") throw new Error('relation "secret_table" does not exist: select password from secret_table');
  return created({ id, label: body.label, nonce: randomUUID(), createdAt: createdAt.toISOString() });
});

export const GET = apiRoute(getNote, async ({ params, query }) =>
  ok({ id: params.id, limit: query.limit, label: query.label ?? null, hasCursor: query.cursor !== undefined }),
);

export async function notesWritten(label?: string): Promise<number> {
  const where = label === undefined ? eq(auditLog.action, "test.note") : eq(auditLog.targetId, label);
  const [row] = await db.select({ n: count() }).from(auditLog).where(where);
  return row!.n;
}

export interface CallOptions {
  key?: string;
  idem?: string | null;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  path?: string;
}

export function request(method: string, { key, idem, body, rawBody, headers = {}, path = "/api/v1/test-notes" }: CallOptions = {}): Request {
  const h = new Headers(headers);
  if (key) h.set("authorization", `Bearer ${key}`);
  if (idem) h.set("idempotency-key", idem);
  const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  return new Request(`http://localhost${path}`, { method, headers: h, body: payload, ...(payload instanceof ReadableStream ? { duplex: "half" } : {}) });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke at arbitrary response JSON
export async function read(res: Response): Promise<{ status: number; text: string; json: any; headers: Headers }> {
  const text = await res.text();
  return { status: res.status, text, json: text ? JSON.parse(text) : undefined, headers: res.headers };
}
