"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createRewardAction, updateRewardAction, type RewardFormState } from "@/app/[locale]/(admin)/admin/rewards/actions";
import { Alert } from "@/components/ui/alert";
import { Button, LinkButton } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import type { RewardFormValues } from "@/lib/mall/admin/reward-form";
import { CheckboxField, TextAreaField } from "./fields";
import { ImageInput } from "./image-input";

export interface TierOption {
  code: string;
  name: string;
}

interface Props {
  mode: "create" | "edit";
  rewardId?: string;
  initial: RewardFormValues;
  tiers: TierOption[];
  categories: string[];
  /** The type and coupon source can no longer change (redemptions or codes exist). */
  kindLocked?: boolean;
  maxBytes: number;
  timeZone: string;
}

/** Every field of a reward (lib/mall/reward-schema.ts); stock only when creating. */
export function RewardForm({ mode, rewardId, initial, tiers, categories, kindLocked = false, maxBytes, timeZone }: Props) {
  const t = useTranslations("adminMall");
  const tr = useTranslations();
  const [state, action, pending] = useActionState<RewardFormState, FormData>(mode === "create" ? createRewardAction : updateRewardAction, {});
  const v = state.values ?? initial;
  const [type, setType] = useState(v.type || "physical");
  const [source, setSource] = useState(v.couponSource || "pattern");
  const err = (k: string) => (state.errors?.[k] ? tr(state.errors[k]) : undefined);
  const f = (k: string) => t(`fields.${k}`);
  const coupon = type === "coupon";
  // A refused submit remounts the fields with what was typed.
  const key = JSON.stringify(state.values ?? null);

  return (
    <form action={action} className="flex flex-col gap-6" noValidate key={key} aria-busy={pending}>
      {rewardId ? <input type="hidden" name="id" value={rewardId} /> : null}
      {state.errors?.form ? <Alert tone="error">{tr(state.errors.form)}</Alert> : null}
      {state.errors && !state.errors.form ? <Alert tone="error">{t("form.fixErrors")}</Alert> : null}

      <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 text-base font-semibold">{t("form.basics")}</legend>
        <Field label={f("sku")} name="sku" defaultValue={v.sku} error={err("sku")} hint={t("hints.sku")} required autoComplete="off" />
        {kindLocked ? (
          <>
            <input type="hidden" name="type" value={type} />
            <SelectField label={f("type")} name="typeShown" value={type} disabled hint={t("hints.typeLocked")}>
              <option value={type}>{t(`types.${type}`)}</option>
            </SelectField>
          </>
        ) : (
          <SelectField label={f("type")} name="type" value={type} onChange={(e) => setType(e.target.value)} error={err("type")}>
            {(["physical", "coupon", "virtual"] as const).map((x) => (
              <option key={x} value={x}>
                {t(`types.${x}`)}
              </option>
            ))}
          </SelectField>
        )}
        <Field label={f("category")} name="category" defaultValue={v.category} error={err("category")} hint={t("hints.category")} list="reward-categories" autoComplete="off" />
        <datalist id="reward-categories">
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <Field label={f("pointsPrice")} name="pointsPrice" inputMode="numeric" defaultValue={v.pointsPrice} error={err("pointsPrice")} required />
      </fieldset>

      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t("form.texts")}</legend>
        <Field label={f("name")} name="name" lang="zh-CN" defaultValue={v.name} error={err("name")} maxLength={100} required />
        <Field label={f("nameEn")} name="nameEn" lang="en" defaultValue={v.nameEn} error={err("nameEn")} maxLength={100} />
        <TextAreaField label={f("description")} name="description" lang="zh-CN" defaultValue={v.description} error={err("description")} maxLength={5000} />
        <TextAreaField label={f("descriptionEn")} name="descriptionEn" lang="en" defaultValue={v.descriptionEn} error={err("descriptionEn")} maxLength={5000} />
        <TextAreaField label={f("terms")} name="terms" lang="zh-CN" defaultValue={v.terms} error={err("terms")} maxLength={5000} />
        <TextAreaField label={f("termsEn")} name="termsEn" lang="en" defaultValue={v.termsEn} error={err("termsEn")} maxLength={5000} />
      </fieldset>

      <fieldset className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 text-base font-semibold">{t("form.availability")}</legend>
        {mode === "create" && !(coupon && source === "pool") ? (
          <Field label={f("stock")} name="stock" inputMode="numeric" defaultValue={v.stock} error={err("stock")} hint={t("hints.stock")} />
        ) : null}
        <Field label={f("perMemberLimit")} name="perMemberLimit" inputMode="numeric" defaultValue={v.perMemberLimit} error={err("perMemberLimit")} hint={t("hints.perMemberLimit")} />
        <Field label={f("startsAt")} name="startsAt" type="datetime-local" defaultValue={v.startsAt} error={err("startsAt")} hint={t("hints.timeZone", { zone: timeZone })} />
        <Field label={f("endsAt")} name="endsAt" type="datetime-local" defaultValue={v.endsAt} error={err("endsAt")} hint={t("hints.timeZone", { zone: timeZone })} />
        <CheckboxField label={f("active")} name="active" defaultChecked={v.active} hint={t("hints.active")} />
        <CheckboxField label={f("flash")} name="flash" defaultChecked={v.flash} error={err("flash")} hint={t("hints.flash")} />
        <fieldset className="sm:col-span-2" aria-describedby="tiers-hint">
          <legend className="mb-1 text-sm font-medium">{f("tierCodes")}</legend>
          <div className="flex flex-wrap gap-x-5">
            {tiers.map((tier) => (
              <label key={tier.code} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" name="tierCodes" value={tier.code} defaultChecked={v.tierCodes.includes(tier.code)} className="size-4" />
                {tier.name}
              </label>
            ))}
          </div>
          <p id="tiers-hint" className={err("tierCodes") ? "text-sm text-danger" : "text-sm text-muted"}>
            {err("tierCodes") ?? t("hints.tierCodes")}
          </p>
        </fieldset>
      </fieldset>

      <fieldset className="grid gap-3 md:grid-cols-2">
        <legend className="mb-2 text-base font-semibold">{t("form.images")}</legend>
        <ImageInput label={f("image")} maxBytes={maxBytes} error={err("image")} />
        <Field label={f("imageUrl")} name="imageUrl" defaultValue={v.imageUrl} error={err("imageUrl")} hint={t("hints.imageUrl")} autoComplete="off" />
        <TextAreaField label={f("images")} name="images" defaultValue={v.images} error={err("images")} hint={t("hints.images")} className="md:col-span-2" />
      </fieldset>

      {coupon ? (
        <fieldset className="grid gap-3 sm:grid-cols-3">
          <legend className="mb-2 text-base font-semibold">{t("form.coupon")}</legend>
          {kindLocked ? (
            <>
              <input type="hidden" name="couponSource" value={source} />
              <SelectField label={f("couponSource")} name="couponSourceShown" value={source} disabled hint={t("hints.typeLocked")}>
                <option value={source}>{t(`couponSources.${source}`)}</option>
              </SelectField>
            </>
          ) : (
            <SelectField label={f("couponSource")} name="couponSource" value={source} onChange={(e) => setSource(e.target.value)} error={err("couponSource")} hint={t(`hints.couponSource.${source === "pool" ? "pool" : "pattern"}`)}>
              <option value="pattern">{t("couponSources.pattern")}</option>
              <option value="pool">{t("couponSources.pool")}</option>
            </SelectField>
          )}
          {source === "pattern" ? (
            <Field label={f("couponPattern")} name="couponPattern" defaultValue={v.couponPattern} placeholder="XXXX-XXXX-XXXX" error={err("couponPattern")} hint={t("hints.couponPattern")} autoComplete="off" className="font-mono" />
          ) : null}
          <Field label={f("couponValidDays")} name="couponValidDays" inputMode="numeric" defaultValue={v.couponValidDays} error={err("couponValidDays")} hint={t("hints.couponValidDays")} />
        </fieldset>
      ) : null}

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? tr("common.working") : mode === "create" ? t("form.create") : t("form.save")}
        </Button>
        <LinkButton variant="secondary" href={rewardId ? `/admin/rewards/${rewardId}` : "/admin/rewards"}>
          {tr("common.cancel")}
        </LinkButton>
      </div>
    </form>
  );
}
