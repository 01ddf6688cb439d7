import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { DiscountLabel } from "./view";

/**
 * A points price: the member's price, and when a tier discount applies, the list price struck
 * through and the discount named ("Silver −5%"). The struck price is announced as the list price
 * (a strike-through alone says nothing to a screen reader).
 */
export function Price({ unit, list, discount, size = "md", className }: { unit: number; list: number; discount?: DiscountLabel | null; size?: "sm" | "md" | "lg"; className?: string }) {
  const t = useTranslations("mall");
  const format = useFormatter();
  const discounted = unit < list;
  return (
    <p className={cn("flex flex-wrap items-baseline gap-x-2 gap-y-0.5", className)}>
      <span className={cn("tabular font-bold text-brand", size === "lg" ? "text-3xl" : size === "md" ? "text-lg" : "text-base")}>
        {discounted ? <span className="sr-only">{t("yourPrice")} </span> : null}
        {t("points", { count: unit })}
      </span>
      {discounted ? (
        <>
          <span className={cn("tabular text-muted", size === "lg" ? "text-base" : "text-xs")}>
            <span className="sr-only">{t("listPrice")} </span>
            <s>{format.number(list)}</s>
          </span>
          {discount ? (
            <span className={cn("rounded-full bg-brand-soft px-2 py-0.5 font-medium text-brand", size === "lg" ? "text-sm" : "text-xs")}>
              {t("discountBadge", { tier: discount.tier, percent: format.number(discount.bps / 10_000, { style: "percent", maximumFractionDigits: 2 }) })}
            </span>
          ) : null}
        </>
      ) : null}
    </p>
  );
}
