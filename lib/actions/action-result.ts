// A use case's refusal (a DomainError) → the message keys a form shows: one place decides which key
// a field error and a refusal without a field get, so every server action answers the same way and
// the browser translates (actions return keys, never text). Pure; the actions wrap the result in
// their own state. Anything that is not a DomainError is rethrown (a 500, never shown).
import { isDomainError, type DomainError, type FieldError } from "@/lib/errors";

/** Form field → message key; "form" is the message about the whole form. */
export type FormErrors = Record<string, string>;

export interface RefusalRules {
  /**
   * Which form field a field error shows on. A list: the error's first path segment when the form
   * has that field, else "form". A function: its answer ("form" for the whole form, null to drop the
   * error). Default: the error's own path.
   */
  fields?: readonly string[] | ((path: string) => string | null);
  /** The key for one field error (null: not one this form shows); default: its message when that is a message key ("ns.key"), else errors.<code>. */
  key?: (error: FieldError, e: DomainError) => string | null;
  /** The key for a refusal that leaves no field error; default errors.<code>. */
  form?: (e: DomainError) => string | undefined;
  /** Refusals the action does not answer with a message (they propagate, e.g. to the sign-in page). */
  rethrow?: (e: DomainError) => boolean;
}

/** A field error's own message when it is a message key (the use cases' zod messages), else the code's. */
export const messageKey = (error: FieldError, e: DomainError): string => (error.message.includes(".") ? error.message : `errors.${e.code}`);

export function refusalKeys(e: unknown, rules: RefusalRules = {}): FormErrors {
  if (!isDomainError(e) || rules.rethrow?.(e)) throw e;
  const out: FormErrors = {};
  const place = rules.fields;
  for (const error of e.errors) {
    const at =
      place === undefined ? error.path : typeof place === "function" ? place(error.path) : place.includes(error.path.split(".")[0]!) ? error.path.split(".")[0]! : "form";
    const key = at === null ? null : (rules.key ?? messageKey)(error, e);
    if (at !== null && key !== null) out[at] ??= key;
  }
  if (!Object.keys(out).length) out.form = rules.form?.(e) ?? `errors.${e.code}`;
  return out;
}

/** For forms with one message: the first key refusalKeys gives, and whether it is about a field. */
export function firstRefusal(e: unknown, rules?: RefusalRules): { key: string; field?: string } {
  const [[at, key]] = Object.entries(refusalKeys(e, rules)) as [[string, string]];
  return at === "form" ? { key } : { key, field: at };
}
