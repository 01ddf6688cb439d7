"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useMallMe } from "./personal";

/** In place of the member's side when /api/mall/me failed: say so, and let them try again. */
export function LoadFailed() {
  const t = useTranslations("mall");
  const { retry } = useMallMe();
  return (
    <div className="flex flex-col gap-2">
      <Alert tone="error">{t("loadFailed")}</Alert>
      <Button variant="secondary" className="self-start" onClick={retry}>
        {t("retry")}
      </Button>
    </div>
  );
}
