// The one error type. Routes and actions map it once (to problem+json or a localised message);
// anything else that escapes is a 500 that never shows its stack or SQL.

export const errorStatus = {
  "invalid-request": 400,
  unauthorized: 401,
  forbidden: 403,
  "not-found": 404,
  "idempotency-mismatch": 409,
  "insufficient-points": 409,
  "out-of-stock": 409,
  "limit-reached": 409,
  "not-eligible": 409,
  duplicate: 409,
  "refund-exceeds-order": 409,
  conflict: 409,
  "rate-limited": 429,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  path: string;
  message: string;
}

// The app can hold more than one copy of this module (instrumentation and the request handlers are
// bundled separately, and the database handle made by the first is shared on globalThis), so a
// DomainError thrown by one copy must still be `instanceof DomainError` in another: the class is
// recognised by a registered symbol, not by identity.
const DOMAIN_ERROR = Symbol.for("jifen.DomainError");

export class DomainError extends Error {
  readonly [DOMAIN_ERROR] = true;
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[DOMAIN_ERROR] === true;
  }
  readonly code: ErrorCode;
  readonly errors: FieldError[];
  /** Values for the localised message (e.g. { needed: 120 }). */
  readonly params: Record<string, string | number>;

  constructor(code: ErrorCode, detail?: string, opts: { errors?: FieldError[]; params?: Record<string, string | number> } = {}) {
    super(detail ?? code);
    this.name = "DomainError";
    this.code = code;
    this.errors = opts.errors ?? [];
    this.params = opts.params ?? {};
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** zod issues → field errors with dotted paths ("items.0.quantity"). */
export function fieldErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): FieldError[] {
  return issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}
