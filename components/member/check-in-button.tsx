"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { checkInAction, type CheckInResult } from "@/app/[locale]/(member)/actions";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/**
 * The check-in button and its spoken result. A plain form, so it works before hydration too; the
 * button is disabled while the action runs, and the server never pays twice for a day anyway.
 * The live region stays mounted when the page re-renders as "checked in" so the result is read out.
 */
export function CheckInButton({ checkedToday, points }: { checkedToday: boolean; points: number | null }) {
  const t = useTranslations("member.checkIn");
  const [result, action, pending] = useActionState<CheckInResult>(checkInAction, { status: "idle" });
  const message = (() => {
    switch (result.status) {
      case "idle":
        return null;
      case "awarded":
        return t("result.awarded", { points: result.points, streak: result.streak });
      case "already":
        return t("result.already");
      case "frozen":
        return t("result.frozen");
      case "unavailable":
        return t("result.unavailable");
      case "error":
        return t("result.error");
    }
  })();
  const good = result.status === "awarded";
  return (
    <div className="flex flex-col gap-2">
      <form action={action}>
        {checkedToday ? (
          <p className="flex min-h-11 items-center justify-center gap-2 rounded-lg border border-ok bg-ok-soft px-4 text-sm font-semibold text-ok" data-testid="checked-in">
            <span aria-hidden>✓</span>
            {t("doneToday")}
          </p>
        ) : (
          <Button type="submit" disabled={pending} className="w-full text-base" data-testid="check-in">
            {pending ? t("buttonPending") : t("button", { points: points ?? 0 })}
          </Button>
        )}
      </form>
      <p role="status" aria-live="polite" className={cn("min-h-0 text-sm", message ? "rounded-lg px-3 py-2" : "sr-only", good ? "bg-ok-soft text-ok" : message ? "bg-surface-2 text-fg" : "")}>
        {message}
      </p>
    </div>
  );
}
