"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { saveAddressAction, type AddressFormState } from "@/app/[locale]/(account)/account/addresses/actions";
import { Alert } from "@/components/ui/alert";
import { Button, LinkButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export interface AddressValues {
  recipient: string;
  phone: string;
  region: string;
  line: string;
  postalCode: string | null;
  isDefault: boolean;
}

/**
 * Add or edit an address. Checked on the server with the address schema; each field's error is
 * shown under it and tied to it for screen readers. After an error the fields show what was typed
 * (the action sends it back: React resets a form once its action has run).
 */
export function AddressForm({ addressId, values, next, cancelHref }: { addressId?: string; values?: AddressValues; next?: string | null; cancelHref: string }) {
  const t = useTranslations("addresses");
  const [state, action, pending] = useActionState<AddressFormState, FormData>(saveAddressAction, {});
  const err = (k: string) => state.errors?.[k];
  const v = (k: "recipient" | "phone" | "region" | "line" | "postalCode") => state.values?.[k] ?? values?.[k] ?? "";
  return (
    <form action={action} className="flex max-w-lg flex-col gap-4" noValidate data-testid="address-form">
      {state.errors?.form ? <Alert tone="error">{state.errors.form}</Alert> : null}
      {addressId ? <input type="hidden" name="addressId" value={addressId} /> : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {err("form") ? <Alert tone="error">{err("form")}</Alert> : null}
      <Field label={t("fields.recipient")} name="recipient" autoComplete="name" defaultValue={v("recipient")} maxLength={50} required error={err("recipient")} />
      <Field label={t("fields.phone")} name="phone" type="tel" autoComplete="tel" inputMode="tel" defaultValue={v("phone")} maxLength={20} required error={err("phone")} hint={t("fields.phoneHint")} />
      <Field label={t("fields.region")} name="region" autoComplete="address-level1" defaultValue={v("region")} maxLength={100} required error={err("region")} hint={t("fields.regionHint")} />
      <Field label={t("fields.line")} name="line" autoComplete="street-address" defaultValue={v("line")} maxLength={200} required error={err("line")} />
      <Field label={t("fields.postalCode")} name="postalCode" autoComplete="postal-code" inputMode="numeric" defaultValue={v("postalCode")} maxLength={12} error={err("postalCode")} />
      {values?.isDefault ? null : (
        <label className="flex min-h-11 items-center gap-3 text-sm">
          <input type="checkbox" name="makeDefault" defaultChecked={state.values?.makeDefault === "on"} className="h-5 w-5 accent-[var(--c-brand)]" />
          {t("makeDefaultCheckbox")}
        </label>
      )}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" disabled={pending} data-testid="save-address">
          {pending ? t("saving") : t("save")}
        </Button>
        <LinkButton href={cancelHref} variant="secondary">
          {t("cancel")}
        </LinkButton>
      </div>
    </form>
  );
}
