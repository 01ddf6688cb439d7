"use client";

// Starts a new campaign or custom action rule (as a draft) and opens it in the editor.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { startRuleAction, type StartRuleState } from "@/app/[locale]/(admin)/admin/rules/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function NewRuleForm() {
  const t = useTranslations("rules.list");
  const tAll = useTranslations();
  const [state, action, pending] = useActionState<StartRuleState, FormData>(startRuleAction, {});
  const err = (k: string) => (state.errors?.[k] ? tAll(state.errors[k]) : undefined);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.errors?.form ? <Alert tone="error">{tAll(state.errors.form)}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="new-kind" className="text-sm font-medium">
            {t("kind")}
          </label>
          <select id="new-kind" name="kind" defaultValue={state.values?.kind ?? "campaign"} className="min-h-11 rounded-lg border border-border bg-surface px-3 text-base text-fg">
            <option value="campaign">{t("newCampaign")}</option>
            <option value="action">{t("newAction")}</option>
          </select>
        </div>
        <Field id="new-slug" name="slug" label={t("slug")} hint={t("slugHint")} placeholder="spring-sale" defaultValue={state.values?.slug} error={err("slug")} />
        <Field id="new-name-zh" name="nameZh" label={t("nameZh")} defaultValue={state.values?.nameZh} error={err("nameZh")} />
        <Field id="new-name-en" name="nameEn" label={t("nameEn")} defaultValue={state.values?.nameEn} error={err("nameEn")} />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tAll("common.working") : t("create")}
        </Button>
      </div>
    </form>
  );
}
