import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin-distribution/action-form";
import { readCursor, writeCursor } from "@/components/admin-distribution/keyset";
import { Badge } from "@/components/admin-mall/badges";
import { DataTableCard } from "@/components/ui/data-table";
import { KeysetPager, StatusTabs } from "@/components/ui/list-nav";
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

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <StatusTabs label={t("statusFilter")} tabs={APPLICATION_STATUSES.map((s) => ({ href: `/admin/distributors/applications?status=${s}`, label: t(`statuses.${s}`), current: s === status }))} />
      <DataTableCard
        caption={t("title")}
        testId="applications"
        rowTestId="application"
        rows={page.rows}
        rowKey={({ application: a }) => a.id}
        empty={t("empty")}
        footer={<KeysetPager next={page.next ? { href: `/admin/distributors/applications?status=${status}&cursor=${writeCursor(page.next)}`, label: t("more") } : null} />}
        columns={[
          {
            header: t("applicant"),
            cell: ({ name, email }) => (
              <>
                <p className="font-medium">{name || "—"}</p>
                <p className="text-muted break-all">{email}</p>
              </>
            ),
          },
          { header: t("submitted"), className: "whitespace-nowrap", cell: ({ application: a }) => format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" }) },
          {
            header: t("status"),
            className: "min-w-48 break-words",
            cell: ({ application: a }) => (
              <>
                <Badge tone={TONE[a.status]}>{t(`statuses.${a.status}`)}</Badge>
                {a.note ? <p className="mt-1">{t("note", { note: a.note })}</p> : null}
                {a.reason ? <p className="mt-1 text-muted">{t("reasonShown", { reason: a.reason })}</p> : null}
              </>
            ),
          },
          {
            header: t("decision"),
            className: "min-w-72",
            cell: ({ application: a }) =>
              a.status === "pending" ? (
                <div className="flex flex-col gap-3">
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
              ) : (
                <span className="text-muted">—</span>
              ),
          },
        ]}
      />
    </div>
  );
}
