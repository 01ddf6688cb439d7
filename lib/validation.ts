import { z } from "zod";

// Shared field rules. Messages are message keys (messages/*.json `validation.*`), so every form
// shows the error in the reader's language.
export const emailField = z.string().trim().toLowerCase().pipe(z.email({ error: "validation.email" })).pipe(z.string().max(254, { error: "validation.email" }));
export const passwordField = z
  .string({ error: "validation.required" })
  .min(8, { error: "validation.passwordMin" })
  .max(200, { error: "validation.passwordMax" });
export const nameField = z.string().trim().min(1, { error: "validation.required" }).max(60, { error: "validation.nameMax" });
export const referralCodeField = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{4,12}$/, { error: "validation.referralCode" });

/**
 * Whether a value sent to Postgres holds a NUL character (U+0000), which Postgres can store neither
 * in text (a raw NUL) nor in jsonb (the `\u0000` escape that JSON.stringify writes for it). Raw NUL
 * anywhere; the escape only in JSON text, and only when its backslash is not itself escaped.
 */
export function hasNul(value: unknown): boolean {
  if (typeof value === "string") return value.includes("\u0000") || (/^\s*[[{"]/.test(value) && /(?<!\\)(?:\\\\)*\\u0000/.test(value));
  if (Array.isArray(value)) return value.some(hasNul);
  return false;
}

/** Field → first message key, for forms. */
export function formErrors(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = String(i.path[0] ?? "form");
    out[key] ??= i.message;
  }
  return out;
}
