import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin-distribution/action-form";
import { RiskPolicyNote, RiskSignalText } from "@/components/admin-distribution/risk-signal";
import { readCursor, writeCursor } from "@/components/admin-distribution/keyset";
import { Badge } from "@/components/admin-mall/badges";
import { formatMoney } from "@/components/member/money";
import { DataTableCard } from "@/components/ui/data-table";
import { KeysetPager, StatusTabs } from "@/components/ui/list-nav";
import { PageHeader } from "@/components/ui/page-header";
import { RISK_CASE_STATUSES, type RiskCaseStatus } from "@/db/schema";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { listRiskCases, riskPolicy } from "@/lib/distribution/risk";
import { decideRiskCaseAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("risk") };
}

const TONE = { open: "warn", released: "ok", cancelled: "danger", frozen: "danger" } as const;

// The risk review queue: open cases oldest first, with what they hold; release, cancel the held
// commissions, or freeze the distributor's withdrawals — each with a reason, each audited.
export default async function RiskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePage("admin:members");
  const sp = await searchParams;
  const status: RiskCaseStatus = RISK_CASE_STATUSES.includes(sp.status as RiskCaseStatus) ? (sp.status as RiskCaseStatus) : "open";
  const [t, format, page, policy] = await Promise.all([getTranslations("adminDistribution.risk"), getFormatter(), listRiskCases({ status, after: readCursor(sp.cursor) }), riskPolicy()]);
  const money = (c: number) => formatMoney(format, c);

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <RiskPolicyNote policy={policy} canEdit={can(actor.roles, "admin:rules")} />
      <StatusTabs label={t("statusFilter")} tabs={RISK_CASE_STATUSES.map((s) => ({ href: `/admin/risk?status=${s}`, label: t(`statuses.${s}`), current: s === status }))} />
      <DataTableCard
        caption={t("title")}
        testId="risk-cases"
        rowTestId="risk-case"
        rows={page.rows}
        rowKey={(r) => r.riskCase.id}
        empty={t("empty")}
        footer={<KeysetPager next={page.next ? { href: `/admin/risk?status=${status}&cursor=${writeCursor(page.next)}`, label: t("more") } : null} />}
        columns={[
          {
            header: t("case"),
            className: "min-w-56",
            cell: ({ riskCase: c, buyerEmail, heldCount, heldCents }) => (
              <>
                <RiskSignalText riskCase={c} policy={policy} />
                <p className="text-muted">{format.dateTime(c.createdAt, { dateStyle: "medium", timeStyle: "short" })}</p>
                {buyerEmail ? <p className="text-muted break-all">{t("buyer", { email: buyerEmail })}</p> : null}
                {c.status === "open" ? <p className="tabular">{t("held", { count: heldCount, amount: money(heldCents) })}</p> : null}
              </>
            ),
          },
          {
            header: t("distributor"),
            cell: (r) => (
              <>
                <p>
                  {r.name || "—"} <span className="font-mono">{r.code}</span>
                </p>
                <p className="text-muted break-all">{r.email}</p>
                {r.withdrawalsFrozen ? <p className="text-danger">{t("frozen")}</p> : null}
              </>
            ),
          },
          {
            header: t("status"),
            cell: ({ riskCase: c }) => (
              <>
                <Badge tone={TONE[c.status]}>{t(`statuses.${c.status}`)}</Badge>
                {c.reason ? <p className="mt-1 text-muted">{t("reason", { reason: c.reason })}</p> : null}
              </>
            ),
          },
          {
            header: t("decision"),
            className: "min-w-72",
            cell: ({ riskCase: c }) =>
              c.status === "open" ? (
                <div className="flex flex-col gap-2">
                  <ActionForm action={decideRiskCaseAction} hidden={{ id: c.id, decision: "release" }} input={{ id: `rel-${c.id}`, name: "reason", label: t("releaseReason"), required: true }} submit={t("release")} testId="release-case" />
                  <details>
                    <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand">{t("otherDecisions")}</summary>
                    <div className="flex flex-col gap-3">
                      <ActionForm action={decideRiskCaseAction} hidden={{ id: c.id, decision: "cancel" }} input={{ id: `can-${c.id}`, name: "reason", label: t("cancelReason"), required: true }} submit={t("cancel")} variant="danger" testId="cancel-case" />
                      <ActionForm action={decideRiskCaseAction} hidden={{ id: c.id, decision: "freeze" }} input={{ id: `frz-${c.id}`, name: "reason", label: t("freezeReason"), required: true }} submit={t("freeze")} variant="secondary" testId="freeze-case" />
                    </div>
                  </details>
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
