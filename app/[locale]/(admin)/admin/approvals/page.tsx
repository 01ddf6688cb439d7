import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DecideForm } from "@/components/admin-members/member-forms";
import { DataTableCard } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { pendingAdjustments } from "@/lib/admin-members/adjust-points";
import { requirePage } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("approvals") };
}

// The approvals queue: adjustments above the threshold, waiting for an admin other than the one who asked.
export default async function ApprovalsPage() {
  const actor = await requirePage("admin:members");
  const [t, format, rows] = await Promise.all([getTranslations("adminMembers.approvals"), getFormatter(), pendingAdjustments()]);
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <DataTableCard
        caption={t("title")}
        rowTestId="approval"
        rows={rows}
        rowKey={(a) => a.id}
        empty={t("empty")}
        columns={[
          { header: t("points"), numeric: true, className: "text-lg font-semibold", cell: (a) => (a.points > 0 ? `+${format.number(a.points)}` : format.number(a.points)) },
          {
            header: t("reason"),
            className: "min-w-48 break-words",
            cell: (a) => (
              <>
                <p>{a.reason}</p>
                <Link href={`/admin/members/${a.memberId}`} className="text-brand underline underline-offset-2">
                  {t("member")}
                </Link>
              </>
            ),
          },
          { header: t("asked"), className: "text-muted", cell: (a) => t("askedBy", { who: a.requestedByLabel, date: format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" }) }) },
          {
            header: t("decision"),
            className: "min-w-72",
            cell: (a) => (a.requestedBy === actor.userId ? <p className="text-muted">{t("needsOther")}</p> : <DecideForm id={a.id} label={t("decide")} />),
          },
        ]}
      />
    </div>
  );
}
