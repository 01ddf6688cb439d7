"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { signInAction, signUpAction, type FormState } from "@/app/[locale]/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, {});
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.errors?.form ? <Alert tone="error">{t(state.errors.form)}</Alert> : null}
      <input type="hidden" name="next" value={next} />
      <Field label={t("auth.email")} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} />
      <Field label={t("auth.password")} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" disabled={pending}>
        {pending ? t("common.working") : t("auth.signIn")}
      </Button>
      <p className="text-center text-sm text-muted">
        {t("auth.noAccount")}{" "}
        <Link href="/sign-up" className="font-medium text-brand underline">
          {t("auth.signUp")}
        </Link>
      </p>
    </form>
  );
}

export function SignUpForm({ referralCode }: { referralCode: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<FormState, FormData>(signUpAction, {});
  const err = (k: string) => (state.errors?.[k] ? t(state.errors[k]) : undefined);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.errors?.form ? <Alert tone="error">{t(state.errors.form)}</Alert> : null}
      <Field label={t("auth.name")} name="name" autoComplete="name" required defaultValue={state.values?.name} error={err("name")} />
      <Field label={t("auth.email")} name="email" type="email" autoComplete="email" required defaultValue={state.values?.email} error={err("email")} />
      <Field
        label={t("auth.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint={t("auth.passwordHint")}
        error={err("password")}
      />
      <Field
        label={t("auth.referralCode")}
        name="referralCode"
        autoCapitalize="characters"
        defaultValue={state.values?.referralCode ?? referralCode}
        hint={t("auth.referralCodeHint")}
        error={err("referralCode")}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t("common.working") : t("auth.createAccount")}
      </Button>
      <p className="text-center text-sm text-muted">
        {t("auth.haveAccount")}{" "}
        <Link href="/sign-in" className="font-medium text-brand underline">
          {t("auth.signIn")}
        </Link>
      </p>
    </form>
  );
}
