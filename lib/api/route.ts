import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { apiKeyActor, authenticateApiKey, type ApiKeyActor, type ApiKeyInfo } from "@/lib/admin/api-keys";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { hitRateLimit } from "@/lib/rate-limit";
import { requiresIdempotencyKey, type RouteOptions, type ResponseSpec } from "./endpoint";
import { readIdempotencyKey, requestHash, runIdempotent } from "./idempotency";
import { errorResponse, fromZodError, invalidRequest, PROBLEM_CONTENT_TYPE } from "./problem";

// The ONE guard for Integration API route handlers: API key → scope → rate limit → Idempotency-Key
// → JSON body → zod (body, query, params) → handler (inside the idempotency transaction for POSTs)
// → JSON or problem+json. Route files stay one expression long:
//
//   export const POST = apiRoute(createOrder, async ({ body, actor, tx }) => created(await ingestOrder(body, { actor, ex: tx })));

export const MAX_BODY_BYTES = 1024 * 1024;

// Generous by default: the limiter is there to stop a runaway client, not to meter normal use.
const DEFAULT_RATE_LIMIT = env.API_RATE_LIMIT_PER_MINUTE;

export interface ApiResult<T> {
  status: 200 | 201 | 202;
  body: T;
}
export const ok = <T>(body: T): ApiResult<T> => ({ status: 200, body });
export const created = <T>(body: T): ApiResult<T> => ({ status: 201, body });

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;
type SpecBody<S> = S extends z.ZodType ? z.output<S> : S extends { schema: infer Z extends z.ZodType } ? z.output<Z> : unknown;
/** The handler must return what the endpoint's `responses` schemas describe (anything, when none). */
type ResponseBody<O> = O extends { responses: infer R } ? { [K in keyof R]: R[K] extends ResponseSpec ? SpecBody<R[K]> : never }[keyof R] : unknown;

export interface HandlerContext<O extends RouteOptions> {
  body: Parsed<O["body"]>;
  query: Parsed<O["query"]>;
  params: Parsed<O["params"]>;
  actor: ApiKeyActor;
  /**
   * Where use cases run their queries: the idempotency transaction on POSTs (pass it on as `ex`;
   * never use `db` inside — on PGlite that waits on this very transaction), the database otherwise.
   */
  tx: Executor;
  request: Request;
  requestId: string;
}

/** Next 16 passes `{ params: Promise<…> }`; optional so tests can call routes without params. */
export interface RouteContext {
  params?: Promise<Record<string, string | string[] | undefined>>;
}

export type ApiHandler = ((request: Request, context?: RouteContext) => Promise<Response>) & {
  /** The options (or endpoint definition) it serves; the route ↔ OpenAPI drift test reads this. */
  readonly definition: RouteOptions;
};

export function apiRoute<const O extends RouteOptions>(
  options: O,
  handler: (ctx: HandlerContext<O>) => Promise<ApiResult<ResponseBody<O>>>,
): ApiHandler {
  const serve = async (request: Request, context?: RouteContext): Promise<Response> => {
    const requestId = requestIdOf(request);
    try {
      const key = await authenticate(request);
      if (!key.scopes.includes(options.scope)) throw new DomainError("forbidden", `this API key lacks the "${options.scope}" scope`);
      await limitRate(key, options);

      const idempotencyKey = requiresIdempotencyKey(request.method, options) ? readIdempotencyKey(request) : undefined;
      const raw = options.body ? await readJson(request) : undefined;
      const url = new URL(request.url);
      const input = {
        body: validate(options.body, raw, "the request body is invalid"),
        query: validate(options.query, queryObject(url), "the query string is invalid"),
        params: validate(options.params, (await context?.params) ?? {}, "the path is invalid"),
      } as Pick<HandlerContext<O>, "body" | "query" | "params">;
      const run = (tx: Executor) => handler({ ...input, actor: apiKeyActor(key), tx, request, requestId });

      if (idempotencyKey === undefined) {
        const result = await run(db);
        return jsonResponse(result.status, JSON.stringify(result.body ?? null), requestId);
      }
      const stored = await runIdempotent({ apiKeyId: key.id, key: idempotencyKey, requestHash: requestHash(request.method, request.url, raw) }, run);
      return jsonResponse(stored.status, stored.bodyText, requestId, stored.replayed);
    } catch (e) {
      return errorResponse(e, requestId);
    }
  };
  return Object.assign(serve, { definition: options as RouteOptions });
}

async function authenticate(request: Request): Promise<ApiKeyInfo> {
  const header = request.headers.get("authorization");
  const secret = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!secret) throw new DomainError("unauthorized", "send an API key as `Authorization: Bearer <key>`");
  const key = await authenticateApiKey(secret);
  if (!key) throw new DomainError("unauthorized", "unknown or revoked API key");
  return key;
}

async function limitRate(key: ApiKeyInfo, options: RouteOptions): Promise<void> {
  const limit = options.rateLimit?.limit ?? DEFAULT_RATE_LIMIT;
  const windowSeconds = options.rateLimit?.windowSeconds ?? 60;
  // One counter per key across all endpoints (per-endpoint limits get their own bucket).
  const bucket = options.rateLimit ? `api:${key.id}:${limit}/${windowSeconds}` : `api:${key.id}`;
  const r = await hitRateLimit(bucket, limit, windowSeconds);
  if (!r.allowed) {
    throw new DomainError("rate-limited", `at most ${limit} requests per ${windowSeconds} s for this API key; retry in ${r.retryAfterSeconds} s`, {
      params: { retryAfterSeconds: r.retryAfterSeconds },
    });
  }
}

/**
 * The path of the first string (key or value) holding a NUL character, which Postgres text cannot
 * store: refused up front as a 400 rather than failing in the database as a 500.
 */
export function nulPath(value: unknown, at: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? at.join(".") || "(root)" : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const p = nulPath(v, [...at, String(i)]);
      if (p) return p;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) return [...at, k.replaceAll("\u0000", "\\0")].join(".");
      const p = nulPath(v, [...at, k]);
      if (p) return p;
    }
  }
  return null;
}

function validate(schema: z.ZodType | undefined, value: unknown, detail: string): unknown {
  if (!schema) return undefined;
  const nul = nulPath(value);
  if (nul) throw invalidRequest(detail, [{ path: nul, message: "must not contain NUL characters" }]);
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZodError(parsed.error, detail);
  return parsed.data;
}

/**
 * The body as JSON, read with a hard size cap (Content-Length can be absent or wrong, so the stream
 * is counted too). Empty → undefined, so the body schema decides whether a body is optional.
 */
export async function readJson(request: Request): Promise<unknown> {
  const tooLarge = () => invalidRequest(`the request body is larger than ${MAX_BODY_BYTES} bytes`);
  if (Number(request.headers.get("content-length")) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return undefined;
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw invalidRequest("the request body is not valid UTF-8");
  }
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw invalidRequest("the request body is not valid JSON");
  }
}

/** `?a=1&a=2` → { a: ["1", "2"] }: repeats are kept, so a schema expecting one value rejects them. */
function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function requestIdOf(request: Request): string {
  const given = request.headers.get("x-request-id");
  return given && /^[\w.-]{1,100}$/.test(given) ? given : newId();
}

function jsonResponse(status: number, bodyText: string, requestId: string, replayed = false): Response {
  const headers = new Headers({
    "content-type": status >= 400 ? PROBLEM_CONTENT_TYPE : "application/json; charset=utf-8",
    "cache-control": "no-store",
    "x-request-id": requestId,
  });
  if (replayed) headers.set("idempotent-replayed", "true");
  return new Response(bodyText, { status, headers });
}
