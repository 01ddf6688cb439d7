import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { campaignWindow } from "@/components/member/logic";
import type { Locale } from "@/lib/i18n/locales";
import type { CampaignRule, Versioned } from "@/lib/rules";

const WHEN = { year: "numeric", month: "short", day: "numeric" } as const;

/**
 * Campaigns running now (enabled and inside their window), from the rules in force: what they give
 * and until when, linking to the full explanation on "How to earn".
 */
export async function CampaignBanners({ campaigns, at, timeZone, locale }: { campaigns: Versioned<CampaignRule>[]; at: Date; timeZone: string; locale: Locale }) {
  const running = campaigns
    .filter((c) => c.definition.enabled)
    .map((c) => ({ key: c.ruleKey, def: c.definition, window: campaignWindow(c.definition, at, timeZone) }))
    .filter((c) => c.window.status === "running");
  if (!running.length) return null;
  const [t, format] = await Promise.all([getTranslations("mall.campaigns"), getFormatter()]);
  const weekday = (iso: number) => format.dateTime(new Date(Date.UTC(2024, 0, iso, 12)), { weekday: "long", timeZone: "UTC" }); // 2024-01-01 was a Monday
  return (
    <section aria-labelledby="campaigns-heading">
      <h2 id="campaigns-heading" className="sr-only">
        {t("heading")}
      </h2>
      <ul className="relative -mx-3 flex snap-x gap-3 overflow-x-auto px-3 pb-1 sm:mx-0 sm:px-0">
        {running.map(({ key, def, window }) => (
          <li key={key} className="w-[85%] max-w-md shrink-0 snap-start sm:w-96" data-testid="campaign-banner">
            <div className="flex h-full flex-col gap-1 rounded-2xl bg-brand p-4 text-brand-fg">
              <p className="text-xs font-semibold uppercase tracking-wide">{t("onNow")}</p>
              <p className="text-lg font-bold leading-snug">{def.name[locale]}</p>
              <p className="text-sm">
                {def.award.kind === "multiplier"
                  ? t("multiplier", { multiplier: format.number(def.award.bps / 10_000, { maximumFractionDigits: 2 }) })
                  : t("flat", { points: def.award.points })}
                {def.daysOfWeek?.length && def.daysOfWeek.length < 7
                  ? ` · ${t("weekdays", { days: format.list([...def.daysOfWeek].sort().map(weekday), { type: "conjunction" }) })}`
                  : ""}
              </p>
              <p className="text-sm">{window.endsAt ? t("until", { date: format.dateTime(window.endsAt, WHEN) }) : t("openEnded")}</p>
              <Link href="/how-to-earn#campaigns" className="mt-auto self-start pt-1 text-sm font-semibold underline underline-offset-4">
                {t("more")}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
