"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { cancelRedemptionAction, type CancelState } from "@/app/[locale]/(member)/redemptions/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * Cancel, in two steps: the button opens a confirmation that says what comes back; only its "yes"
 * submits. Focus moves into the confirmation when it opens and back to the button when it closes.
 */
export function CancelRedemption({ redemptionId, points }: { redemptionId: string; points: string }) {
  const t = useTranslations("redemptions.detail");
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<CancelState, FormData>(cancelRedemptionAction, {});
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) heading.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <Button ref={opener} variant="secondary" className="w-full sm:w-auto" onClick={() => setOpen(true)} data-testid="cancel-redemption">
        <span className="text-danger">{t("cancel")}</span>
      </Button>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-3 rounded-2xl border border-danger bg-danger-soft p-4" aria-labelledby="cancel-heading" data-testid="cancel-confirm">
      <input type="hidden" name="redemptionId" value={redemptionId} />
      <h2 id="cancel-heading" ref={heading} tabIndex={-1} className="font-semibold">
        {t("cancelTitle")}
      </h2>
      <p className="text-sm">{t("cancelBody", { points })}</p>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Button type="submit" variant="danger" disabled={pending} data-testid="cancel-yes">
          {pending ? t("cancelling") : t("cancelYes")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setOpen(false)}>
          {t("cancelNo")}
        </Button>
      </div>
    </form>
  );
}
