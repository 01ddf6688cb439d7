import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CsvGrantForm, SegmentGrantForm } from "@/components/admin-members/grant-forms";
import { LinkButton } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTableCard, RowAction } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { recentGrantJobs } from "@/lib/admin-members/bulk-grants";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import type { Locale } from "@/lib/i18n/locales";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { resumeGrantJobAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminMembers.grants"))("title") };
}

// Bulk grants: from a CSV or a segment, previewed, then run as a job whose progress is polled.
export default async function GrantsPage() {
  await requirePage("admin:members");
  const [t, format, locale, rules, jobs] = await Promise.all([getTranslations("adminMembers.grants"), getFormatter(), getLocale() as Promise<Locale>, loadRuleset(now()), recentGrantJobs()]);
  const sg = await getTranslations("scheduledGrants");
  const tiers = rules.tiers.definition.tiers.map((x) => ({ code: x.code, name: x.name[locale] }));
  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          <>
            <LinkButton href="/admin/members/scheduled-grants" variant="secondary">
              {sg("link")}
            </LinkButton>
            <LinkButton href="/admin/members" variant="secondary">
              {t("back")}
            </LinkButton>
          </>
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <Card aria-labelledby="csv-h">
          <CardTitle id="csv-h">{t("csvTitle")}</CardTitle>
          <div className="mt-3">
            <CsvGrantForm />
          </div>
        </Card>
        <Card aria-labelledby="seg-h">
          <CardTitle id="seg-h">{t("segmentTitle")}</CardTitle>
          <div className="mt-3">
            <SegmentGrantForm tiers={tiers} />
          </div>
        </Card>
      </div>
      <DataTableCard
        title={t("recent")}
        headingId="jobs-h"
        rows={jobs}
        rowKey={(j) => j.id}
        empty={<p className="text-sm text-muted">{t("noJobs")}</p>}
        align="middle"
        columns={[
          { header: t("cols.when"), className: "whitespace-nowrap", cell: (j) => format.dateTime(j.createdAt, { dateStyle: "medium", timeStyle: "short" }) },
          { header: t("cols.label"), cell: (j) => j.label },
          { header: t("cols.by"), cell: (j) => j.createdByLabel },
          { header: t("cols.granted"), numeric: true, cell: (j) => `${format.number(j.granted)} / ${format.number(j.total)}` },
          { header: t("cols.failed"), numeric: true, cell: (j) => format.number(j.failed) },
          { header: t("cols.points"), numeric: true, cell: (j) => format.number(j.pointsGranted) },
          {
            header: t("cols.status"),
            cell: (j) =>
              j.status === "done" ? (
                t("statusDone")
              ) : (
                <div className="flex items-center gap-2">
                  <span>{t("statusRunning")}</span>
                  <RowAction action={resumeGrantJobAction} id={j.id} label={t("resume")} />
                </div>
              ),
          },
        ]}
      />
    </div>
  );
}
