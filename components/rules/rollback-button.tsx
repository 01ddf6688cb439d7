"use client";

// One-click rollback with a second click to confirm (a new version equal to this one, effective now).
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { rollbackAction, type RollbackState } from "@/app/[locale]/(admin)/admin/rules/actions";
import { Button } from "@/components/ui/button";

export function RollbackButton({ ruleKey, version, nextVersion }: { ruleKey: string; version: number; nextVersion: number }) {
  const t = useTranslations("rules.history");
  const tAll = useTranslations();
  const [state, action, pending] = useActionState<RollbackState, FormData>(rollbackAction, {});
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        {t("rollback", { version })}
      </Button>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="ruleKey" value={ruleKey} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm">{t("rollbackConfirm", { version, next: nextVersion })}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? tAll("common.working") : t("rollbackDo", { version })}
        </Button>
        <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
          {tAll("common.cancel")}
        </Button>
      </div>
      {state.failure ? (
        <p role="alert" className="text-sm text-danger">
          {tAll(state.failure.error, state.failure.values)}
        </p>
      ) : null}
    </form>
  );
}
