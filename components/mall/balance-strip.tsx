import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { DiscountLabel } from "./view";

/** The member's spendable points and tier discount, at the top of the mall. */
export function BalanceStrip({ points, discount }: { points: number; discount: DiscountLabel | null }) {
  const t = useTranslations("mall");
  const format = useFormatter();
  return (
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 rounded-2xl bg-brand-soft px-4 py-3">
      <p className="text-sm">
        {t("balanceLabel")}{" "}
        <span className="tabular text-xl font-bold text-brand" data-testid="mall-balance">
          {format.number(points)}
        </span>
      </p>
      {discount ? (
        <p className="text-sm text-muted">
          {t("discountNote", { tier: discount.tier, percent: format.number(discount.bps / 10_000, { style: "percent", maximumFractionDigits: 2 }) })}
        </p>
      ) : (
        <Link href="/how-to-earn#tiers" className="text-sm font-medium text-brand underline-offset-4 hover:underline">
          {t("tiersLink")}
        </Link>
      )}
    </div>
  );
}
