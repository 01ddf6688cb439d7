"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { StatusPage } from "@/components/ui/status-page";

// Unexpected errors inside the app: no stack, a digest to quote to support, and a retry.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("status");
  return (
    <StatusPage
      code="500"
      title={t("errorTitle")}
      body={error.digest ? t("errorBodyDigest", { digest: error.digest }) : t("errorBody")}
      action={<Button onClick={reset}>{t("retry")}</Button>}
    />
  );
}
