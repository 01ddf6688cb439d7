"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changePasswordAction } from "@/app/[locale]/(account)/account/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function ChangePasswordForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState(changePasswordAction, {});
  const err = (k: string) => (state.errors?.[k] ? t(state.errors[k]) : undefined);
  return (
    <form action={action} className="flex max-w-sm flex-col gap-4" noValidate key={state.done ? "done" : "form"}>
      {state.done ? <Alert tone="success">{t("account.passwordChanged")}</Alert> : null}
      <Field label={t("account.currentPassword")} name="current" type="password" autoComplete="current-password" error={err("current")} />
      <Field label={t("account.newPassword")} name="next" type="password" autoComplete="new-password" hint={t("auth.passwordHint")} error={err("next")} />
      <Field label={t("account.confirmPassword")} name="confirm" type="password" autoComplete="new-password" error={err("confirm")} />
      <Button type="submit" disabled={pending}>
        {pending ? t("common.working") : t("account.changePassword")}
      </Button>
    </form>
  );
}
