// A refused admin-mall action → message keys (messages/admin-mall/*.json) per form field, so every
// error shows in the reader's language next to the field it is about. Pure; used by the actions.
import { refusalKeys, type FormErrors } from "@/lib/actions/action-result";
import { isDomainError } from "@/lib/errors";

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
export function errorKeys(e: unknown, fields: readonly string[]): FormErrors {
  if (isDomainError(e) && e.code === "not-found") return { form: "errors.not-found" };
  return refusalKeys(e, {
    fields,
    key: ({ path, message }, d) => {
      const field = path.split(".")[0] ?? "";
      if (d.code === "duplicate" && field === "sku") return "adminMall.errors.skuTaken";
      if (field === "image" && message === "too-large") return "adminMall.errors.imageTooLarge";
      return SPECIFIC[message] ?? (fields.includes(field) ? `adminMall.fieldErrors.${field}` : `errors.${d.code}`);
    },
  });
}
