import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/admin-mall/badges";
import { CouponImportForm } from "@/components/admin-mall/coupon-import-form";
import { localName, otherName } from "@/components/admin-mall/names";
import { RewardThumb } from "@/components/admin-mall/reward-thumb";
import { ActiveToggle, ImageUploadForm, ScheduleForm } from "@/components/admin-mall/reward-status-forms";
import { StockAdjustForm } from "@/components/admin-mall/stock-adjust-form";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePage } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { getRewardDetail, HISTORY_ROWS } from "@/lib/mall/admin/get-reward-detail";
import { listTiers } from "@/lib/mall/admin/list-tiers";
import { isoToLocalInput } from "@/lib/mall/admin/local-time";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const detail = await getRewardDetail((await params).id);
  return { title: detail ? detail.reward.name : (await getTranslations("nav"))("rewards") };
}

// One reward: its details, offer and schedule, picture, stock with every movement, coupon pool.
export default async function AdminRewardPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string; saved?: string }> }) {
  await requirePage("admin:catalogue");
  const [{ id }, sp, locale] = await Promise.all([params, searchParams, getLocale()]);
  const [t, format, detail, tiers] = await Promise.all([getTranslations("adminMall"), getFormatter(), getRewardDetail(id), listTiers(locale)]);
  if (!detail) notFound();
  const { reward: r, movements, codes } = detail;
  const other = otherName(r, locale);
  const pool = r.type === "coupon" && r.couponSource === "pool";
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const tierName = (code: string) => tiers.find((x) => x.code === code)?.name ?? code;
  const facts: [string, React.ReactNode][] = [
    [t("fields.type"), t(`types.${r.type}`)],
    [t("fields.category"), r.category],
    [t("fields.pointsPrice"), format.number(r.pointsPrice)],
    [t("fields.perMemberLimit"), r.perMemberLimit === null ? t("reward.noLimit") : format.number(r.perMemberLimit)],
    [t("fields.tierCodes"), r.tierCodes.length ? r.tierCodes.map(tierName).join(", ") : t("reward.allTiers")],
    [t("reward.window"), r.startsAt || r.endsAt ? `${when(r.startsAt)} → ${when(r.endsAt)}` : t("reward.always")],
    [t("rewards.redeemed"), format.number(r.redeemedCount)],
    ...(r.type === "coupon"
      ? ([
          [t("fields.couponSource"), t(`couponSources.${r.couponSource ?? "pattern"}`)],
          ...(r.couponPattern ? ([[t("fields.couponPattern"), <code key="p">{r.couponPattern}</code>]] as [string, React.ReactNode][]) : []),
          [t("fields.couponValidDays"), r.couponValidDays === null ? t("reward.noExpiry") : t("reward.days", { days: r.couponValidDays })],
        ] as [string, React.ReactNode][])
      : []),
  ];

  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t("reward.breadcrumb")} className="text-sm">
        <Link href="/admin/rewards" className="text-brand underline">
          ← {t("rewards.title")}
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex items-center gap-4">
          <RewardThumb src={r.imageUrl} size={72} />
          <div className="min-w-0">
            <h1 className="text-xl font-semibold break-words" data-testid="reward-name">
              {localName(r, locale)}
            </h1>
            {other ? <p className="text-sm text-muted break-words">{other}</p> : null}
            <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
              <code className="rounded bg-surface-2 px-1 text-xs">{r.sku}</code>
              <Badge tone={r.active ? "ok" : "muted"}>{r.active ? t("reward.active") : t("reward.inactive")}</Badge>
              {r.flash ? <Badge tone="brand">{t("reward.flash")}</Badge> : null}
            </p>
          </div>
        </div>
        <LinkButton variant="secondary" href={`/admin/rewards/${r.id}/edit`}>
          {t("reward.edit")}
        </LinkButton>
      </div>
      {sp.created ? <Alert tone="success">{t("reward.created")}</Alert> : sp.saved ? <Alert tone="success">{t("reward.saved")}</Alert> : null}

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle className="mb-3">{t("reward.details")}</CardTitle>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted">{k}</dt>
                <dd className="break-words">{v}</dd>
              </div>
            ))}
          </dl>
          {r.description || r.descriptionEn ? (
            <div className="mt-4 flex flex-col gap-2 text-sm">
              {r.description ? (
                <p lang="zh-CN" className="whitespace-pre-line break-words">
                  {r.description}
                </p>
              ) : null}
              {r.descriptionEn ? (
                <p lang="en" className="whitespace-pre-line break-words text-muted">
                  {r.descriptionEn}
                </p>
              ) : null}
            </div>
          ) : null}
        </Card>

        <Card>
          <CardTitle className="mb-3">{t("reward.offer")}</CardTitle>
          <div className="flex flex-col gap-5">
            <div className="flex flex-col gap-2">
              <p className="text-sm text-muted">{r.active ? t("reward.activeHelp") : t("reward.inactiveHelp")}</p>
              <ActiveToggle rewardId={r.id} active={r.active} />
            </div>
            <ScheduleForm rewardId={r.id} startsAt={isoToLocalInput(r.startsAt, env.DEPLOYMENT_TZ)} endsAt={isoToLocalInput(r.endsAt, env.DEPLOYMENT_TZ)} timeZone={env.DEPLOYMENT_TZ} />
          </div>
        </Card>

        <Card>
          <CardTitle className="mb-3">{t("image.title")}</CardTitle>
          <div className="flex flex-wrap items-start gap-4">
            <RewardThumb src={r.imageUrl} size={128} />
            <div className="min-w-56 flex-1">
              <ImageUploadForm rewardId={r.id} maxBytes={env.UPLOAD_MAX_BYTES} />
            </div>
          </div>
        </Card>

        <Card>
          <CardTitle className="mb-3">{t("stock.title")}</CardTitle>
          <p className="mb-3 text-sm">
            {t("stock.current")}{" "}
            <strong className="tabular text-lg" data-testid="reward-stock">
              {r.stock === null ? t("stock.unlimited") : format.number(r.stock)}
            </strong>
          </p>
          <StockAdjustForm key={r.stock === null ? "unlimited" : "counted"} rewardId={r.id} stock={r.stock} pool={pool} />
        </Card>
      </div>

      {pool ? (
        <Card>
          <CardTitle className="mb-1">{t("codes.title")}</CardTitle>
          <p className="mb-3 text-sm text-muted">
            {t("codes.counts", { available: codes.available ?? 0, issued: codes.issued ?? 0, used: codes.used ?? 0 })}
          </p>
          <CouponImportForm rewardId={r.id} />
        </Card>
      ) : null}

      <Card>
        <CardTitle className="mb-3">{t("stock.history")}</CardTitle>
        {movements.length === 0 ? (
          <EmptyState title={t("stock.noHistory")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="stock-history">
              <caption className="sr-only">{t("stock.history")}</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    {t("stock.when")}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    {t("stock.deltaColumn")}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right">
                    {t("stock.after")}
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    {t("stock.reason")}
                  </th>
                  <th scope="col" className="py-2">
                    {t("stock.by")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {movements.map((m) => (
                  <tr key={m.id} className="border-t border-border">
                    <td className="py-2 pr-3 whitespace-nowrap">{when(m.createdAt)}</td>
                    <td className={`tabular py-2 pr-3 text-right font-medium ${m.delta < 0 ? "text-danger" : m.delta > 0 ? "text-ok" : ""}`}>
                      {m.delta > 0 ? `+${format.number(m.delta)}` : format.number(m.delta)}
                    </td>
                    <td className="tabular py-2 pr-3 text-right">{m.stockAfter === null ? t("stock.unlimited") : format.number(m.stockAfter)}</td>
                    <td className="py-2 pr-3 break-words">
                      {m.reason}
                      {m.redemptionId ? (
                        <>
                          {" "}
                          <Link href={`/admin/fulfilment/${m.redemptionId}`} className="text-brand underline">
                            {t("stock.redemption")}
                          </Link>
                        </>
                      ) : null}
                    </td>
                    <td className="py-2 text-muted">{m.actor}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {movements.length === HISTORY_ROWS ? <p className="mt-2 text-sm text-muted">{t("stock.latestOnly", { count: HISTORY_ROWS })}</p> : null}
          </div>
        )}
      </Card>
    </div>
  );
}
