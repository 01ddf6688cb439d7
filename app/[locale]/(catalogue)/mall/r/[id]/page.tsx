import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { z } from "zod";
import { cataloguePage } from "@/components/mall/catalogue-page";
import { useCategoryLabel } from "@/components/mall/category-chips";
import { Gallery } from "@/components/mall/gallery";
import { MallTabs } from "@/components/mall/mall-tabs";
import { DetailCountdown, DetailPrice, DetailRedeem, LimitValue, StockValue, type DetailReward } from "@/components/mall/reward-personal";
import { localized, tierName } from "@/components/mall/view";
import { Card, CardTitle } from "@/components/ui/card";
import { isLocale } from "@/lib/i18n/locales";
import { rewardById } from "@/lib/mall/catalogue";

type Props = { params: Promise<{ locale: string; id: string }> };

const WHEN = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" } as const;

/** The reward, once per render (the title and the page both want it); null for what is not one. */
const load = cache(async (id: string) => (z.guid().safeParse(id).success ? rewardById(id) : null));

// Rendered on first request, then cached (see the catalogue layout).
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const reward = await load(id);
  return reward && isLocale(locale) ? { title: localized(reward.name, reward.nameEn, locale) } : {};
}

// One reward: pictures, price, stock, limit, window, who it is for, description and terms — the same
// for every member (cached). The member's price (tier discount shown as such), balance before and
// after, how many they may still take, and the redeem button or exactly why not are filled in by the
// browser from /api/mall/me, against the reward's terms as they are at that moment.
export default async function RewardPage({ params }: Props) {
  const [{ id }, { locale, rules }] = await Promise.all([params, cataloguePage(params)]);
  const reward = await load(id);
  if (!reward) notFound();
  const [t, format] = await Promise.all([getTranslations("mall"), getFormatter()]);
  const tiers = rules.tiers.definition;
  const name = localized(reward.name, reward.nameEn, locale);
  const description = localized(reward.description, reward.descriptionEn, locale);
  const terms = localized(reward.terms, reward.termsEn, locale);
  const images = [reward.imageUrl, ...reward.images].filter((x): x is string => Boolean(x));
  const when = (d: Date) => format.dateTime(d, WHEN);
  // Only what the browser needs: not the whole row (descriptions stay in the HTML).
  const detail: DetailReward = {
    id: reward.id,
    type: reward.type,
    pointsPrice: reward.pointsPrice,
    stock: reward.stock,
    perMemberLimit: reward.perMemberLimit,
    tierCodes: reward.tierCodes,
    tierNames: reward.tierCodes.map((c) => tierName(tiers, c, locale)),
    active: reward.active,
    flash: reward.flash,
    startsAt: reward.startsAt?.toISOString() ?? null,
    endsAt: reward.endsAt?.toISOString() ?? null,
  };

  const facts: { label: string; value: React.ReactNode; testId?: string }[] = [];
  if (reward.stock !== null) facts.push({ label: t("detail.stock"), value: <StockValue reward={detail} />, testId: "reward-stock" });
  if (reward.perMemberLimit !== null) facts.push({ label: t("detail.limit"), value: <LimitValue reward={detail} />, testId: "reward-limit" });
  if (reward.startsAt || reward.endsAt) {
    facts.push({
      label: t("detail.window"),
      value: reward.startsAt && reward.endsAt ? `${when(reward.startsAt)} – ${when(reward.endsAt)}` : reward.endsAt ? t("detail.until", { date: when(reward.endsAt) }) : t("detail.from", { date: when(reward.startsAt!) }),
    });
  }
  if (reward.tierCodes.length) facts.push({ label: t("detail.tiers"), value: format.list(detail.tierNames, { type: "disjunction" }) });
  facts.push({ label: t("detail.delivery"), value: t(`detail.deliveryBy.${reward.type}`) });

  return (
    <div className="flex flex-col gap-4">
      <MallTabs />
      <CategoryLink category={reward.category} />
      <div className="grid gap-5 md:grid-cols-2">
        <Gallery images={images} name={name} type={reward.type} />
        <div className="flex flex-col gap-3">
          <h1 className="text-xl font-semibold leading-snug" data-testid="reward-name">
            {name}
          </h1>
          <DetailPrice reward={detail} />
          <DetailCountdown reward={detail} />
          <DetailRedeem reward={detail} />
          <dl className="flex flex-col divide-y divide-border text-sm">
            {facts.map((f) => (
              <div key={f.label} className="flex justify-between gap-4 py-2" data-testid={f.testId}>
                <dt className="text-muted">{f.label}</dt>
                <dd className="text-right">{f.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>
      {description ? (
        <Card aria-labelledby="about-heading">
          <CardTitle id="about-heading">{t("detail.about")}</CardTitle>
          <p className="mt-2 whitespace-pre-line break-words text-sm leading-6">{description}</p>
        </Card>
      ) : null}
      {terms ? (
        <Card aria-labelledby="terms-heading">
          <CardTitle id="terms-heading">{t("detail.terms")}</CardTitle>
          <p className="mt-2 whitespace-pre-line break-words text-sm leading-6 text-muted">{terms}</p>
        </Card>
      ) : null}
    </div>
  );
}

function CategoryLink({ category }: { category: string }) {
  const label = useCategoryLabel();
  return (
    <Link href={`/mall/c/${category}`} className="self-start text-sm font-medium text-brand underline-offset-4 hover:underline">
      ← {label(category)}
    </Link>
  );
}
