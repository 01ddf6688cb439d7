import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { CsvGrantForm, SegmentGrantForm } from "@/components/admin-members/grant-forms";
import { Button, LinkButton } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
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
      <div className="flex flex-wrap items-start justify-between gap-3">
        <PageHeader title={t("title")} intro={t("intro")} />
        <div className="flex flex-wrap gap-2">
          <LinkButton href="/admin/members/scheduled-grants" variant="secondary">
            {sg("link")}
          </LinkButton>
          <LinkButton href="/admin/members" variant="secondary">
            {t("back")}
          </LinkButton>
        </div>
      </div>
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
      <Card aria-labelledby="jobs-h">
        <CardTitle id="jobs-h">{t("recent")}</CardTitle>
        {jobs.length === 0 ? (
          <p className="mt-2 text-sm text-muted">{t("noJobs")}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="text-muted">
                <tr>
                  <th className="py-2 pr-3">{t("cols.when")}</th>
                  <th className="py-2 pr-3">{t("cols.label")}</th>
                  <th className="py-2 pr-3">{t("cols.by")}</th>
                  <th className="py-2 pr-3 text-right">{t("cols.granted")}</th>
                  <th className="py-2 pr-3 text-right">{t("cols.failed")}</th>
                  <th className="py-2 pr-3 text-right">{t("cols.points")}</th>
                  <th className="py-2 pr-3">{t("cols.status")}</th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((j) => (
                  <tr key={j.id} className="border-t border-border">
                    <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(j.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td className="py-2 pr-3">{j.label}</td>
                    <td className="py-2 pr-3">{j.createdByLabel}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {format.number(j.granted)} / {format.number(j.total)}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">{format.number(j.failed)}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">{format.number(j.pointsGranted)}</td>
                    <td className="py-2 pr-3">
                      {j.status === "done" ? (
                        t("statusDone")
                      ) : (
                        <form action={resumeGrantJobAction} className="flex items-center gap-2">
                          <input type="hidden" name="id" value={j.id} />
                          <span>{t("statusRunning")}</span>
                          <Button type="submit" variant="secondary">
                            {t("resume")}
                          </Button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  );
}
