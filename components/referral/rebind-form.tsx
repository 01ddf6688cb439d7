"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { rebindMemberAction, type RebindState } from "@/app/actions/referral";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

/** Admin: move a member to another distributor's code, with a reason (for the admin member page). */
export function RebindForm({ memberId }: { memberId: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<RebindState, FormData>(rebindMemberAction, {});
  const err = (k: string) => (state.errors?.[k] ? t(state.errors[k]) : undefined);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate data-testid="rebind-form">
      {state.errors?.form ? <Alert tone="error">{t(state.errors.form)}</Alert> : null}
      {state.done ? <Alert tone="success">{t("referral.rebind.done")}</Alert> : null}
      <input type="hidden" name="memberId" value={memberId} />
      <Field
        label={t("referral.rebind.code")}
        name="referralCode"
        autoCapitalize="characters"
        required
        defaultValue={state.values?.referralCode}
        error={err("referralCode")}
      />
      <Field label={t("referral.rebind.reason")} name="reason" required defaultValue={state.values?.reason} hint={t("referral.rebind.reasonHint")} error={err("reason")} />
      <Button type="submit" disabled={pending}>
        {pending ? t("common.working") : t("referral.rebind.submit")}
      </Button>
    </form>
  );
}
