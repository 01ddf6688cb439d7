import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  error: "border-danger bg-danger-soft text-danger",
  success: "border-ok bg-ok-soft text-ok",
  info: "border-border bg-surface-2 text-fg",
  warn: "border-warn bg-warn-soft text-warn",
};

export function Alert({ tone = "info", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return (
    <div role={tone === "error" ? "alert" : "status"} className={cn("rounded-lg border px-3 py-2 text-sm", tones[tone])}>
      {children}
    </div>
  );
}
