import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/admin-mall/badges";
import { localName, otherName } from "@/components/admin-mall/names";
import { Pagination } from "@/components/admin-mall/pagination";
import { RewardThumb } from "@/components/admin-mall/reward-thumb";
import { LinkButton } from "@/components/ui/button";
import { FilterButtons } from "@/components/ui/filter-buttons";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { REWARD_TYPES } from "@/db/schema";
import { requirePage } from "@/lib/auth/guard";
import { searchRewards } from "@/lib/mall/admin/search-rewards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("rewards") };
}

type Search = Record<"q" | "type" | "category" | "active" | "page", string | undefined>;

// The catalogue: search and filters (a GET form, so every view has a URL), one page of rewards.
export default async function AdminRewardsPage({ searchParams }: { searchParams: Promise<Partial<Record<keyof Search, string | string[]>>> }) {
  await requirePage("admin:catalogue");
  const raw = await searchParams;
  const sp = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) as Search;
  const [t, format, locale, result] = await Promise.all([getTranslations("adminMall"), getFormatter(), getLocale(), searchRewards(sp)]);
  const filters = { q: sp.q || undefined, type: sp.type || undefined, category: sp.category || undefined, active: sp.active || undefined };
  const filtered = Object.values(filters).some(Boolean);
  const select = "min-h-11 rounded-lg border border-border bg-surface px-3 text-base text-fg";

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <PageHeader title={t("rewards.title")} intro={t("rewards.intro")} />
        <LinkButton href="/admin/rewards/new">{t("rewards.new")}</LinkButton>
      </div>

      <Card>
        <form role="search" aria-label={t("rewards.searchLabel")} className="flex flex-wrap items-end gap-3" method="get">
          <div className="flex min-w-56 flex-1 flex-col gap-1">
            <label htmlFor="q" className="text-sm font-medium">
              {t("rewards.search")}
            </label>
            <input id="q" name="q" type="search" defaultValue={filters.q} placeholder={t("rewards.searchPlaceholder")} className={select} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="type" className="text-sm font-medium">
              {t("fields.type")}
            </label>
            <select id="type" name="type" defaultValue={filters.type ?? ""} className={select}>
              <option value="">{t("rewards.any")}</option>
              {REWARD_TYPES.map((x) => (
                <option key={x} value={x}>
                  {t(`types.${x}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="category" className="text-sm font-medium">
              {t("fields.category")}
            </label>
            <select id="category" name="category" defaultValue={filters.category ?? ""} className={select}>
              <option value="">{t("rewards.any")}</option>
              {result.categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="active" className="text-sm font-medium">
              {t("rewards.state")}
            </label>
            <select id="active" name="active" defaultValue={filters.active ?? ""} className={select}>
              <option value="">{t("rewards.any")}</option>
              <option value="true">{t("reward.active")}</option>
              <option value="false">{t("reward.inactive")}</option>
            </select>
          </div>
          <FilterButtons apply={t("rewards.apply")} clear={t("rewards.clear")} clearHref="/admin/rewards" filtered={filtered} />
        </form>
      </Card>

      <Card>
        <DataTable
          caption={t("rewards.title")}
          rows={result.rewards}
          rowKey={(r) => r.id}
          empty={filtered ? t("rewards.noMatch") : t("rewards.empty")}
          align="middle"
          footer={<Pagination path="/admin/rewards" params={filters} page={result.page} pages={result.pages} total={result.total} />}
          columns={[
            {
              header: t("rewards.name"),
              cell: (r) => {
                const other = otherName(r, locale);
                return (
                  <div className="flex items-center gap-3">
                    <RewardThumb src={r.imageUrl} size={40} />
                    <div className="min-w-0">
                      <Link href={`/admin/rewards/${r.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
                        {localName(r, locale)}
                      </Link>
                      {other ? <p className="truncate text-xs text-muted">{other}</p> : null}
                    </div>
                  </div>
                );
              },
            },
            { header: t("fields.sku"), cell: (r) => r.sku, className: "font-mono text-xs whitespace-nowrap" },
            { header: t("fields.type"), cell: (r) => t(`types.${r.type}`) },
            { header: t("fields.category"), cell: (r) => r.category },
            { header: t("fields.pointsPrice"), numeric: true, cell: (r) => format.number(r.pointsPrice) },
            { header: t("fields.stock"), numeric: true, cell: (r) => (r.stock === null ? t("stock.unlimited") : format.number(r.stock)) },
            { header: t("rewards.redeemed"), numeric: true, cell: (r) => format.number(r.redeemedCount) },
            {
              header: t("rewards.state"),
              cell: (r) => (
                <span className="flex flex-wrap gap-1">
                  <Badge tone={r.active ? "ok" : "muted"}>{r.active ? t("reward.active") : t("reward.inactive")}</Badge>
                  {r.flash ? <Badge tone="brand">{t("reward.flash")}</Badge> : null}
                </span>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
