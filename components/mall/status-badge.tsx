import { useTranslations } from "next-intl";
import type { RedemptionStatus } from "@/db/schema";
import { cn } from "@/components/ui/cn";

const TONE: Record<RedemptionStatus, string> = {
  placed: "bg-brand-soft text-brand",
  processing: "bg-warn-soft text-warn",
  shipped: "bg-warn-soft text-warn",
  delivered: "bg-ok-soft text-ok",
  cancelled: "bg-surface-2 text-muted",
};

/** A redemption's status in words (the colour only repeats it). */
export function StatusBadge({ status }: { status: RedemptionStatus }) {
  const t = useTranslations("redemptions.status");
  return <span className={cn("inline-flex shrink-0 rounded-full px-2.5 py-0.5 text-xs font-semibold", TONE[status])} data-testid="redemption-status">{t(status)}</span>;
}
