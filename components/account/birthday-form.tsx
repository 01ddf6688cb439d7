"use client";

// The member enters their birthday once (for birthday gifts); afterwards the account page shows it
// and says an admin can correct it.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setBirthdayAction } from "@/app/[locale]/(account)/account/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function BirthdayForm({ max }: { max: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(setBirthdayAction, {});
  if (state.done) return <Alert tone="success">{t("birthday.saved")}</Alert>;
  return (
    <form action={action} className="flex max-w-sm flex-col gap-3" noValidate aria-label={t("birthday.title")}>
      <Field label={t("birthday.label")} name="birthday" id="birthday" type="date" min="1900-01-01" max={max} required hint={t("birthday.hint")} error={state.errors?.birthday ? t(state.errors.birthday) : undefined} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("common.working") : t("birthday.save")}
        </Button>
      </div>
    </form>
  );
}
