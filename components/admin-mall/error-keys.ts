// A refused admin-mall action → message keys (messages/admin-mall/*.json) per form field, so every
// error shows in the reader's language next to the field it is about. Pure; used by the actions.
import type { DomainError } from "@/lib/errors";

// Specific reasons the use cases give (DomainError field messages) that have their own message.
const SPECIFIC: Record<string, string> = {
  locked: "adminMall.errors.locked",
  "stock-not-zero": "adminMall.errors.stockNotZero",
  "below-zero": "adminMall.errors.belowZero",
  "too-large": "adminMall.errors.tooLarge",
  unlimited: "adminMall.errors.unlimited",
  pool: "adminMall.errors.pool",
  "already-unlimited": "adminMall.errors.alreadyUnlimited",
  "already-limited": "adminMall.errors.alreadyLimited",
  empty: "adminMall.errors.empty",
  "too-many": "adminMall.errors.tooMany",
  unreadable: "adminMall.errors.unreadable",
  "not-a-pool": "adminMall.errors.notAPool",
  "not-an-image": "adminMall.errors.notAnImage",
  "shipped-differently": "adminMall.errors.shippedDifferently",
  "cannot-move": "adminMall.errors.cannotMove",
};

/**
 * Field → message key, for the fields this form shows (`fields`); anything else — an error on a
 * field the form does not have, or one that belongs to no field — is keyed "form".
 */
export function errorKeys(e: DomainError, fields: readonly string[]): Record<string, string> {
  if (e.code === "not-found") return { form: "errors.not-found" };
  if (!e.errors.length) return { form: `errors.${e.code}` };
  const out: Record<string, string> = {};
  for (const { path, message } of e.errors) {
    const field = path.split(".")[0] ?? "";
    const known = fields.includes(field);
    const key =
      e.code === "duplicate" && field === "sku"
        ? "adminMall.errors.skuTaken"
        : field === "image" && message === "too-large"
          ? "adminMall.errors.imageTooLarge"
          : (SPECIFIC[message] ?? (known ? `adminMall.fieldErrors.${field}` : `errors.${e.code}`));
    out[known ? field : "form"] ??= key;
  }
  return out;
}
