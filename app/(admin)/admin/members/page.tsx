import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Button, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { memberSearchSchema, SEARCH_FIELDS, searchMembers } from "@/lib/admin-members/search-members";
import { requirePage } from "@/lib/auth/guard";
import type { Locale } from "@/lib/i18n/locales";
import { now } from "@/lib/clock";
import { findTier } from "@/lib/rules";
import { loadRuleset } from "@/lib/rules/load-ruleset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("members") };
}

// Member search: one field per query (picked from its shape or chosen), one index per field, keyset pages.
export default async function MembersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin:members");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  const search = memberSearchSchema.parse(raw);
  const [t, format, locale, page, rules] = await Promise.all([getTranslations("adminMembers"), getFormatter(), getLocale(), searchMembers(search), loadRuleset(now())]);
  const sg = await getTranslations("scheduledGrants");
  const tierName = (code: string) => findTier(rules.tiers.definition, code)?.name[locale as Locale] ?? code;
  const nextHref = page.nextCursor
    ? `?${new URLSearchParams([...(search.q ? [["q", search.q]] : []), ...(search.field ? [["field", search.field]] : []), ["cursor", page.nextCursor]])}`
    : null;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={t("search.title")} intro={t("search.intro")} />
        <div className="flex flex-wrap gap-2">
          <LinkButton href="/admin/members/grants" variant="secondary">
            {t("search.grants")}
          </LinkButton>
          <LinkButton href="/admin/members/scheduled-grants" variant="secondary">
            {sg("link")}
          </LinkButton>
        </div>
      </div>
      <Card>
        <form method="get" role="search" aria-label={t("search.title")} className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <div className="flex flex-1 flex-col gap-1">
            <label htmlFor="f-q" className="text-sm font-medium">
              {t("search.query")}
            </label>
            <input
              id="f-q"
              name="q"
              type="search"
              defaultValue={search.q ?? ""}
              placeholder={t("search.placeholder")}
              aria-describedby="f-q-hint"
              className="min-h-11 rounded-lg border border-border bg-surface px-3 text-base text-fg placeholder:text-muted"
            />
            <p id="f-q-hint" className="text-sm text-muted">
              {t("search.hint")}
            </p>
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="f-field" className="text-sm font-medium">
              {t("search.field")}
            </label>
            <select id="f-field" name="field" defaultValue={search.field ?? "auto"} className="min-h-11 rounded-lg border border-border bg-surface px-3 text-base text-fg">
              {SEARCH_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {t(`search.fields.${f}`)}
                </option>
              ))}
            </select>
            <p className="text-sm text-muted sm:invisible" aria-hidden>
              &nbsp;
            </p>
          </div>
          <div className="flex gap-2 sm:pb-7">
            <Button type="submit">{t("search.submit")}</Button>
            <LinkButton href="/admin/members" variant="secondary">
              {t("search.clear")}
            </LinkButton>
          </div>
        </form>
      </Card>
      <Card>
        <p className="mb-3 text-sm text-muted" aria-live="polite" data-testid="search-field">
          {page.field === "recent" ? t("search.recent") : t("search.searchedBy", { field: t(`search.fields.${page.field}`) })}
        </p>
        {page.rows.length === 0 ? (
          <EmptyState title={t("search.empty")} />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("search.results")}</caption>
              <thead className="text-muted">
                <tr>
                  <th className="py-2 pr-3">{t("search.cols.member")}</th>
                  <th className="py-2 pr-3">{t("search.cols.phone")}</th>
                  <th className="py-2 pr-3">{t("search.cols.code")}</th>
                  <th className="py-2 pr-3">{t("search.cols.tier")}</th>
                  <th className="py-2 pr-3 text-right">{t("search.cols.available")}</th>
                  <th className="py-2 pr-3">{t("search.cols.joined")}</th>
                </tr>
              </thead>
              <tbody>
                {page.rows.map((r) => (
                  <tr key={r.id} className="border-t border-border align-top">
                    <td className="py-2 pr-3">
                      <Link href={`/admin/members/${r.id}`} className="font-medium text-brand underline underline-offset-2">
                        {r.name || r.email}
                      </Link>
                      <span className="block text-xs text-muted">{r.email}</span>
                      {r.frozen ? <span className="mt-1 inline-block rounded bg-danger-soft px-1.5 text-xs text-danger">{t("status.frozen")}</span> : null}
                    </td>
                    <td className="py-2 pr-3 whitespace-nowrap">{r.phone ?? "—"}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{r.code ?? "—"}</td>
                    <td className="py-2 pr-3">{tierName(r.tierCode)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{format.number(r.available)}</td>
                    <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(r.createdAt, { dateStyle: "medium" })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {nextHref ? (
          <div className="mt-4">
            <LinkButton href={nextHref} variant="secondary" rel="next">
              {t("search.more")}
            </LinkButton>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
