"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { recordOrderAction, type RecordOrderState } from "@/app/[locale]/(admin)/admin/orders/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const LINES = [0, 1, 2];

export function RecordOrderForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<RecordOrderState, FormData>(recordOrderAction, {});
  const err = (k: string) => (state.errors?.[k] ? t(state.errors[k]) : undefined);
  const v = (k: string, fallback?: string) => state.values?.[k] ?? fallback;
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.result ? (
        <Alert tone="success">
          {t("adminOrders.recorded", { externalId: state.result.externalId, points: state.result.points.awarded, status: t(`adminOrders.pointStatus.${state.result.points.status}`) })}
        </Alert>
      ) : null}
      {state.errors?.form ? <Alert tone="error">{t(state.errors.form)}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("adminOrders.member")} name="member" type="email" placeholder="chen.jing@demo.jifen.dev" defaultValue={v("member")} error={err("member")} />
        <Field label={t("adminOrders.externalId")} name="externalId" placeholder="POS-20261123-001" defaultValue={v("externalId")} error={err("externalId")} />
        <Field label={t("adminOrders.placedAt")} name="placedAt" type="datetime-local" defaultValue={v("placedAt")} hint={t("adminOrders.placedAtHint")} error={err("placedAt")} />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{t("adminOrders.lines")}</legend>
        {LINES.map((i) => (
          <div key={i} className="grid grid-cols-2 gap-2 sm:grid-cols-6">
            <Field label={t("adminOrders.sku")} name={`sku${i}`} defaultValue={v(`sku${i}`)} error={err(`sku${i}`)} />
            <Field label={t("adminOrders.name")} name={`name${i}`} defaultValue={v(`name${i}`)} />
            <Field label={t("adminOrders.category")} name={`category${i}`} defaultValue={v(`category${i}`)} />
            <Field label={t("adminOrders.quantity")} name={`qty${i}`} inputMode="numeric" defaultValue={v(`qty${i}`, "1")} error={err(`qty${i}`)} />
            <Field label={t("adminOrders.unitPrice")} name={`price${i}`} inputMode="decimal" placeholder="59.00" defaultValue={v(`price${i}`)} error={err(`price${i}`)} />
            <Field label={t("adminOrders.lineDiscount")} name={`discount${i}`} inputMode="decimal" placeholder="0.00" defaultValue={v(`discount${i}`)} error={err(`discount${i}`)} />
          </div>
        ))}
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <Field label={t("adminOrders.shipping")} name="shipping" inputMode="decimal" placeholder="0.00" defaultValue={v("shipping")} error={err("shipping")} />
        <Field label={t("adminOrders.pointsRedeemed")} name="pointsRedeemed" inputMode="numeric" placeholder="0" defaultValue={v("pointsRedeemed")} error={err("pointsRedeemed")} />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("common.working") : t("adminOrders.record")}
        </Button>
      </div>
    </form>
  );
}
