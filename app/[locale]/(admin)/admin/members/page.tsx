import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Button, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { Field, SelectField } from "@/components/ui/field";
import { KeysetPager } from "@/components/ui/list-nav";
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
      <PageHeader
        title={t("search.title")}
        intro={t("search.intro")}
        actions={
          <>
            <LinkButton href="/admin/members/grants" variant="secondary">
              {t("search.grants")}
            </LinkButton>
            <LinkButton href="/admin/members/scheduled-grants" variant="secondary">
              {sg("link")}
            </LinkButton>
          </>
        }
      />
      <Card>
        <form method="get" role="search" aria-label={t("search.title")} className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Field id="f-q" name="q" type="search" label={t("search.query")} hint={t("search.hint")} defaultValue={search.q ?? ""} placeholder={t("search.placeholder")} className="flex-1" />
          {/* Bottom-aligned with the query input, above its hint (sm:pb-7, as the buttons). */}
          <SelectField id="f-field" name="field" label={t("search.field")} defaultValue={search.field ?? "auto"} options={SEARCH_FIELDS.map((f) => ({ value: f, label: t(`search.fields.${f}`) }))} className="sm:pb-7" />
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
        <DataTable
          caption={t("search.results")}
          rows={page.rows}
          rowKey={(r) => r.id}
          empty={t("search.empty")}
          footer={<KeysetPager next={nextHref ? { href: nextHref, label: t("search.more") } : null} />}
          columns={[
            {
              header: t("search.cols.member"),
              cell: (r) => (
                <>
                  <Link href={`/admin/members/${r.id}`} className="font-medium text-brand underline underline-offset-2">
                    {r.name || r.email}
                  </Link>
                  <span className="block text-xs text-muted">{r.email}</span>
                  {r.frozen ? <span className="mt-1 inline-block rounded bg-danger-soft px-1.5 text-xs text-danger">{t("status.frozen")}</span> : null}
                </>
              ),
            },
            { header: t("search.cols.phone"), className: "whitespace-nowrap", cell: (r) => r.phone ?? "—" },
            { header: t("search.cols.code"), className: "font-mono text-xs", cell: (r) => r.code ?? "—" },
            { header: t("search.cols.tier"), cell: (r) => tierName(r.tierCode) },
            { header: t("search.cols.available"), numeric: true, cell: (r) => format.number(r.available) },
            { header: t("search.cols.joined"), className: "whitespace-nowrap", cell: (r) => format.dateTime(r.createdAt, { dateStyle: "medium" }) },
          ]}
        />
      </Card>
    </div>
  );
}
