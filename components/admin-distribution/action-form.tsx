"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "./action-state";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/**
 * One decision as a small form: hidden ids, at most one text input (a reason, a payout reference,
 * a note), a submit button, and the outcome in the reader's language.
 */
export function ActionForm({
  action,
  hidden,
  input,
  submit,
  variant = "primary",
  testId,
}: {
  action: Action;
  hidden: Record<string, string>;
  input?: { name: string; label: string; id: string; required?: boolean; maxLength?: number; hint?: string };
  submit: string;
  variant?: "primary" | "secondary" | "danger";
  testId?: string;
}) {
  const tr = useTranslations();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  return (
    <form action={formAction} className="flex flex-col gap-2" noValidate data-testid={testId}>
      {Object.entries(hidden).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      {input ? (
        <Field
          id={input.id}
          name={input.name}
          label={input.label}
          hint={input.hint}
          maxLength={input.maxLength ?? 500}
          required={input.required}
          autoComplete="off"
          error={state.fieldError ? tr(state.fieldError) : undefined}
        />
      ) : null}
      <SubmitButton pending={pending} variant={variant}>
        {submit}
      </SubmitButton>
      {state.error ? <Alert tone="error">{tr(state.error)}</Alert> : state.done ? <Alert tone="success">{tr(state.done)}</Alert> : null}
    </form>
  );
}
