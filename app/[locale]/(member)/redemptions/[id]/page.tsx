import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { CancelRedemption } from "@/components/mall/cancel-redemption";
import { CouponCodeRow } from "@/components/mall/coupon-code";
import { MallTabs } from "@/components/mall/mall-tabs";
import { RewardImage } from "@/components/mall/reward-image";
import { StatusBadge } from "@/components/mall/status-badge";
import { timelineSteps } from "@/components/mall/timeline";
import { localized, tierName } from "@/components/mall/view";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { isLocale } from "@/lib/i18n/locales";
import { couponValidity, memberRedemption } from "@/lib/mall/member-redemptions";
import { canCancel } from "@/lib/mall/redemption-status";
import { getBalance } from "@/lib/points/get-balance";
import { loadRuleset } from "@/lib/rules/load-ruleset";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ placed?: string; cancelled?: string }> };

const WHEN = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" } as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("redemptions.detail"))("title") };
}

// One of the member's redemptions: what, how much, the status timeline (shipping details when
// shipped; points restored when cancelled), coupon codes, and cancel while still "placed".
// Someone else's redemption is a 404: the query is scoped by the member.
export default async function RedemptionPage({ params, searchParams }: Props) {
  const actor = await requirePage("member:use");
  const { id } = await params;
  if (!z.guid().safeParse(id).success) notFound();
  const sp = await searchParams;
  const at = now();
  const [view, t, format, rawLocale, rules] = await Promise.all([memberRedemption(actor.userId, id), getTranslations("redemptions"), getFormatter(), getLocale(), loadRuleset(at)]);
  if (!view) notFound();
  const { redemption: r, reward, events, coupons } = view;
  const locale = isLocale(rawLocale) ? rawLocale : "zh-CN";
  const name = localized(reward.name, reward.nameEn, locale);
  const steps = timelineSteps(reward.type, r.status, events);
  const points = (n: number) => t("points", { count: n });
  const balance = sp.placed || sp.cancelled ? (await getBalance(actor.userId)).available : null;
  const address = r.shippingAddress as { recipient?: string; phone?: string; region?: string; line?: string; postalCode?: string | null } | null;
  const cancelNote = events.find((e) => e.status === "cancelled")?.note;

  return (
    <div className="flex flex-col gap-4">
      <MallTabs />
      <Link href="/redemptions" className="self-start text-sm font-medium text-brand underline-offset-4 hover:underline">
        ← {t("detail.back")}
      </Link>
      {sp.placed && r.status !== "cancelled" ? (
        <div data-testid="redeemed-banner">
          <Alert tone="success">
            <span className="font-semibold">{t("detail.placedTitle")}</span> {t("detail.placedBody", { points: points(r.pointsSpent), balance: format.number(balance ?? 0) })}
          </Alert>
        </div>
      ) : null}
      {sp.cancelled && r.status === "cancelled" ? (
        <div data-testid="cancelled-banner">
          <Alert tone="success">{t("detail.cancelledBody", { points: points(r.pointsSpent), balance: format.number(balance ?? 0) })}</Alert>
        </div>
      ) : null}

      <div className="flex items-start gap-3">
        <RewardImage src={reward.imageUrl} alt="" type={reward.type} className="w-20 shrink-0" sizes="5rem" />
        <div className="min-w-0 flex-1">
          <h1 className="text-lg font-semibold leading-snug">
            <Link href={`/mall/r/${reward.id}`} className="underline-offset-4 hover:underline">
              {name}
            </Link>
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted">
            <StatusBadge status={r.status} />
            <time dateTime={r.createdAt.toISOString()}>{format.dateTime(r.createdAt, WHEN)}</time>
          </p>
        </div>
      </div>

      <div className="grid gap-4 md:grid-cols-2">
        <div className="flex flex-col gap-4">
          {coupons.length ? (
            <Card aria-labelledby="codes-heading" data-testid="redemption-coupons">
              <div className="flex items-baseline justify-between gap-2">
                <CardTitle id="codes-heading">{t("detail.coupons", { count: coupons.length })}</CardTitle>
                <Link href="/coupons" className="text-sm font-medium text-brand underline-offset-4 hover:underline">
                  {t("detail.wallet")}
                </Link>
              </div>
              <ul className="mt-3 flex flex-col gap-3 divide-y divide-border">
                {coupons.map((c) => (
                  <li key={c.code} className="pt-3 first:pt-0">
                    <CouponCodeRow code={c.code} validity={couponValidity(c, at)} validUntil={c.validUntil?.toISOString() ?? null} usedAt={c.usedAt?.toISOString() ?? null} />
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}

          <Card aria-labelledby="timeline-heading">
            <CardTitle id="timeline-heading">{t("detail.timeline")}</CardTitle>
            <ol className="mt-3 flex flex-col" data-testid="timeline">
              {steps.map((s, i) => (
                <li key={s.status} className="relative flex gap-3 pb-4 last:pb-0" data-testid={`step-${s.status}`} data-state={s.state}>
                  {i < steps.length - 1 ? <span aria-hidden className={cn("absolute left-[0.6875rem] top-6 h-[calc(100%-1.5rem)] w-0.5", steps[i + 1]!.state === "upcoming" ? "bg-border" : "bg-brand")} /> : null}
                  <span
                    aria-hidden
                    className={cn(
                      "z-10 flex h-6 w-6 shrink-0 items-center justify-center rounded-full border-2 text-xs font-bold",
                      s.state === "upcoming" ? "border-border bg-surface text-muted" : s.status === "cancelled" ? "border-muted bg-surface-2 text-muted" : "border-brand bg-brand text-brand-fg",
                    )}
                  >
                    {s.state === "upcoming" ? "" : s.status === "cancelled" ? "×" : "✓"}
                  </span>
                  <div className="min-w-0 pt-0.5">
                    <p className={cn("text-sm", s.state === "current" ? "font-semibold" : s.state === "upcoming" ? "text-muted" : "")}>
                      {t(`status.${s.status}`)}
                      <span className="sr-only"> ({t(`detail.stepState.${s.state}`)})</span>
                    </p>
                    {s.at ? (
                      <p className="text-xs text-muted">
                        <time dateTime={s.at.toISOString()}>{format.dateTime(s.at, WHEN)}</time>
                      </p>
                    ) : null}
                    {s.status === "shipped" && s.state !== "upcoming" && (r.carrier || r.trackingNumber) ? (
                      <p className="mt-1 text-sm" data-testid="tracking">
                        {r.carrier ? <span>{r.carrier}</span> : null}
                        {r.trackingNumber ? (
                          <>
                            {r.carrier ? " · " : ""}
                            {t("detail.tracking")} <span className="select-all font-mono">{r.trackingNumber}</span>
                          </>
                        ) : null}
                      </p>
                    ) : null}
                    {s.status === "cancelled" ? (
                      <>
                        <p className="mt-1 text-sm font-medium text-ok" data-testid="points-restored">
                          {t("detail.restored", { points: points(r.pointsSpent) })}
                        </p>
                        {cancelNote ? <p className="mt-1 break-words text-xs text-muted">{t("detail.reason", { reason: cancelNote })}</p> : null}
                      </>
                    ) : null}
                  </div>
                </li>
              ))}
            </ol>
          </Card>
        </div>

        <div className="flex flex-col gap-4">
          <Card aria-labelledby="summary-heading">
            <CardTitle id="summary-heading">{t("detail.summary")}</CardTitle>
            <dl className="mt-2 flex flex-col divide-y divide-border text-sm">
              <div className="flex justify-between gap-3 py-2">
                <dt className="text-muted">{t("detail.quantity")}</dt>
                <dd className="tabular">{r.quantity}</dd>
              </div>
              <div className="flex justify-between gap-3 py-2">
                <dt className="text-muted">{t("detail.unit")}</dt>
                <dd className="tabular text-right">
                  {points(r.unitPoints)}
                  {r.discountBps > 0 && r.tierCode ? (
                    <span className="block text-xs text-brand">
                      {t("detail.discount", { tier: tierName(rules.tiers.definition, r.tierCode, locale), percent: format.number(r.discountBps / 10_000, { style: "percent", maximumFractionDigits: 2 }) })}
                    </span>
                  ) : null}
                </dd>
              </div>
              <div className="flex justify-between gap-3 py-2 font-semibold">
                <dt>{t("detail.total")}</dt>
                <dd className="tabular" data-testid="points-spent">
                  {points(r.pointsSpent)}
                </dd>
              </div>
              <div className="flex justify-between gap-3 py-2">
                <dt className="text-muted">{t("detail.reference")}</dt>
                <dd className="break-all font-mono text-xs">{r.id}</dd>
              </div>
            </dl>
          </Card>
          {address ? (
            <Card aria-labelledby="address-heading">
              <CardTitle id="address-heading">{t("detail.shipTo")}</CardTitle>
              <address className="mt-2 text-sm not-italic leading-6">
                <span className="font-medium">{address.recipient}</span> {address.phone}
                <br />
                {address.region} {address.line} {address.postalCode ?? ""}
              </address>
            </Card>
          ) : null}
          {canCancel(r.status, "member") ? (
            <div className="flex flex-col gap-2">
              <CancelRedemption redemptionId={r.id} points={points(r.pointsSpent)} />
              <p className="text-xs text-muted">{t("detail.cancelHint")}</p>
            </div>
          ) : r.status === "processing" ? (
            <p className="text-sm text-muted">{t("detail.tooLateToCancel")}</p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
