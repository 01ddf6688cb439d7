import { z } from "zod";
import { DomainError, fieldErrors, type ErrorCode, type FieldError } from "@/lib/errors";

// Every Integration API error leaves through here, as RFC 9457 application/problem+json.
// `type` is the contract's slug (a relative URI reference, which RFC 9457 allows).

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const titles: Record<ErrorCode | "internal", string> = {
  "invalid-request": "Invalid request",
  unauthorized: "Unauthorized",
  forbidden: "Forbidden",
  "not-found": "Not found",
  "idempotency-mismatch": "Idempotency key reused with a different request",
  "insufficient-points": "Insufficient points",
  "out-of-stock": "Out of stock",
  "limit-reached": "Limit reached",
  "not-eligible": "Not eligible",
  duplicate: "Duplicate",
  "refund-exceeds-order": "Refund exceeds order",
  conflict: "Conflict",
  "rate-limited": "Too many requests",
  internal: "Internal server error",
};

export interface Problem {
  type: ErrorCode | "internal";
  title: string;
  status: number;
  detail: string;
  errors: FieldError[];
  /** Only on 500s: the id the server logged the real error under. */
  requestId?: string;
}

/** The same shape as a zod schema, so the OpenAPI document describes errors from the code. */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: "Error slug, e.g. invalid-request, insufficient-points" }),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string().meta({ example: "items.0.quantity" }), message: z.string() })),
    requestId: z.string().optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

export function problemOf(e: DomainError): Problem {
  return { type: e.code, title: titles[e.code], status: e.status, detail: e.message, errors: e.errors };
}

export function invalidRequest(detail: string, errors: FieldError[] = []): DomainError {
  return new DomainError("invalid-request", detail, { errors });
}

export function fromZodError(e: z.ZodError, detail = "the request failed validation"): DomainError {
  return invalidRequest(detail, fieldErrors(e.issues));
}

export function problemResponse(problem: Problem, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set("content-type", PROBLEM_CONTENT_TYPE);
  h.set("cache-control", "no-store");
  return new Response(JSON.stringify(problem), { status: problem.status, headers: h });
}

/**
 * Any thrown value → a problem response. DomainError and ZodError are the caller's fault and say
 * why; anything else is logged here with the request id and answered with a 500 that carries only
 * that id (never a message, stack or SQL, which could leak schema or data).
 */
export function errorResponse(e: unknown, requestId: string): Response {
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (e instanceof z.ZodError) e = fromZodError(e);
  if (e instanceof DomainError) {
    if (e.code === "unauthorized") headers["www-authenticate"] = 'Bearer realm="jifen"';
    const retry = e.params.retryAfterSeconds;
    if (e.code === "rate-limited" && retry !== undefined) headers["retry-after"] = String(retry);
    return problemResponse(problemOf(e), headers);
  }
  console.error(`[api] request ${requestId} failed`, e);
  return problemResponse(
    {
      type: "internal",
      title: titles.internal,
      status: 500,
      detail: `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
      errors: [],
      requestId,
    },
    headers,
  );
}
