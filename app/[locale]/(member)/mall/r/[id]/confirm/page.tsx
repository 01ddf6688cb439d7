import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { MallTabs } from "@/components/mall/mall-tabs";
import { RedeemForm } from "@/components/mall/redeem-form";
import { RewardImage } from "@/components/mall/reward-image";
import { discountOf, localized } from "@/components/mall/view";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { newId } from "@/lib/ids";
import { isLocale } from "@/lib/i18n/locales";
import { listAddresses } from "@/lib/mall/addresses";
import { loadShopper, positionOf, rewardForMember, termsOf } from "@/lib/mall/catalogue";
import { redemptionByRequestKey } from "@/lib/mall/member-redemptions";
import { MAX_QUANTITY, quote } from "@/lib/mall/pricing";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("mall.confirm"))("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// The confirm step of a redemption (?t= is the confirmation token from the reward page, ?qty= the
// quantity to start with). A token that already redeemed shows that redemption instead.
export default async function ConfirmPage({ params, searchParams }: Props) {
  const actor = await requirePage("member:use");
  const { id } = await params;
  if (!z.guid().safeParse(id).success) notFound();
  const sp = await searchParams;
  const qty = Math.trunc(Number(one(sp.qty) ?? 1)) || 1;
  const token = one(sp.t) ?? "";
  const at = now();
  const [found, shopper, rawLocale, t, format] = await Promise.all([rewardForMember(id, actor.userId), loadShopper(actor.userId, at), getLocale(), getTranslations("mall"), getFormatter()]);
  if (!found) notFound();
  // Opened without a token (a bookmark, a hand-typed address): make one, in the address, so a
  // reload keeps it.
  if (!z.guid().safeParse(token).success) redirect(`/mall/r/${id}/confirm?t=${newId()}&qty=${qty}`);
  const done = await redemptionByRequestKey(actor.userId, token);
  if (done) redirect(`/redemptions/${done}`);
  const { reward, alreadyRedeemed } = found;
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  const name = localized(reward.name, reward.nameEn, locale);
  const position = positionOf(shopper, alreadyRedeemed);
  const first = quote(termsOf(reward), position, 1, at);
  // Not enough points is shown inside the form (the member can see the numbers); anything else
  // means this reward cannot be redeemed at all right now.
  const blocked = first.blocker && first.blocker !== "insufficient-points";
  const maxQuantity = Math.max(1, Math.min(MAX_QUANTITY, first.limitLeft ?? MAX_QUANTITY, reward.stock ?? MAX_QUANTITY));
  const addresses = reward.type === "physical" && !blocked ? await listAddresses(actor.userId) : [];
  const discount = discountOf(shopper, locale);

  return (
    <div className="flex flex-col gap-4">
      <MallTabs />
      <Link href={`/mall/r/${reward.id}`} className="self-start text-sm font-medium text-brand underline-offset-4 hover:underline">
        ← {t("confirm.back")}
      </Link>
      <h1 className="text-xl font-semibold">{t("confirm.title")}</h1>
      <div className="grid gap-4 md:grid-cols-[1fr_1.4fr]">
        <Card className="flex items-center gap-3 self-start">
          <RewardImage src={reward.imageUrl} alt="" type={reward.type} className="w-20 shrink-0" sizes="5rem" />
          <div className="min-w-0">
            <p className="font-medium" data-testid="confirm-reward">
              {name}
            </p>
            <p className="text-sm text-muted">{t(`types.${reward.type}`)}</p>
          </div>
        </Card>
        <Card>
          {blocked ? (
            <div className="flex flex-col gap-3">
              <Alert tone="warn">{t("confirm.blocked")}</Alert>
              <LinkButton href={`/mall/r/${reward.id}`} variant="secondary">
                {t("confirm.back")}
              </LinkButton>
            </div>
          ) : (
            <RedeemForm
              rewardId={reward.id}
              token={token}
              type={reward.type}
              terms={{ ...termsOf(reward), startsAt: reward.startsAt?.toISOString() ?? null, endsAt: reward.endsAt?.toISOString() ?? null }}
              position={position}
              serverNow={at.toISOString()}
              initialQuantity={qty}
              maxQuantity={maxQuantity}
              addresses={addresses.map((a) => ({ id: a.id, recipient: a.recipient, phone: a.phone, region: a.region, line: a.line, postalCode: a.postalCode, isDefault: a.isDefault }))}
              discountLabel={discount ? t("discountBadge", { tier: discount.tier, percent: format.number(discount.bps / 10_000, { style: "percent", maximumFractionDigits: 2 }) }) : null}
            />
          )}
        </Card>
      </div>
    </div>
  );
}
