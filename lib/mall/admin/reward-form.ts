// The admin's reward form ↔ the catalogue schema (lib/mall/reward-schema.ts). Pure: FormData in,
// a candidate for createRewardSchema out (the schema decides what is valid), and a reward back to
// the strings the form shows. Blank optional fields are null; numbers that are not whole numbers
// stay NaN so the schema reports them on their field.
import type { Reward } from "@/db/schema";
import type { CreateRewardInput } from "../reward-schema";
import { isoToLocalInput, localInputToIso } from "./local-time";

/** The fields the form sends, by name (stock only on the create form: later it moves by adjustments). */
export const REWARD_FORM_FIELDS = [
  "sku", "name", "nameEn", "description", "descriptionEn", "terms", "termsEn", "type", "category",
  "pointsPrice", "stock", "perMemberLimit", "tierCodes", "active", "flash", "startsAt", "endsAt",
  "imageUrl", "images", "couponSource", "couponPattern", "couponValidDays",
] as const;

type FormLike = Pick<FormData, "get" | "getAll">;

export function rewardInputFromForm(form: FormLike, timeZone: string): CreateRewardInput {
  const text = (k: string) => String(form.get(k) ?? "");
  const trimmed = (k: string) => text(k).trim();
  const optional = (k: string) => trimmed(k) || null;
  const int = (k: string): number | null => {
    const v = trimmed(k).replace(/[,，\s]/g, "");
    if (!v) return null;
    return /^-?\d+$/.test(v) ? Number(v) : Number.NaN;
  };
  const type = trimmed("type") as CreateRewardInput["type"];
  const coupon = type === "coupon";
  const source = coupon ? ((optional("couponSource") as "pool" | "pattern" | null) ?? "pattern") : null;
  return {
    sku: trimmed("sku"),
    name: trimmed("name"),
    nameEn: optional("nameEn"),
    description: text("description").trim(),
    descriptionEn: text("descriptionEn").trim() || null,
    terms: text("terms").trim(),
    termsEn: text("termsEn").trim() || null,
    type,
    category: trimmed("category") || "general",
    pointsPrice: int("pointsPrice") ?? Number.NaN,
    stock: int("stock"),
    perMemberLimit: int("perMemberLimit"),
    tierCodes: [...new Set(form.getAll("tierCodes").map((v) => String(v).trim()).filter(Boolean))],
    active: form.get("active") !== null,
    flash: form.get("flash") !== null,
    startsAt: localInputToIso(text("startsAt"), timeZone),
    endsAt: localInputToIso(text("endsAt"), timeZone),
    imageUrl: optional("imageUrl"),
    images: text("images").split(/\r?\n/).map((s) => s.trim()).filter(Boolean),
    couponSource: source,
    couponPattern: source === "pattern" ? optional("couponPattern") : null,
    couponValidDays: coupon ? int("couponValidDays") : null,
  };
}

export type RewardFormValues = Record<Exclude<(typeof REWARD_FORM_FIELDS)[number], "tierCodes" | "active" | "flash">, string> & {
  tierCodes: string[];
  active: boolean;
  flash: boolean;
};

export function rewardFormValues(r: Reward, timeZone: string): RewardFormValues {
  return {
    sku: r.sku,
    name: r.name,
    nameEn: r.nameEn ?? "",
    description: r.description,
    descriptionEn: r.descriptionEn ?? "",
    terms: r.terms,
    termsEn: r.termsEn ?? "",
    type: r.type,
    category: r.category,
    pointsPrice: String(r.pointsPrice),
    stock: r.stock === null ? "" : String(r.stock),
    perMemberLimit: r.perMemberLimit === null ? "" : String(r.perMemberLimit),
    tierCodes: r.tierCodes,
    active: r.active,
    flash: r.flash,
    startsAt: isoToLocalInput(r.startsAt, timeZone),
    endsAt: isoToLocalInput(r.endsAt, timeZone),
    imageUrl: r.imageUrl ?? "",
    images: r.images.join("\n"),
    couponSource: r.couponSource ?? "",
    couponPattern: r.couponPattern ?? "",
    couponValidDays: r.couponValidDays === null ? "" : String(r.couponValidDays),
  };
}

/** The values a refused form comes back with (strings as typed, checkboxes as sent). */
export function formValuesFromForm(form: FormLike): RewardFormValues {
  const s = (k: string) => String(form.get(k) ?? "");
  return {
    ...(Object.fromEntries(REWARD_FORM_FIELDS.map((k) => [k, s(k)])) as Record<(typeof REWARD_FORM_FIELDS)[number], string>),
    tierCodes: form.getAll("tierCodes").map(String),
    active: form.get("active") !== null,
    flash: form.get("flash") !== null,
  };
}
