"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { adjustStockAction, type FormState } from "@/app/[locale]/(admin)/admin/rewards/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/**
 * A stock adjustment with its mandatory reason: add or remove units of a counted stock, stop
 * counting (unlimited), or start counting an unlimited reward. A coupon pool only shrinks here.
 */
export function StockAdjustForm({ rewardId, stock, pool }: { rewardId: string; stock: number | null; pool: boolean }) {
  const t = useTranslations("adminMall");
  const tr = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(adjustStockAction, {});
  const [mode, setMode] = useState<"delta" | "unlimited" | "limit">(stock === null ? "limit" : "delta");
  const err = (k: string) => (state.errors?.[k] ? tr(state.errors[k]) : undefined);
  const v = state.values ?? {};
  const modes = stock === null ? (["limit"] as const) : pool ? (["delta"] as const) : (["delta", "unlimited"] as const);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="id" value={rewardId} />
      {modes.length > 1 ? (
        <fieldset>
          <legend className="mb-1 text-sm font-medium">{t("stock.change")}</legend>
          <div className="flex flex-wrap gap-x-5">
            {modes.map((m) => (
              <label key={m} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} className="size-4" />
                {t(`stock.modes.${m}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <input type="hidden" name="mode" value={modes[0]} />
      )}
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        {mode === "delta" ? <Field id="stock-delta" label={t("stock.delta")} name="delta" inputMode="numeric" placeholder="+10 / -3" defaultValue={v.delta} error={err("delta")} hint={pool ? t("stock.poolHint") : t("stock.deltaHint")} required /> : null}
        {mode === "limit" ? <Field id="stock-limit" label={t("stock.limit")} name="stock" inputMode="numeric" defaultValue={v.stock} error={err("stock")} required /> : null}
        <Field id="stock-reason" label={t("stock.reason")} name="reason" maxLength={200} placeholder={t("stock.reasonPlaceholder")} defaultValue={v.reason} error={err("reason")} required className={mode === "unlimited" ? "sm:col-span-2" : undefined} />
      </div>
      {err("mode") ? <Alert tone="error">{err("mode")}</Alert> : null}
      {state.errors?.form ? <Alert tone="error">{tr(state.errors.form)}</Alert> : null}
      {state.done ? <Alert tone="success">{tr(state.done)}</Alert> : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tr("common.working") : t("stock.adjust")}
        </Button>
      </div>
    </form>
  );
}
