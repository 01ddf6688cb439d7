"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { createApiKeyAction, type CreateKeyState } from "@/app/[locale]/(admin)/admin/api-keys/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function ApiKeyForm({ scopes }: { scopes: readonly string[] }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState<CreateKeyState, FormData>(createApiKeyAction, {});
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-4">
      {state.created ? (
        <Alert tone="success">
          <p className="font-medium">{t("apiKeys.createdOnce", { name: state.created.name })}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="api-key-secret" className="break-all rounded bg-surface px-2 py-1 font-mono text-xs text-fg">
              {state.created.secret}
            </code>
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(state.created!.secret);
                setCopied(true);
              }}
            >
              {copied ? t("apiKeys.copied") : t("apiKeys.copy")}
            </Button>
          </div>
        </Alert>
      ) : null}
      <form action={action} className="flex flex-col gap-4" noValidate>
        <Field label={t("apiKeys.name")} name="name" placeholder={t("apiKeys.namePlaceholder")} error={state.errors?.name ? t(state.errors.name) : undefined} />
        <fieldset aria-describedby={state.errors?.scopes ? "scopes-error" : undefined}>
          <legend className="mb-2 text-sm font-medium">{t("apiKeys.scopes")}</legend>
          <div className="flex flex-wrap gap-x-5 gap-y-2">
            {scopes.map((s) => (
              <label key={s} className="flex min-h-11 items-center gap-2 text-sm">
                <input type="checkbox" name="scopes" value={s} defaultChecked={s === "read"} className="size-4" />
                <span>
                  <span className="font-mono">{s}</span> <span className="text-muted">— {t(`apiKeys.scope.${s}`)}</span>
                </span>
              </label>
            ))}
          </div>
          {state.errors?.scopes ? (
            <p id="scopes-error" className="mt-1 text-sm text-danger">
              {t(state.errors.scopes)}
            </p>
          ) : null}
        </fieldset>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? t("common.working") : t("apiKeys.create")}
          </Button>
        </div>
      </form>
    </div>
  );
}
