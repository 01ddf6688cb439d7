"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { cn } from "@/components/ui/cn";

/**
 * Copies a coupon code. The result is spoken through a live region; where the clipboard is not
 * available (an http page, an old browser) the code stays selectable text beside the button.
 */
export function CopyButton({ text, label, className }: { text: string; label: string; className?: string }) {
  const t = useTranslations("coupons");
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        aria-label={label}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setState("copied");
          } catch {
            setState("failed");
          }
          window.setTimeout(() => setState("idle"), 2500);
        }}
        className={cn("inline-flex min-h-11 items-center rounded-lg border border-border bg-surface px-3 text-sm font-medium hover:bg-surface-2", className)}
        data-testid="copy-code"
      >
        {state === "copied" ? `✓ ${t("copied")}` : t("copy")}
      </button>
      <span role="status" aria-live="polite" className="sr-only">
        {state === "copied" ? t("copiedCode", { code: text }) : state === "failed" ? t("copyFailed") : ""}
      </span>
    </span>
  );
}
