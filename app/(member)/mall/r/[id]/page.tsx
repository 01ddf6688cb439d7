import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { useCategoryLabel } from "@/components/mall/category-chips";
import { Countdown } from "@/components/mall/countdown";
import { Gallery } from "@/components/mall/gallery";
import { MallTabs } from "@/components/mall/mall-tabs";
import { Price } from "@/components/mall/price";
import { discountOf, localized, tierName } from "@/components/mall/view";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { loadShopper, positionOf, rewardForMember, rewardNames, termsOf, type Shopper } from "@/lib/mall/catalogue";
import { LOW_STOCK, quote, type Blocker } from "@/lib/mall/pricing";
import type { Reward } from "@/db/schema";

type Props = { params: Promise<{ id: string }> };

const WHEN = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" } as const;

async function load(id: string, memberId: string) {
  if (!z.guid().safeParse(id).success) return null;
  return rewardForMember(id, memberId);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  if (!z.guid().safeParse(id).success) return {};
  const [names, locale] = await Promise.all([rewardNames(id), getLocale()]);
  return names ? { title: localized(names.name, names.nameEn, isLocale(locale) ? locale : "zh-CN") } : {};
}

// One reward: pictures, the member's price (tier discount shown as such), stock, limit, window,
// and either the way to redeem it or exactly why not. Each render makes a fresh confirmation token
// that travels to the confirm step and makes the redemption idempotent.
export default async function RewardPage({ params }: Props) {
  const actor = await requirePage("member:use");
  const { id } = await params;
  const at = now();
  const [found, shopper, rawLocale, t, format] = await Promise.all([load(id, actor.userId), loadShopper(actor.userId, at), getLocale(), getTranslations("mall"), getFormatter()]);
  if (!found) notFound();
  const { reward, alreadyRedeemed } = found;
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  const q = quote(termsOf(reward), positionOf(shopper, alreadyRedeemed), 1, at);
  const name = localized(reward.name, reward.nameEn, locale);
  const description = localized(reward.description, reward.descriptionEn, locale);
  const terms = localized(reward.terms, reward.termsEn, locale);
  const images = [reward.imageUrl, ...reward.images].filter((x): x is string => Boolean(x));
  const token = newId();
  const started = !reward.startsAt || reward.startsAt <= at;
  const when = (d: Date) => format.dateTime(d, WHEN);

  const facts: { label: string; value: React.ReactNode; testId?: string }[] = [];
  if (reward.stock !== null) {
    facts.push({
      label: t("detail.stock"),
      value: reward.stock === 0 ? t("status.soldOut") : reward.stock <= LOW_STOCK ? <span className="font-semibold text-warn">{t("status.lowStock", { left: reward.stock })}</span> : t("detail.inStock"),
      testId: "reward-stock",
    });
  }
  if (reward.perMemberLimit !== null) {
    facts.push({ label: t("detail.limit"), value: t("detail.limitValue", { limit: reward.perMemberLimit, left: q.limitLeft ?? 0 }), testId: "reward-limit" });
  }
  if (reward.startsAt || reward.endsAt) {
    facts.push({
      label: t("detail.window"),
      value: reward.startsAt && reward.endsAt ? `${when(reward.startsAt)} – ${when(reward.endsAt)}` : reward.endsAt ? t("detail.until", { date: when(reward.endsAt) }) : t("detail.from", { date: when(reward.startsAt!) }),
    });
  }
  if (reward.tierCodes.length) {
    facts.push({ label: t("detail.tiers"), value: format.list(reward.tierCodes.map((c) => tierName(shopper.tiers, c, locale)), { type: "disjunction" }) });
  }
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
          <div data-testid="reward-price">
            <Price unit={q.unitPoints} list={reward.pointsPrice} discount={q.discountBps > 0 ? discountOf(shopper, locale) : null} size="lg" />
          </div>
          {reward.flash && reward.endsAt && started && at < reward.endsAt ? (
            <p className="font-semibold text-brand">
              <Countdown to={reward.endsAt.toISOString()} serverNow={at.toISOString()} kind="ends" />
            </p>
          ) : null}
          {!started ? (
            <p className="font-semibold text-brand">
              <Countdown to={reward.startsAt!.toISOString()} serverNow={at.toISOString()} kind="opens" />
            </p>
          ) : null}

          <dl className="grid grid-cols-2 gap-3 rounded-2xl bg-surface-2 p-4 text-sm">
            <div>
              <dt className="text-muted">{t("detail.balance")}</dt>
              <dd className="tabular text-lg font-semibold" data-testid="detail-balance">
                {format.number(shopper.availablePoints)}
              </dd>
            </div>
            <div>
              <dt className="text-muted">{t("detail.after")}</dt>
              <dd className={`tabular text-lg font-semibold ${q.balanceAfter < 0 ? "text-danger" : ""}`}>{q.balanceAfter < 0 ? "—" : format.number(q.balanceAfter)}</dd>
            </div>
          </dl>

          {q.blocker ? (
            <Blocked blocker={q.blocker} reward={reward} missing={q.missingPoints} held={alreadyRedeemed} shopper={shopper} locale={locale} at={at} />
          ) : (
            <LinkButton href={`/mall/r/${reward.id}/confirm?t=${token}`} className="w-full text-base sm:w-auto" data-testid="redeem">
              {t("detail.redeem")}
            </LinkButton>
          )}

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

/** Why this member cannot redeem this reward now, with what would change it. */
async function Blocked({ blocker, reward, missing, held, shopper, locale, at }: { blocker: Blocker; reward: Reward; missing: number; held: number; shopper: Shopper; locale: Locale; at: Date }) {
  const t = await getTranslations("mall.detail.blockers");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, WHEN);
  let text: string;
  switch (blocker) {
    case "insufficient-points":
      text = t("insufficient-points", { missing: format.number(missing) });
      break;
    case "out-of-stock":
      text = t("out-of-stock");
      break;
    case "limit-reached":
      text = t("limit-reached", { held, limit: reward.perMemberLimit ?? 0 });
      break;
    case "not-eligible:tier":
      text = t("tier", {
        tiers: format.list(reward.tierCodes.map((c) => tierName(shopper.tiers, c, locale)), { type: "disjunction" }),
        tier: tierName(shopper.tiers, shopper.tierCode, locale),
      });
      break;
    case "not-eligible:not-started":
      text = t("not-started", { date: when(reward.startsAt ?? at) });
      break;
    case "not-eligible:ended":
      text = t("ended", { date: when(reward.endsAt ?? at) });
      break;
    case "not-eligible:frozen":
      text = t("frozen");
      break;
    case "not-eligible:inactive":
      text = t("inactive");
      break;
  }
  return (
    <div className="flex flex-col gap-2" data-testid="redeem-blocked">
      <Alert tone={blocker === "insufficient-points" || blocker === "not-eligible:not-started" ? "info" : "warn"}>{text}</Alert>
      {blocker === "insufficient-points" ? (
        <Link href="/how-to-earn" className="self-start text-sm font-medium text-brand underline">
          {t("earnMore")}
        </Link>
      ) : blocker === "not-eligible:tier" ? (
        <Link href="/how-to-earn#tiers" className="self-start text-sm font-medium text-brand underline">
          {t("tiersLink")}
        </Link>
      ) : null}
    </div>
  );
}
