import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const tones = {
  ok: "border-ok text-ok",
  muted: "border-border text-muted",
  warn: "border-warn text-warn",
  danger: "border-danger text-danger",
  brand: "border-brand text-brand",
};

export function Badge({ tone = "muted", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return <span className={cn("inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap", tones[tone])}>{children}</span>;
}

export const STATUS_TONE = { placed: "brand", processing: "warn", shipped: "ok", delivered: "muted", cancelled: "danger" } as const;
