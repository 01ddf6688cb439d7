import type { z } from "zod";
import type { ApiScope } from "@/db/schema";
import type { ErrorCode } from "@/lib/errors";

// An endpoint is described once: scope and zod schemas (which validate requests at runtime) plus
// what the OpenAPI document needs (method, path, summary, responses). apiRoute() serves it and
// lib/api/openapi.ts documents it, both from this one object.

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What apiRoute needs. DESIGN.md's inline form (`apiRoute({ scope, body }, …)`) is exactly this. */
export interface RouteOptions {
  scope: ApiScope;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Path parameters (Next's `[id]` segments). Required when the path has `{…}` placeholders. */
  params?: z.ZodType;
  /** POSTs always require an Idempotency-Key (contract); `true` also requires it on PUT/PATCH/DELETE. */
  idempotent?: boolean;
  /** Per API key; default API_RATE_LIMIT_PER_MINUTE (6000) per 60 s. */
  rateLimit?: { limit: number; windowSeconds?: number };
}

export type SuccessStatus = 200 | 201 | 202;
export type ResponseSpec = z.ZodType | { description: string; schema?: z.ZodType };

/** A documented endpoint: RouteOptions plus what the OpenAPI document shows. */
export interface EndpointDef extends RouteOptions {
  method: HttpMethod;
  /** Full path with OpenAPI placeholders, e.g. "/api/v1/orders/{externalId}/refunds". */
  path: `/api/v1/${string}`;
  summary: string;
  description?: string;
  tags?: string[];
  operationId?: string;
  /** Success responses by status. Schemas describe the JSON as sent (ISO strings for times, no transforms). */
  responses: Partial<Record<SuccessStatus, ResponseSpec>>;
  /** Domain error slugs this endpoint may answer with, beyond the ones every endpoint can. */
  errors?: ErrorCode[];
}

const defined = new WeakSet<object>();

/**
 * Declares an endpoint. `const` keeps the schemas' exact types so the route handler is typed from
 * them. Throws at import time when the path's placeholders and the params schema disagree.
 */
export function defineEndpoint<const D extends EndpointDef>(def: D): D {
  const placeholders = pathParamNames(def.path);
  const shape = objectKeys(def.params);
  if (placeholders.length && !def.params) throw new Error(`${def.method} ${def.path}: path parameters need a params schema`);
  if (shape && [...placeholders].sort().join() !== [...shape].sort().join()) {
    throw new Error(`${def.method} ${def.path}: params schema keys (${shape.join(", ")}) do not match the path`);
  }
  defined.add(def);
  return def;
}

export function isEndpoint(v: unknown): v is EndpointDef {
  return typeof v === "object" && v !== null && defined.has(v);
}

export function pathParamNames(path: string): string[] {
  return Array.from(path.matchAll(/\{([^}]+)\}/g), (m) => m[1]!);
}

export function requiresIdempotencyKey(method: string, options: RouteOptions): boolean {
  return method === "POST" || options.idempotent === true;
}

/** Keys of a z.object (or undefined for anything else), read from zod's public `shape`. */
function objectKeys(schema: z.ZodType | undefined): string[] | undefined {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape && typeof shape === "object" ? Object.keys(shape) : undefined;
}

/**
 * Collects the endpoint definitions exported by definition modules, so lib/api/endpoints.ts lists a
 * whole area in one line and a new endpoint is picked up by exporting it.
 */
export function collectEndpoints(...modules: Record<string, unknown>[]): EndpointDef[] {
  return modules.flatMap((m) => Object.values(m).filter(isEndpoint));
}
