"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { deleteAddressAction, type DeleteState } from "@/app/[locale]/(account)/account/addresses/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Delete in two steps: the button asks, only "yes" deletes (focus follows the question). */
export function AddressDelete({ addressId, summary }: { addressId: string; summary: string }) {
  const t = useTranslations("addresses");
  const [open, setOpen] = useState(false);
  const [state, action, pending] = useActionState<DeleteState, FormData>(deleteAddressAction, {});
  const question = useRef<HTMLParagraphElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) question.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  if (!open) {
    return (
      <Button ref={opener} variant="ghost" className="text-danger" onClick={() => setOpen(true)} aria-label={t("deleteLabel", { address: summary })}>
        {t("delete")}
      </Button>
    );
  }
  return (
    <form action={action} className="flex w-full flex-col gap-2 rounded-xl border border-danger bg-danger-soft p-3">
      <input type="hidden" name="addressId" value={addressId} />
      <p ref={question} tabIndex={-1} className="text-sm font-medium">
        {t("deleteConfirm")}
      </p>
      {state.error ? <Alert tone="error">{state.error}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {t("deleteYes")}
        </Button>
        <Button type="button" variant="secondary" disabled={pending} onClick={() => setOpen(false)}>
          {t("deleteNo")}
        </Button>
      </div>
    </form>
  );
}
