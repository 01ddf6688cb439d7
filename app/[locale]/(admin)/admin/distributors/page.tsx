import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin-distribution/action-form";
import { readCursor, writeCursor } from "@/components/admin-distribution/keyset";
import { Badge } from "@/components/admin-mall/badges";
import { formatMoney } from "@/components/member/money";
import { LinkButton } from "@/components/ui/button";
import { FilterButtons } from "@/components/ui/filter-buttons";
import { Card } from "@/components/ui/card";
import { DataTableCard } from "@/components/ui/data-table";
import { Field, SelectField } from "@/components/ui/field";
import { KeysetPager } from "@/components/ui/list-nav";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { listDistributors } from "@/lib/distribution/admin-distributors";
import { countPendingApplications } from "@/lib/distribution/become-distributor";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { freezeWithdrawalsAction, unfreezeWithdrawalsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("distributors") };
}

// Distributors: search by code, name or email, filter by level; team (level 1 / 2), direct sales
// and wallet figures; freeze or unfreeze withdrawals with a reason. Links to applications and compliance.
export default async function DistributorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin:members");
  const sp = await searchParams;
  const q = typeof sp.q === "string" ? sp.q.slice(0, 100) : undefined;
  const rules = await loadRuleset(now());
  const levels = rules.distribution.definition.levels;
  const level = typeof sp.level === "string" && levels.some((l) => l.code === sp.level) ? sp.level : undefined;
  const [t, format, locale, pending, page] = await Promise.all([
    getTranslations("adminDistribution.distributors"),
    getFormatter(),
    getLocale(),
    countPendingApplications(),
    listDistributors({ q, level, after: readCursor(sp.cursor) }),
  ]);
  const money = (c: number) => formatMoney(format, c);
  const levelName = (code: string) => {
    const l = levels.find((x) => x.code === code);
    return l ? (l.name as Record<string, string>)[locale] ?? l.name.en ?? code : code;
  };
  const params = new URLSearchParams(Object.entries({ q, level }).filter((e): e is [string, string] => Boolean(e[1])));

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <>
            <LinkButton href="/admin/distributors/applications" variant="secondary" data-testid="applications-link">
              {t("applications", { count: pending })}
            </LinkButton>
            <LinkButton href="/admin/distributors/compliance" variant="secondary">
              {t("compliance")}
            </LinkButton>
          </>
        }
      />

      <Card>
        <form role="search" aria-label={t("search")} method="get" className="flex flex-wrap items-end gap-3">
          <Field id="d-q" name="q" type="search" label={t("searchLabel")} defaultValue={q} autoComplete="off" />
          <SelectField id="d-level" name="level" label={t("level")} defaultValue={level ?? ""} options={[{ value: "", label: t("anyLevel") }, ...levels.map((l) => ({ value: l.code, label: levelName(l.code) }))]} />
          <FilterButtons apply={t("apply")} clear={t("clear")} clearHref="/admin/distributors" filtered={Boolean(q || level)} />
        </form>
      </Card>

      <DataTableCard
        caption={t("title")}
        testId="distributors"
        rowTestId="distributor-row"
        rows={page.rows}
        rowKey={(d) => d.memberId}
        empty={t("empty")}
        footer={<KeysetPager next={page.next ? { href: `/admin/distributors?${params.toString() ? `${params}&` : ""}cursor=${writeCursor(page.next)}`, label: t("more") } : null} />}
        columns={[
          {
            header: t("distributor"),
            cell: (d) => (
              <>
                <p className="font-mono font-medium">{d.code}</p>
                <p>{d.name || "—"}</p>
                <p className="text-xs text-muted break-all">{d.email}</p>
              </>
            ),
          },
          {
            header: t("level"),
            cell: (d) => (
              <>
                {levelName(d.levelCode)}
                {d.status !== "active" ? <p className="text-xs text-muted">{d.status}</p> : null}
              </>
            ),
          },
          { header: t("team"), numeric: true, className: "whitespace-nowrap", cell: (d) => t("teamCounts", { l1: d.team1, l2: d.team2 }) },
          { header: t("sales"), numeric: true, cell: (d) => money(d.salesCents) },
          {
            header: t("wallet"),
            numeric: true,
            className: "whitespace-nowrap",
            cell: (d) => (
              <>
                <p>{t("available", { amount: money(d.availableCents) })}</p>
                <p className="text-muted">{t("pending", { amount: money(d.pendingCents) })}</p>
                <p className="text-muted">{t("withdrawing", { amount: money(d.withdrawingCents) })}</p>
                <p className="text-muted">{t("withdrawn", { amount: money(d.withdrawnCents) })}</p>
              </>
            ),
          },
          {
            header: t("withdrawals"),
            className: "min-w-64",
            cell: (d) => (
              <>
                {d.withdrawalsFrozenAt ? (
                  <Badge tone="danger">{t("frozenSince", { at: format.dateTime(d.withdrawalsFrozenAt, { dateStyle: "medium" }) })}</Badge>
                ) : (
                  <Badge tone="ok">{t("open")}</Badge>
                )}
                <p className="mt-1">
                  <Link className="text-brand underline" href={`/admin/withdrawals?status=requested&distributor=${d.memberId}`}>
                    {t("viewWithdrawals")}
                  </Link>
                </p>
                <details className="mt-2">
                  <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand">{d.withdrawalsFrozenAt ? t("unfreeze") : t("freeze")}</summary>
                  <ActionForm
                    action={d.withdrawalsFrozenAt ? unfreezeWithdrawalsAction : freezeWithdrawalsAction}
                    hidden={{ id: d.memberId }}
                    input={{ id: `freeze-${d.memberId}`, name: "reason", label: t("reason"), required: true }}
                    submit={d.withdrawalsFrozenAt ? t("unfreeze") : t("freeze")}
                    variant={d.withdrawalsFrozenAt ? "secondary" : "danger"}
                    testId="freeze-form"
                  />
                </details>
              </>
            ),
          },
        ]}
      />
    </div>
  );
}
