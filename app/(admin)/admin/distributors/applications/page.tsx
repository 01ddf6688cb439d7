import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin-distribution/action-form";
import { readCursor, writeCursor } from "@/components/admin-distribution/keyset";
import { Badge } from "@/components/admin-mall/badges";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { APPLICATION_STATUSES, type ApplicationStatus } from "@/db/schema";
import { requirePage } from "@/lib/auth/guard";
import { listApplications } from "@/lib/distribution/become-distributor";
import { approveApplicationAction, rejectApplicationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminDistribution.applications"))("title") };
}

const TONE = { pending: "brand", approved: "ok", rejected: "danger" } as const;

// The applications queue: pending oldest first, approve, or reject with a reason the member sees.
export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin:members");
  const sp = await searchParams;
  const status: ApplicationStatus = APPLICATION_STATUSES.includes(sp.status as ApplicationStatus) ? (sp.status as ApplicationStatus) : "pending";
  const [t, format, page] = await Promise.all([getTranslations("adminDistribution.applications"), getFormatter(), listApplications({ status, after: readCursor(sp.cursor) })]);
  const tab = "inline-flex min-h-11 items-center rounded-lg border px-3 text-sm";

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <nav aria-label={t("statusFilter")} className="flex flex-wrap gap-2">
        {APPLICATION_STATUSES.map((s) => (
          <Link key={s} href={`/admin/distributors/applications?status=${s}`} aria-current={s === status ? "page" : undefined} className={`${tab} ${s === status ? "border-brand font-semibold text-brand" : "border-border"}`}>
            {t(`statuses.${s}`)}
          </Link>
        ))}
      </nav>
      <Card>
        {page.rows.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="flex flex-col divide-y divide-border" data-testid="applications">
            {page.rows.map(({ application: a, email, name }) => (
              <li key={a.id} className="flex flex-col gap-3 py-4 lg:flex-row lg:items-start lg:justify-between" data-testid="application">
                <div className="flex min-w-0 flex-col gap-1 text-sm">
                  <p className="font-medium">
                    {name || "—"} <span className="text-muted break-all">{email}</span>
                  </p>
                  <p className="text-muted">{format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" })}</p>
                  {a.note ? <p className="break-words">{t("note", { note: a.note })}</p> : null}
                  <div>
                    <Badge tone={TONE[a.status]}>{t(`statuses.${a.status}`)}</Badge>
                  </div>
                  {a.reason ? <p className="text-muted">{t("reasonShown", { reason: a.reason })}</p> : null}
                </div>
                {a.status === "pending" ? (
                  <div className="flex flex-col gap-3 lg:w-96">
                    <ActionForm action={approveApplicationAction} hidden={{ id: a.id }} submit={t("approve")} testId="approve-application" />
                    <ActionForm
                      action={rejectApplicationAction}
                      hidden={{ id: a.id }}
                      input={{ id: `reject-${a.id}`, name: "reason", label: t("reason"), hint: t("reasonHint"), required: true }}
                      submit={t("reject")}
                      variant="danger"
                      testId="reject-application"
                    />
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {page.next ? (
          <div className="mt-4">
            <Link className="inline-flex min-h-11 items-center rounded-lg border border-border px-3 text-sm" href={`/admin/distributors/applications?status=${status}&cursor=${writeCursor(page.next)}`} rel="next">
              {t("more")}
            </Link>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
