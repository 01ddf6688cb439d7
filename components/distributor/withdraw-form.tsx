"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { requestWithdrawalAction, type WithdrawState } from "@/app/[locale]/(distributor)/distributor/wallet/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

const MONEY_PARAMS = new Set(["minCents", "availableCents", "dailyCapCents"]);

/** The withdrawal request: amount in yuan, where to pay it; errors from the server in the reader's language. */
export function WithdrawForm({ currency, disabled }: { currency: string; disabled?: boolean }) {
  const t = useTranslations();
  const format = useFormatter();
  const [state, action, pending] = useActionState<WithdrawState, FormData>(requestWithdrawalAction, {});
  const money = (cents: number) => format.number(cents / 100, { style: "currency", currency, currencyDisplay: "narrowSymbol" });
  const params = Object.fromEntries(
    Object.entries(state.params ?? {}).map(([k, v]) => [k.replace(/Cents$/, ""), MONEY_PARAMS.has(k) && typeof v === "number" ? money(v) : String(v)]),
  );
  const err = (k: string) => (state.errors?.[k] ? t(state.errors[k], params) : undefined);
  return (
    <form action={action} className="flex max-w-sm flex-col gap-4" noValidate key={state.done ? "done" : "form"}>
      {state.done ? <Alert tone="success">{t("distribution.withdraw.done")}</Alert> : null}
      {state.errors?.form ? <Alert tone="error">{err("form")}</Alert> : null}
      <Field label={t("distribution.withdraw.amount")} name="amount" inputMode="decimal" autoComplete="off" defaultValue={state.values?.amount} error={err("amount")} data-testid="withdraw-amount" />
      <div className="flex flex-col gap-1">
        <label htmlFor="f-method" className="text-sm font-medium">
          {t("distribution.withdraw.method")}
        </label>
        <select id="f-method" name="method" defaultValue={state.values?.method ?? "alipay"} className="min-h-11 rounded-lg border border-border bg-surface px-3 text-base text-fg">
          {(["alipay", "wechat", "bank"] as const).map((m) => (
            <option key={m} value={m}>
              {t(`distribution.withdraw.methods.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <Field label={t("distribution.withdraw.account")} name="account" autoComplete="off" defaultValue={state.values?.account} error={err("account")} />
      <Field label={t("distribution.withdraw.accountName")} name="name" autoComplete="name" defaultValue={state.values?.name} />
      <Button type="submit" disabled={pending || disabled} data-testid="withdraw-submit">
        {pending ? t("common.working") : t("distribution.withdraw.submit")}
      </Button>
    </form>
  );
}
