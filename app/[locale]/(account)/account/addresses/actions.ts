"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { refusalKeys } from "@/lib/actions/action-result";
import { requireAction } from "@/lib/auth/guard";
import { isDomainError } from "@/lib/errors";
import { addAddress, deleteAddress, setDefaultAddress, updateAddress } from "@/lib/mall/addresses";

export interface AddressFormState {
  /** Messages in the member's language, per field or "form". */
  errors?: Record<string, string>;
  /** What was submitted, to fill the form again (React resets a form after its action). */
  values?: Record<string, string>;
}

const FIELDS = ["recipient", "phone", "region", "line", "postalCode"] as const;

/** Only same-site paths: `next` must never send a member to another origin. */
function safeNext(v: FormDataEntryValue | null): string | null {
  const s = typeof v === "string" ? v : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/\\") ? s : null;
}

// Adds an address (no addressId) or saves changes to one; then back to where the member came from
// (the confirm step of a redemption) or to the address book.
export async function saveAddressAction(_prev: AddressFormState, form: FormData): Promise<AddressFormState> {
  const actor = await requireAction("member:use");
  const t = await getTranslations("addresses.errors");
  const input = Object.fromEntries(FIELDS.map((k) => [k, String(form.get(k) ?? "")]));
  const makeDefault = form.get("makeDefault") === "on";
  const values = { ...input, makeDefault: makeDefault ? "on" : "" };
  const rawId = form.get("addressId");
  const addressId = rawId ? z.guid().safeParse(rawId) : null;
  if (addressId && !addressId.success) return { errors: { form: t("notFound") }, values };
  try {
    if (addressId) await updateAddress(actor.userId, addressId.data!, input, { makeDefault });
    else await addAddress(actor.userId, input, { makeDefault });
  } catch (e) {
    const field = (path: string) => path.split(".")[0]!;
    const keys = refusalKeys(e, {
      fields: (path) => ((FIELDS as readonly string[]).includes(field(path)) ? field(path) : null),
      key: (x, d) => (d.code === "invalid-request" ? `addresses.errors.${field(x.path)}` : null),
      // Refusals that name no field of this form (a NUL character is refused at the database boundary).
      form: (d) =>
        d.code === "invalid-request" && d.errors.some((x) => x.message === "validation.nul")
          ? "validation.nul"
          : d.code === "conflict"
            ? "addresses.errors.max"
            : d.code === "not-found"
              ? "addresses.errors.notFound"
              : "addresses.errors.generic",
    });
    // This form shows text, not keys: translated here.
    const tv = await getTranslations("validation");
    const text = (key: string) => {
      const k = key.slice("addresses.errors.".length);
      return key === "validation.nul" ? tv("nul") : k === "max" ? t("max", { max: isDomainError(e) ? Number(e.params.max ?? 0) : 0 }) : t(k as "generic");
    };
    return { errors: Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, text(key)])), values };
  }
  redirect(safeNext(form.get("next")) ?? "/account/addresses?saved=1");
}

export async function setDefaultAddressAction(form: FormData): Promise<void> {
  const actor = await requireAction("member:use");
  const id = z.guid().safeParse(form.get("addressId"));
  if (id.success) {
    try {
      await setDefaultAddress(actor.userId, id.data);
    } catch (e) {
      if (!isDomainError(e)) throw e;
    }
  }
  redirect("/account/addresses");
}

export interface DeleteState {
  error?: string;
}

export async function deleteAddressAction(_prev: DeleteState, form: FormData): Promise<DeleteState> {
  const actor = await requireAction("member:use");
  const id = z.guid().safeParse(form.get("addressId"));
  if (!id.success) return { error: (await getTranslations("addresses.errors"))("notFound") };
  try {
    await deleteAddress(actor.userId, id.data);
  } catch (e) {
    if (!isDomainError(e)) throw e;
    // Already gone (a second tab deleted it): the book is as the member wants it.
  }
  redirect("/account/addresses?deleted=1");
}
