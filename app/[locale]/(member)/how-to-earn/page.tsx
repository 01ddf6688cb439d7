import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { campaignWindow } from "@/components/member/logic";
import { formatMoney } from "@/components/member/money";
import { Card, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { tierMetrics } from "@/lib/members/tier-metrics";
import { getBalance } from "@/lib/points/get-balance";
import { findTier, qualifyTier, type ActionRule, type CampaignRule } from "@/lib/rules";
import { BPS } from "@/lib/rules/ratio";
import { loadRuleset } from "@/lib/rules/load-ruleset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("member.earn"))("title") };
}

const WHEN = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" } as const;

/** Actions listed first, in this order; any other (custom) action follows by key. */
const ACTION_ORDER = ["check-in", "signup", "first-order", "profile-completed", "review", "share"];

// How to earn: the programme explained from the LIVE rules (the versions in force now), so the page
// can never disagree with what the ledger does.
export default async function HowToEarnPage() {
  const actor = await requirePage("member:use");
  const at = now();
  const tz = env.DEPLOYMENT_TZ;
  const [t, format, rawLocale, rules, balance] = await Promise.all([getTranslations("member.earn"), getFormatter(), getLocale(), loadRuleset(at), getBalance(actor.userId)]);
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  const earning = rules.earning.definition;
  const tiersRule = rules.tiers.definition;
  const metrics = await tierMetrics(actor.userId, at, tiersRule.qualification.windowMonths);
  const heldCode = (findTier(tiersRule, balance.tierCode) ?? qualifyTier(tiersRule, metrics)).code;

  const money = (cents: number) => formatMoney(format, cents, { whole: true });
  const times = (bps: number) => format.number(bps / BPS, { maximumFractionDigits: 4 });
  const percentOfBps = (bps: number) => format.number(bps / BPS, { style: "percent", maximumFractionDigits: 2 });
  const when = (d: Date) => format.dateTime(d, WHEN);
  const weekday = (iso: number) => format.dateTime(new Date(Date.UTC(2024, 0, iso, 12)), { weekday: "long", timeZone: "UTC" }); // 2024-01-01 was a Monday
  const zone = `${tz} (${offsetName(at, tz, locale)})`;

  const campaigns = rules.campaigns
    .filter((c) => c.definition.enabled)
    .map((c) => ({ key: c.ruleKey, def: c.definition, window: campaignWindow(c.definition, at, tz) }))
    .filter((c) => c.window.status !== "ended")
    .sort((a, b) => (a.window.status === b.window.status ? a.window.startsAt.getTime() - b.window.startsAt.getTime() : a.window.status === "running" ? -1 : 1));

  const actionType = (ruleKey: string) => ruleKey.slice("action.".length);
  const rank = (type: string) => (ACTION_ORDER.includes(type) ? ACTION_ORDER.indexOf(type) : ACTION_ORDER.length);
  const actions = rules.actions
    .filter((a) => a.definition.enabled && a.definition.points > 0)
    .sort((a, b) => rank(actionType(a.ruleKey)) - rank(actionType(b.ruleKey)) || (a.ruleKey < b.ruleKey ? -1 : 1));

  const sections = [
    { id: "shopping", title: t("shopping.heading") },
    { id: "tiers", title: t("tiers.heading") },
    { id: "campaigns", title: t("campaigns.heading") },
    { id: "actions", title: t("actions.heading") },
    { id: "checkout", title: t("checkout.heading") },
  ];

  const campaignLines = (c: CampaignRule) => {
    const lines: string[] = [];
    if (c.daysOfWeek?.length && c.daysOfWeek.length < 7) lines.push(t("campaigns.weekdays", { days: format.list([...c.daysOfWeek].sort().map(weekday), { type: "conjunction" }) }));
    if (c.minBaseCents > 0) lines.push(t("campaigns.minBase", { amount: money(c.minBaseCents) }));
    if (c.categories?.length) lines.push(t("campaigns.categories", { list: format.list(c.categories, { type: "disjunction" }) }));
    if (c.skus?.length) lines.push(t("campaigns.skus", { list: format.list(c.skus, { type: "disjunction" }) }));
    if (c.caps.perMemberPerDay !== null) lines.push(t("campaigns.capDay", { points: format.number(c.caps.perMemberPerDay) }));
    if (c.caps.perMemberPerMonth !== null) lines.push(t("campaigns.capMonth", { points: format.number(c.caps.perMemberPerMonth) }));
    if (c.caps.budget !== null) lines.push(t("campaigns.budget"));
    if (c.stacking === "best-only") lines.push(t("campaigns.bestOnly"));
    return lines;
  };

  const actionLines = (a: ActionRule) => {
    const lines: string[] = [];
    if (a.maxPerMemberPerDay !== null) lines.push(t("actions.capDay", { n: a.maxPerMemberPerDay }));
    if (a.maxPerMemberPerMonth !== null) lines.push(t("actions.capMonth", { n: a.maxPerMemberPerMonth }));
    if (a.maxPerMemberTotal !== null) lines.push(t("actions.capTotal", { n: a.maxPerMemberTotal }));
    if (a.maxPerMemberPerDay === null && a.maxPerMemberPerMonth === null && a.maxPerMemberTotal === null) lines.push(t("actions.noCap"));
    if (a.applyTierMultiplier) lines.push(t("actions.tierMultiplied"));
    if (a.budget !== null) lines.push(t("actions.budget"));
    return lines;
  };

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <nav aria-label={t("contents")}>
        <ul className="flex flex-wrap gap-2">
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="inline-flex min-h-10 items-center rounded-full border border-border bg-surface px-3.5 text-sm hover:bg-surface-2">
                {s.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Card id="shopping" aria-labelledby="shopping-heading" className="scroll-mt-20">
        <CardTitle id="shopping-heading">{t("shopping.heading")}</CardTitle>
        <p className="mt-3 text-2xl font-bold text-brand" data-testid="earn-rate">
          {t("shopping.rate", { points: earning.pointsPerUnit, amount: money(earning.unitCents) })}
        </p>
        <ul className="mt-3 flex list-disc flex-col gap-1.5 pl-5 text-sm marker:text-muted">
          <li>{earning.base.afterDiscounts ? t("shopping.afterDiscounts") : t("shopping.listPrice")}</li>
          {earning.base.minusPointsPaid ? <li>{t("shopping.minusPointsPaid")}</li> : null}
          <li>{earning.base.includeShipping ? t("shopping.shippingYes") : t("shopping.shippingNo")}</li>
          <li>{t("shopping.tierNote")}</li>
          <li className="font-medium">{t("shopping.pending", { days: earning.returnWindowDays })}</li>
          <li className="font-medium">
            {earning.expiry.kind === "rolling"
              ? t("shopping.expiryRolling", { days: earning.expiry.days })
              : earning.expiry.kind === "end-of-year"
                ? t("shopping.expiryEndOfYear", { years: earning.expiry.years })
                : t("shopping.expiryNever")}
          </li>
          {earning.expiry.kind !== "never" ? <li>{t("shopping.spendOrder")}</li> : null}
        </ul>
        {Object.keys(earning.categoryMultipliersBps).length || Object.keys(earning.skuMultipliersBps).length ? (
          <>
            <h3 className="mt-4 text-sm font-semibold">{t("shopping.multipliersHeading")}</h3>
            <ul className="mt-1 flex flex-col gap-1 text-sm">
              {Object.entries(earning.categoryMultipliersBps).map(([k, bps]) => (
                <li key={`c:${k}`}>{t("shopping.category", { key: k, multiplier: times(bps) })}</li>
              ))}
              {Object.entries(earning.skuMultipliersBps).map(([k, bps]) => (
                <li key={`s:${k}`}>{t("shopping.sku", { key: k, multiplier: times(bps) })}</li>
              ))}
            </ul>
          </>
        ) : null}
      </Card>

      <Card id="tiers" aria-labelledby="tiers-heading" className="scroll-mt-20">
        <CardTitle id="tiers-heading">{t("tiers.heading")}</CardTitle>
        <p className="mt-1 text-sm text-muted">
          {tiersRule.qualification.basis === "spend"
            ? t("tiers.introSpend", { months: tiersRule.qualification.windowMonths })
            : t("tiers.introPoints", { months: tiersRule.qualification.windowMonths })}
        </p>
        <ol className="mt-3 grid gap-3 md:grid-cols-3">
          {tiersRule.tiers.map((tier, i) => {
            const mine = tier.code === heldCode;
            return (
              <li
                key={tier.code}
                aria-current={mine ? "true" : undefined}
                className={cn("flex flex-col gap-2 rounded-xl border p-4", mine ? "border-2 border-brand bg-brand-soft" : "border-border")}
                data-testid={`tier-${tier.code}`}
              >
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <h3 className="font-semibold">{tier.name[locale]}</h3>
                  {mine ? (
                    <span className="rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-brand-fg">
                      <span aria-hidden>★ </span>
                      {t("tiers.you")}
                    </span>
                  ) : null}
                </div>
                <p className="text-sm text-muted">
                  {i === 0 && tier.threshold === 0
                    ? t("tiers.thresholdStart")
                    : tiersRule.qualification.basis === "spend"
                      ? t("tiers.thresholdSpend", { amount: money(tier.threshold) })
                      : t("tiers.thresholdPoints", { value: format.number(tier.threshold) })}
                </p>
                <ul className="flex flex-col gap-1 text-sm">
                  <li className="font-medium">{t("tiers.multiplier", { multiplier: times(tier.earnMultiplierBps) })}</li>
                  {tier.catalogueDiscountBps > 0 ? <li>{t("tiers.discount", { percent: percentOfBps(tier.catalogueDiscountBps) })}</li> : null}
                  {tier.benefits.map((b, j) => (
                    <li key={j}>
                      <span aria-hidden>· </span>
                      {b[locale]}
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ol>
      </Card>

      <Card id="campaigns" aria-labelledby="campaigns-heading" className="scroll-mt-20">
        <CardTitle id="campaigns-heading">{t("campaigns.heading")}</CardTitle>
        <p className="mt-1 text-xs text-muted">{t("timeZone", { zone })}</p>
        {campaigns.length === 0 ? (
          <p className="mt-3 text-sm text-muted">{t("campaigns.none")}</p>
        ) : (
          <ul className="mt-3 flex flex-col gap-3">
            {campaigns.map(({ key, def, window }) => (
              <li key={key} className="rounded-xl border border-border p-4" data-testid={`campaign-${key}`}>
                <div className="flex flex-wrap items-center gap-2">
                  <span className={cn("rounded-full px-2 py-0.5 text-xs font-semibold", window.status === "running" ? "bg-ok-soft text-ok" : "bg-surface-2 text-fg")}>
                    {window.status === "running" ? <span aria-hidden>● </span> : <span aria-hidden>◷ </span>}
                    {t(`campaigns.${window.status === "running" ? "running" : "upcoming"}`)}
                  </span>
                  <h3 className="font-semibold">{def.name[locale]}</h3>
                </div>
                <p className="mt-2 text-lg font-bold text-brand">
                  {def.award.kind === "multiplier" ? t("campaigns.multiplier", { multiplier: times(def.award.bps) }) : t("campaigns.flat", { points: format.number(def.award.points) })}
                </p>
                <p className="mt-1 text-sm">
                  {window.endsAt
                    ? t("campaigns.window", { range: format.dateTimeRange(window.startsAt, window.endsAt, WHEN) })
                    : t("campaigns.openEnded", { start: when(window.startsAt) })}
                </p>
                <ul className="mt-1 flex flex-col gap-0.5 text-sm text-muted">
                  {campaignLines(def).map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card id="actions" aria-labelledby="actions-heading" className="scroll-mt-20">
        <CardTitle id="actions-heading">{t("actions.heading")}</CardTitle>
        <ul className="mt-2 divide-y divide-border">
          {actions.map((a) => {
            const def = a.definition;
            const streak = def.streakBonus && def.streakBonus.bonuses.some((b) => b.points > 0) ? def.streakBonus : null;
            return (
              <li key={a.ruleKey} className="flex items-start gap-3 py-3" data-testid={`action-${actionType(a.ruleKey)}`}>
                <div className="min-w-0 flex-1">
                  <h3 className="font-medium">{def.name[locale]}</h3>
                  <p className="text-sm text-muted">{actionLines(def).join(" · ")}</p>
                  {streak ? (
                    <p className="mt-1 text-sm font-medium text-brand">
                      {t("actions.streak", {
                        list: format.list(
                          streak.bonuses.filter((b) => b.points > 0).map((b) => t("actions.streakItem", { day: b.day, points: format.number(b.points) })),
                          { type: "unit" },
                        ),
                      })}
                      {streak.cycleDays ? <span className="font-normal text-muted"> {t("actions.streakCycle", { days: streak.cycleDays })}</span> : null}
                    </p>
                  ) : null}
                </div>
                <p className="tabular shrink-0 text-lg font-semibold text-brand">
                  {t("actions.points", { points: format.number(def.points) })}
                </p>
              </li>
            );
          })}
        </ul>
      </Card>

      <Card id="checkout" aria-labelledby="checkout-heading" className="scroll-mt-20">
        <CardTitle id="checkout-heading">{t("checkout.heading")}</CardTitle>
        {earning.checkout.maxPercentOfGoods > 0 ? (
          <>
            <p className="mt-3 text-2xl font-bold text-brand">{t("checkout.rate", { points: format.number(earning.checkout.pointsPerCurrencyUnit), amount: money(100) })}</p>
            <p className="mt-2 text-sm">{t("checkout.max", { percent: format.number(earning.checkout.maxPercentOfGoods / 100, { style: "percent" }) })}</p>
          </>
        ) : (
          <p className="mt-3 text-sm">{t("checkout.off")}</p>
        )}
      </Card>
    </div>
  );
}

/** "GMT+8" / "GMT+08:00": the deployment zone's offset now, as the locale writes it. */
function offsetName(at: Date, timeZone: string, locale: string): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "shortOffset" }).formatToParts(at).find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}
