"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "./button";

/** A form's submit button, on its own line: disabled and saying "Working…" while the action runs. */
export function SubmitButton({ children, pending, variant }: { children: ReactNode; pending: boolean; variant?: "primary" | "secondary" | "danger" }) {
  const t = useTranslations("common");
  return (
    <div>
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? t("working") : children}
      </Button>
    </div>
  );
}
