import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { CouponValidity } from "@/lib/mall/member-redemptions";
import { CopyButton } from "./copy-button";

const TONE: Record<CouponValidity, string> = {
  valid: "bg-ok-soft text-ok",
  used: "bg-surface-2 text-muted",
  expired: "bg-warn-soft text-warn",
  void: "bg-surface-2 text-muted",
};

/** One coupon code: big and selectable, its validity in words, and a copy button while it is usable. */
export function CouponCodeRow({ code, validity, validUntil, usedAt }: { code: string; validity: CouponValidity; validUntil: string | null; usedAt: string | null }) {
  const t = useTranslations("coupons");
  const format = useFormatter();
  const day = (iso: string) => format.dateTime(new Date(iso), { year: "numeric", month: "short", day: "numeric" });
  const line =
    validity === "used"
      ? usedAt
        ? t("usedOn", { date: day(usedAt) })
        : t("validity.used")
      : validity === "expired"
        ? t("expiredOn", { date: day(validUntil!) })
        : validity === "void"
          ? t("voided")
          : validUntil
            ? t("validUntil", { date: day(validUntil) })
            : t("noEnd");
  return (
    <div className="flex flex-wrap items-center justify-between gap-2" data-testid="coupon-code">
      <div className="min-w-0">
        <p className={cn("tabular select-all break-all font-mono text-lg font-semibold tracking-wide", validity !== "valid" && "text-muted line-through")}>{code}</p>
        <p className="flex flex-wrap items-center gap-2 text-xs text-muted">
          <span className={cn("rounded-full px-2 py-0.5 font-semibold", TONE[validity])} data-testid="coupon-validity">
            {t(`validity.${validity}`)}
          </span>
          {line}
        </p>
      </div>
      {validity === "valid" ? <CopyButton text={code} label={t("copyLabel", { code })} /> : null}
    </div>
  );
}
