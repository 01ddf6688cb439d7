import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, STATUS_TONE } from "@/components/admin-mall/badges";
import { CancelForm, MoveButton, ShipForm } from "@/components/admin-mall/fulfilment-forms";
import { localName } from "@/components/admin-mall/names";
import { RewardThumb } from "@/components/admin-mall/reward-thumb";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/guard";
import { getRedemptionDetail } from "@/lib/mall/admin/get-redemption-detail";
import { packingAddress } from "@/lib/mall/admin/shipping-address";
import { canCancel, canMove } from "@/lib/mall/redemption-status";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminMall"))("fulfilment.redemption") };
}

// One redemption: what, for whom, where to; its timeline; the next steps staff may take.
export default async function RedemptionPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("admin:fulfilment");
  const { id } = await params;
  const [t, format, locale, detail] = await Promise.all([getTranslations("adminMall"), getFormatter(), getLocale(), getRedemptionDetail(id)]);
  if (!detail) notFound();
  const { redemption: r, reward, member, events } = detail;
  const a = packingAddress(r.shippingAddress);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  const next = {
    processing: canMove(r.status, "processing"),
    shipped: canMove(r.status, "shipped"),
    delivered: canMove(r.status, "delivered"),
    cancelled: canCancel(r.status, "staff"),
  };
  const anything = Object.values(next).some(Boolean);

  return (
    <div className="flex flex-col gap-4">
      <nav aria-label={t("reward.breadcrumb")} className="text-sm">
        <Link href="/admin/fulfilment" className="text-brand underline">
          ← {t("fulfilment.title")}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-4">
        <RewardThumb src={reward.imageUrl} size={64} />
        <div className="min-w-0">
          <h1 className="text-xl font-semibold break-words">
            {t("fulfilment.headline", { quantity: r.quantity, name: localName(reward, locale) })}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            <Badge tone={STATUS_TONE[r.status]}>
              <span data-testid="redemption-status">{t(`statuses.${r.status}`)}</span>
            </Badge>
            <code className="rounded bg-surface-2 px-1 text-xs">{r.id}</code>
          </p>
        </div>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardTitle className="mb-3">{t("fulfilment.details")}</CardTitle>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-muted">{t("fulfilment.reward")}</dt>
            <dd>
              <Link href={`/admin/rewards/${reward.id}`} className="text-brand underline">
                {localName(reward, locale)}
              </Link>{" "}
              <code className="text-xs">{reward.sku}</code>
            </dd>
            <dt className="text-muted">{t("fulfilment.member")}</dt>
            <dd className="break-all">
              {member.name ? `${member.name} · ` : ""}
              {member.email}
            </dd>
            <dt className="text-muted">{t("fulfilment.points")}</dt>
            <dd className="tabular">{format.number(r.pointsSpent)}</dd>
            <dt className="text-muted">{t("fulfilment.placedAt")}</dt>
            <dd>{when(r.createdAt)}</dd>
            <dt className="text-muted">{t("fulfilment.shipTo")}</dt>
            <dd className="break-words">
              {a.recipient || a.address ? (
                <>
                  {a.recipient} {a.phone}
                  <br />
                  {a.address}
                </>
              ) : (
                <span className="text-muted">{t("fulfilment.noAddress")}</span>
              )}
            </dd>
            {r.trackingNumber ? (
              <>
                <dt className="text-muted">{t("fulfilment.tracking")}</dt>
                <dd data-testid="redemption-tracking">
                  {r.carrier} {r.trackingNumber}
                </dd>
              </>
            ) : null}
          </dl>
        </Card>

        <Card>
          <CardTitle className="mb-3">{t("fulfilment.timeline")}</CardTitle>
          <ol className="flex flex-col gap-3 border-l border-border pl-4 text-sm">
            {events.map((e) => (
              <li key={e.id} className="relative">
                <span aria-hidden className="absolute top-1.5 -left-[1.3rem] size-2.5 rounded-full bg-brand" />
                <p className="font-medium">{t(`statuses.${e.status}`)}</p>
                <p className="text-muted">
                  {when(e.createdAt)} · {e.actor}
                </p>
                {e.note ? <p className="break-words">{e.note}</p> : null}
              </li>
            ))}
          </ol>
        </Card>
      </div>

      <Card>
        <CardTitle className="mb-3">{t("fulfilment.nextSteps")}</CardTitle>
        {anything ? (
          <div className="grid gap-6 lg:grid-cols-2">
            {next.processing || next.delivered ? (
              <div className="flex flex-col gap-2">
                {next.processing ? <MoveButton redemptionId={r.id} to="processing" label={t("fulfilment.startProcessing")} /> : null}
                {next.delivered ? <MoveButton redemptionId={r.id} to="delivered" label={t("fulfilment.markDelivered")} /> : null}
              </div>
            ) : null}
            {next.shipped ? (
              <section aria-labelledby="ship-title" className="flex flex-col gap-2">
                <h3 id="ship-title" className="text-sm font-semibold">
                  {t("fulfilment.shipTitle")}
                </h3>
                <ShipForm redemptionId={r.id} />
              </section>
            ) : null}
            {next.cancelled ? (
              <section aria-labelledby="cancel-title" className="flex flex-col gap-2">
                <h3 id="cancel-title" className="text-sm font-semibold">
                  {t("fulfilment.cancelTitle")}
                </h3>
                <CancelForm redemptionId={r.id} />
              </section>
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-muted">{t("fulfilment.nothingToDo")}</p>
        )}
      </Card>
    </div>
  );
}
