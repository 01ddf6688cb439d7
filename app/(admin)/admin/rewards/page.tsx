import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/admin-mall/badges";
import { localName, otherName } from "@/components/admin-mall/names";
import { Pagination } from "@/components/admin-mall/pagination";
import { RewardThumb } from "@/components/admin-mall/reward-thumb";
import { Button, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
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
          <Button type="submit" variant="secondary">
            {t("rewards.apply")}
          </Button>
          {filtered ? (
            <Link href="/admin/rewards" className="inline-flex min-h-11 items-center text-sm font-medium text-brand underline">
              {t("rewards.clear")}
            </Link>
          ) : null}
        </form>
      </Card>

      <Card>
        {result.rewards.length === 0 ? (
          <EmptyState title={filtered ? t("rewards.noMatch") : t("rewards.empty")} />
        ) : (
          <div className="flex flex-col gap-4">
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{t("rewards.title")}</caption>
                <thead className="text-muted">
                  <tr>
                    <th scope="col" className="py-2 pr-3">
                      {t("rewards.name")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("fields.sku")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("fields.type")}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t("fields.category")}
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right">
                      {t("fields.pointsPrice")}
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right">
                      {t("fields.stock")}
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right">
                      {t("rewards.redeemed")}
                    </th>
                    <th scope="col" className="py-2">
                      {t("rewards.state")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.rewards.map((r) => {
                    const other = otherName(r, locale);
                    return (
                      <tr key={r.id} className="border-t border-border align-middle">
                        <td className="py-2 pr-3">
                          <div className="flex items-center gap-3">
                            <RewardThumb src={r.imageUrl} size={40} />
                            <div className="min-w-0">
                              <Link href={`/admin/rewards/${r.id}`} className="font-medium text-brand underline-offset-2 hover:underline">
                                {localName(r, locale)}
                              </Link>
                              {other ? <p className="truncate text-xs text-muted">{other}</p> : null}
                            </div>
                          </div>
                        </td>
                        <td className="py-2 pr-3 font-mono text-xs whitespace-nowrap">{r.sku}</td>
                        <td className="py-2 pr-3">{t(`types.${r.type}`)}</td>
                        <td className="py-2 pr-3">{r.category}</td>
                        <td className="tabular py-2 pr-3 text-right">{format.number(r.pointsPrice)}</td>
                        <td className="tabular py-2 pr-3 text-right">{r.stock === null ? t("stock.unlimited") : format.number(r.stock)}</td>
                        <td className="tabular py-2 pr-3 text-right">{format.number(r.redeemedCount)}</td>
                        <td className="py-2">
                          <span className="flex flex-wrap gap-1">
                            <Badge tone={r.active ? "ok" : "muted"}>{r.active ? t("reward.active") : t("reward.inactive")}</Badge>
                            {r.flash ? <Badge tone="brand">{t("reward.flash")}</Badge> : null}
                          </span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <Pagination path="/admin/rewards" params={filters} page={result.page} pages={result.pages} total={result.total} />
          </div>
        )}
      </Card>
    </div>
  );
}
