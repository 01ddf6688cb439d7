import { createHash } from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor, type Tx } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";
import { DAY_MS, now } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { fromZodError, invalidRequest, problemOf } from "./problem";

// Idempotency-Key handling (contract: every POST). The work runs inside ONE transaction that first
// claims the key with `insert … on conflict do nothing`. A concurrent duplicate's insert blocks on
// the unique index until the first transaction ends: after a commit it finds the stored response
// and replays it; after a rollback its insert succeeds and it does the work itself. So exactly one
// request does the work, with no locks held in the app (any number of instances, one Postgres).
// On PGlite (one connection) transactions simply run one after another; the same code holds.

export const IDEMPOTENCY_HEADER = "Idempotency-Key";
/** Rows younger than this are never pruned (contract: at least 24 hours). */
export const IDEMPOTENCY_RETENTION_MS = DAY_MS;

/** The request's Idempotency-Key, or a 400 when it is missing or longer than 255 characters. */
export function readIdempotencyKey(request: Request): string {
  const value = request.headers.get(IDEMPOTENCY_HEADER);
  if (value === null) {
    throw invalidRequest(`the ${IDEMPOTENCY_HEADER} header is required on this request`, [
      { path: IDEMPOTENCY_HEADER, message: "required" },
    ]);
  }
  if (value.length < 1 || value.length > 255) {
    throw invalidRequest(`the ${IDEMPOTENCY_HEADER} header must be 1–255 characters`, [
      { path: IDEMPOTENCY_HEADER, message: "must be 1–255 characters" },
    ]);
  }
  return value;
}

/** JSON with object keys sorted at every level, so `{"a":1,"b":2}` and `{"b":2,"a":1}` hash alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(",")}}`;
}

/**
 * What "the same request" means: method, path (+ query string) and the JSON body as received.
 * The raw JSON is hashed, not zod's output, so defaults like "placedAt = now" cannot make a
 * genuine retry look different.
 */
export function requestHash(method: string, url: string, body: unknown): string {
  const u = new URL(url);
  return createHash("sha256").update(`${method.toUpperCase()} ${u.pathname}${u.search}\n${canonicalJson(body ?? null)}`).digest("hex");
}

export interface StoredResponse {
  status: number;
  /** The response body exactly as first sent (JSON text). */
  bodyText: string;
  replayed: boolean;
}

export interface IdempotencyScope {
  apiKeyId: string;
  key: string;
  requestHash: string;
}

/**
 * Runs `work` at most once per (API key, Idempotency-Key), inside the transaction that claims the
 * key, and answers with the stored response for every repeat. A 4xx that `work` throws (DomainError
 * or ZodError) rolls its writes back — nothing is written on an error — and is then recorded for
 * replay in a statement of its own. 5xx are not recorded, so the client can simply retry.
 */
export async function runIdempotent(
  scope: IdempotencyScope,
  work: (tx: Tx) => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  let failure: DomainError | undefined;
  try {
    return await db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(idempotencyKeys)
        .values({ apiKeyId: scope.apiKeyId, key: scope.key, requestHash: scope.requestHash, createdAt: now() })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (!claimed) return replay(tx, scope);

      let result: { status: number; body: unknown };
      try {
        result = await work(tx);
      } catch (e) {
        const domain = e instanceof z.ZodError ? fromZodError(e) : e;
        if (domain instanceof DomainError && domain.status < 500) failure = domain;
        throw e;
      }
      const bodyText = JSON.stringify(result.body ?? null);
      await tx.update(idempotencyKeys).set({ status: result.status, body: bodyText }).where(keyIs(scope));
      return { status: result.status, bodyText, replayed: false };
    });
  } catch (e) {
    if (!failure) throw e;
    return recordFailure(scope, failure);
  }
}

/** The key is taken by a committed request: replay its response, or 409 if the body differed. */
async function replay(ex: Executor, scope: IdempotencyScope): Promise<StoredResponse> {
  const [row] = await ex
    .select({ requestHash: idempotencyKeys.requestHash, status: idempotencyKeys.status, body: storedBodyText })
    .from(idempotencyKeys)
    .where(keyIs(scope));
  if (row && row.requestHash !== scope.requestHash) {
    throw new DomainError("idempotency-mismatch", `this ${IDEMPOTENCY_HEADER} was already used with a different request`);
  }
  // Unreachable while the claim and its response are written in one transaction; kept so a
  // half-written row can never be replayed as an empty success.
  if (!row || row.status === null || typeof row.body !== "string") {
    throw new DomainError("conflict", `a request with this ${IDEMPOTENCY_HEADER} is still in progress; retry shortly`);
  }
  return { status: row.status, bodyText: row.body, replayed: true };
}

async function recordFailure(scope: IdempotencyScope, error: DomainError): Promise<StoredResponse> {
  const problem = problemOf(error);
  const bodyText = JSON.stringify(problem);
  const [recorded] = await db
    .insert(idempotencyKeys)
    .values({ ...scope, status: problem.status, body: bodyText, createdAt: now() })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (recorded) return { status: problem.status, bodyText, replayed: false };
  // A concurrent duplicate claimed the key after our rollback and has finished: the key now stands
  // for its response, so answer with that (or a 409 if it was a different request).
  return replay(db, scope);
}

// The body column holds the response's JSON text as a jsonb string, not the parsed JSON: jsonb
// reorders object keys, and a replay must be byte-identical. `#>> '{}'` reads the string back as
// text on every driver (drizzle's jsonb mapper would JSON.parse it a second time on some).
const storedBodyText = sql<string | null>`${idempotencyKeys.body} #>> '{}'`;

function keyIs(scope: IdempotencyScope) {
  return and(eq(idempotencyKeys.apiKeyId, scope.apiKeyId), eq(idempotencyKeys.key, scope.key));
}

/** Forgets keys older than `retentionMs` (≥ 24 h). For the periodic sweep; uses the created_at index. */
export async function pruneIdempotencyKeys(retentionMs = IDEMPOTENCY_RETENTION_MS, ex: Executor = db): Promise<number> {
  const cutoff = new Date(now().getTime() - Math.max(retentionMs, IDEMPOTENCY_RETENTION_MS));
  const deleted = await ex.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).returning({ key: idempotencyKeys.key });
  return deleted.length;
}
