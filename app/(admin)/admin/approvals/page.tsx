import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DecideForm } from "@/components/admin-members/member-forms";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
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
      {rows.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2">
          {rows.map((a) => (
            <li key={a.id}>
              <Card data-testid="approval">
                <p className="text-lg font-semibold tabular-nums">{a.points > 0 ? `+${format.number(a.points)}` : format.number(a.points)}</p>
                <p className="text-sm">{a.reason}</p>
                <p className="text-sm text-muted">
                  <Link href={`/admin/members/${a.memberId}`} className="text-brand underline underline-offset-2">
                    {t("member")}
                  </Link>{" "}
                  · {t("askedBy", { who: a.requestedByLabel, date: format.dateTime(a.createdAt, { dateStyle: "medium", timeStyle: "short" }) })}
                </p>
                <div className="mt-3">{a.requestedBy === actor.userId ? <p className="text-sm text-muted">{t("needsOther")}</p> : <DecideForm id={a.id} label={t("decide")} />}</div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
