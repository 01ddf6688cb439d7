import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Card, CardTitle } from "@/components/ui/card";
import { isLocale } from "@/lib/i18n/locales";
import { BPS } from "@/lib/rules/ratio";
import type { Tier, TierProgress } from "@/lib/rules";
import type { TierStanding } from "./logic";
import { formatMoney } from "./money";

/** The member's tier as a badge, and what the next step is: progress to the next tier (or what keeps this one). */
export function TierCard({ held, standing, progress, windowMonths }: { held: Tier; standing: TierStanding; progress: TierProgress; windowMonths: number }) {
  const t = useTranslations("member.home");
  const format = useFormatter();
  const raw = useLocale();
  const locale = isLocale(raw) ? raw : "zh-CN";
  const name = (tier: Tier) => tier.name[locale];
  const money = (cents: number) => formatMoney(format, cents, { whole: true });
  const spend = progress.basis === "spend";
  const pct = standing.kind === "top" ? 100 : Math.floor(standing.progressBps / 100);
  const sentence =
    standing.kind === "top"
      ? t("tierTop")
      : standing.kind === "next"
        ? spend
          ? t("tierToNextSpend", { amount: money(standing.remaining), tier: name(standing.target) })
          : t("tierToNext", { remaining: format.number(standing.remaining), tier: name(standing.target) })
        : spend
          ? t("tierToKeepSpend", { amount: money(standing.remaining), tier: name(standing.target) })
          : t("tierToKeep", { remaining: format.number(standing.remaining), tier: name(standing.target) });
  return (
    <Card aria-labelledby="tier-heading">
      <div className="flex items-baseline justify-between gap-2">
        <CardTitle id="tier-heading">{t("tierHeading")}</CardTitle>
        <Link href="/how-to-earn#tiers" className="text-sm font-medium text-brand underline-offset-4 hover:underline">
          {t("tierSeeAll")}
        </Link>
      </div>
      <p className="mt-3 flex flex-wrap items-center gap-2">
        <span className="inline-flex items-center gap-1.5 rounded-full border border-brand bg-brand-soft px-3 py-1 font-semibold text-brand" data-testid="tier-badge">
          <span aria-hidden>◆</span>
          {name(held)}
        </span>
        {held.earnMultiplierBps !== BPS ? <span className="text-sm text-muted">{t("tierMultiplier", { multiplier: format.number(held.earnMultiplierBps / BPS, { maximumFractionDigits: 4 }) })}</span> : null}
      </p>
      {standing.kind !== "top" ? (
        <div
          role="progressbar"
          aria-label={t("tierProgressLabel", { tier: name(standing.target) })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={pct}
          aria-valuetext={sentence}
          className="mt-4 h-3 overflow-hidden rounded-full bg-surface-2"
        >
          <div className="h-full rounded-full bg-brand" style={{ width: `${pct}%` }} />
        </div>
      ) : null}
      <p className="mt-2 font-medium">{sentence}</p>
      <p className="mt-1 text-xs text-muted">
        {spend ? t("tierWindowSpend", { months: windowMonths, amount: money(progress.value) }) : t("tierWindow", { months: windowMonths, value: format.number(progress.value) })}
      </p>
    </Card>
  );
}
