"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The referral link in a read-only field with a copy button; the result is announced. */
export function CopyLink({ link }: { link: string }) {
  const t = useTranslations("referral.share");
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  }
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="referral-link" className="text-sm font-medium">
        {t("link")}
      </label>
      <div className="flex gap-2">
        <input
          id="referral-link"
          readOnly
          value={link}
          onFocus={(e) => e.currentTarget.select()}
          className="min-h-11 min-w-0 flex-1 rounded-lg border border-border bg-surface-2 px-3 font-mono text-sm text-fg"
          data-testid="referral-link"
        />
        <Button type="button" onClick={copy} className="shrink-0">
          {status === "copied" ? t("copied") : t("copy")}
        </Button>
      </div>
      <p role="status" className="min-h-5 text-sm text-muted">
        {status === "failed" ? t("copyFailed") : status === "copied" ? t("copied") : ""}
      </p>
    </div>
  );
}
