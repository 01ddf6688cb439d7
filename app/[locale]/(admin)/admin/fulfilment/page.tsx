import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge, STATUS_TONE } from "@/components/admin-mall/badges";
import { ShipmentImportForm } from "@/components/admin-mall/fulfilment-forms";
import { localName } from "@/components/admin-mall/names";
import { Pagination } from "@/components/admin-mall/pagination";
import { buttonClass } from "@/components/ui/button";
import { FilterButtons } from "@/components/ui/filter-buttons";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { REDEMPTION_STATUSES } from "@/db/schema";
import { requirePage } from "@/lib/auth/guard";
import { parseFulfilmentQuery } from "@/lib/mall/admin/fulfilment-query";
import { listFulfilment, physicalRewards } from "@/lib/mall/admin/list-fulfilment";
import { packingAddress } from "@/lib/mall/admin/shipping-address";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("fulfilment") };
}

// The fulfilment queue: physical rewards to pack and ship, filtered by status, reward, dates and
// member; the packing list as CSV; bulk "mark shipped" from the carrier's CSV.
export default async function FulfilmentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin:fulfilment");
  const query = parseFulfilmentQuery(await searchParams);
  const [t, format, locale, page, goods] = await Promise.all([getTranslations("adminMall"), getFormatter(), getLocale(), listFulfilment(query), physicalRewards()]);
  const params = { status: query.status === "open" ? undefined : query.status, reward: query.reward, from: query.from, to: query.to, email: query.email };
  const exportQuery = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  const filtered = Object.values(params).some(Boolean);
  const control = "min-h-11 rounded-lg border border-border bg-surface px-3 text-base text-fg";

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader title={t("fulfilment.title")} intro={t("fulfilment.intro")} />
        <a href={`/admin/fulfilment/export${exportQuery ? `?${exportQuery}` : ""}`} className={buttonClass("secondary")} download data-testid="export-csv">
          {t("fulfilment.export")}
        </a>
      </div>

      <Card>
        <form role="search" aria-label={t("fulfilment.filters")} method="get" className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="ff-status" className="text-sm font-medium">
              {t("fulfilment.status")}
            </label>
            <select id="ff-status" name="status" defaultValue={query.status} className={control}>
              <option value="open">{t("fulfilment.open")}</option>
              <option value="all">{t("fulfilment.all")}</option>
              {REDEMPTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="ff-reward" className="text-sm font-medium">
              {t("fulfilment.reward")}
            </label>
            <select id="ff-reward" name="reward" defaultValue={query.reward ?? ""} className={`${control} max-w-64`}>
              <option value="">{t("rewards.any")}</option>
              {goods.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.sku} · {localName(g, locale)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="ff-from" className="text-sm font-medium">
              {t("fulfilment.from")}
            </label>
            <input id="ff-from" name="from" type="date" defaultValue={query.from} className={control} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="ff-to" className="text-sm font-medium">
              {t("fulfilment.to")}
            </label>
            <input id="ff-to" name="to" type="date" defaultValue={query.to} className={control} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="ff-email" className="text-sm font-medium">
              {t("fulfilment.email")}
            </label>
            <input id="ff-email" name="email" type="search" defaultValue={query.email} className={control} autoComplete="off" />
          </div>
          <FilterButtons apply={t("rewards.apply")} clear={t("rewards.clear")} clearHref="/admin/fulfilment" filtered={filtered} />
        </form>
      </Card>

      <Card>
        <DataTable
          caption={t("fulfilment.title")}
          testId="fulfilment-queue"
          rows={page.rows}
          rowKey={({ redemption }) => redemption.id}
          empty={filtered ? t("fulfilment.noMatch") : t("fulfilment.empty")}
          footer={<Pagination path="/admin/fulfilment" params={params} page={page.page} pages={page.pages} total={page.total} />}
          columns={[
            {
              header: t("fulfilment.placedAt"),
              className: "whitespace-nowrap",
              cell: ({ redemption: r }) => (
                <>
                  <Link href={`/admin/fulfilment/${r.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
                    {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </Link>
                  <p className="font-mono text-xs text-muted">{r.id.slice(-12)}</p>
                </>
              ),
            },
            {
              header: t("fulfilment.reward"),
              cell: ({ reward }) => (
                <>
                  {localName(reward, locale)}
                  <p className="font-mono text-xs text-muted">{reward.sku}</p>
                </>
              ),
            },
            { header: t("fulfilment.quantity"), numeric: true, cell: ({ redemption: r }) => format.number(r.quantity) },
            {
              header: t("fulfilment.shipTo"),
              className: "max-w-72 break-words",
              cell: ({ redemption: r }) => {
                const a = packingAddress(r.shippingAddress);
                return a.recipient ? (
                  <>
                    {a.recipient} · {a.phone}
                    <p className="text-xs text-muted">{a.address}</p>
                  </>
                ) : (
                  <span className="text-muted">{t("fulfilment.noAddress")}</span>
                );
              },
            },
            { header: t("fulfilment.member"), cell: ({ email }) => email, className: "break-words" },
            {
              header: t("fulfilment.status"),
              cell: ({ redemption: r }) => (
                <>
                  <Badge tone={STATUS_TONE[r.status]}>{t(`statuses.${r.status}`)}</Badge>
                  {r.trackingNumber ? (
                    <p className="mt-1 text-xs text-muted">
                      {r.carrier} {r.trackingNumber}
                    </p>
                  ) : null}
                </>
              ),
            },
          ]}
        />
      </Card>

      <Card>
        <CardTitle className="mb-4">{t("shipments.title")}</CardTitle>
        <ShipmentImportForm />
      </Card>
    </div>
  );
}
