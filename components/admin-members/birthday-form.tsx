"use client";

// An admin corrects a member's birthday (members enter it once themselves), with a reason that goes
// into the audit log. An empty date clears it.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { correctBirthdayAction, type MemberFormState } from "@/app/[locale]/(admin)/admin/members/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function CorrectBirthdayForm({ memberId, birthday, max }: { memberId: string; birthday: string | null; max: string }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<MemberFormState, FormData>(correctBirthdayAction, {});
  const err = (k: string) => (state.errors?.[k] ? t(state.errors[k]) : undefined);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate aria-label={t("birthday.correctTitle")}>
      <input type="hidden" name="memberId" value={memberId} />
      <Field label={t("birthday.label")} name="birthday" id="correct-birthday" type="date" min="1900-01-01" max={max} defaultValue={birthday ?? ""} error={err("birthday")} />
      <Field label={t("birthday.reason")} name="reason" id="birthday-reason" required maxLength={300} error={err("reason")} />
      {state.errors?.form ? <Alert tone="error">{t(state.errors.form)}</Alert> : null}
      {state.done ? <Alert tone="success">{t(state.done)}</Alert> : null}
      <div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("birthday.correct")}
        </Button>
      </div>
    </form>
  );
}
