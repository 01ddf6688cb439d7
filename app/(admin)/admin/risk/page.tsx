import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin-distribution/action-form";
import { RiskPolicyNote, RiskSignalText } from "@/components/admin-distribution/risk-signal";
import { readCursor, writeCursor } from "@/components/admin-distribution/keyset";
import { Badge } from "@/components/admin-mall/badges";
import { formatMoney } from "@/components/member/money";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
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
  const tab = "inline-flex min-h-11 items-center rounded-lg border px-3 text-sm";

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <RiskPolicyNote policy={policy} canEdit={can(actor.roles, "admin:rules")} />
      <nav aria-label={t("statusFilter")} className="flex flex-wrap gap-2">
        {RISK_CASE_STATUSES.map((s) => (
          <Link key={s} href={`/admin/risk?status=${s}`} aria-current={s === status ? "page" : undefined} className={`${tab} ${s === status ? "border-brand font-semibold text-brand" : "border-border"}`}>
            {t(`statuses.${s}`)}
          </Link>
        ))}
      </nav>
      <Card>
        {page.rows.length === 0 ? (
          <EmptyState title={t("empty")} />
        ) : (
          <ul className="flex flex-col divide-y divide-border" data-testid="risk-cases">
            {page.rows.map((r) => (
              <li key={r.riskCase.id} className="flex flex-col gap-3 py-4 lg:flex-row lg:items-start lg:justify-between" data-testid="risk-case">
                <div className="flex min-w-0 flex-col gap-1 text-sm">
                  <RiskSignalText riskCase={r.riskCase} policy={policy}>
                    <Badge tone={TONE[r.riskCase.status]}>{t(`statuses.${r.riskCase.status}`)}</Badge>
                  </RiskSignalText>
                  <p>
                    {r.name || "—"} <span className="font-mono">{r.code}</span> <span className="text-muted break-all">{r.email}</span>
                    {r.withdrawalsFrozen ? <span className="ml-2 text-danger">{t("frozen")}</span> : null}
                  </p>
                  {r.buyerEmail ? <p className="text-muted break-all">{t("buyer", { email: r.buyerEmail })}</p> : null}
                  <p className="text-muted">{format.dateTime(r.riskCase.createdAt, { dateStyle: "medium", timeStyle: "short" })}</p>
                  {r.riskCase.status === "open" ? <p className="tabular">{t("held", { count: r.heldCount, amount: money(r.heldCents) })}</p> : null}
                  {r.riskCase.reason ? <p className="text-muted">{t("reason", { reason: r.riskCase.reason })}</p> : null}
                </div>
                {r.riskCase.status === "open" ? (
                  <div className="flex flex-col gap-2 lg:w-96">
                    <ActionForm action={decideRiskCaseAction} hidden={{ id: r.riskCase.id, decision: "release" }} input={{ id: `rel-${r.riskCase.id}`, name: "reason", label: t("releaseReason"), required: true }} submit={t("release")} testId="release-case" />
                    <details>
                      <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand">{t("otherDecisions")}</summary>
                      <div className="flex flex-col gap-3">
                        <ActionForm action={decideRiskCaseAction} hidden={{ id: r.riskCase.id, decision: "cancel" }} input={{ id: `can-${r.riskCase.id}`, name: "reason", label: t("cancelReason"), required: true }} submit={t("cancel")} variant="danger" testId="cancel-case" />
                        <ActionForm action={decideRiskCaseAction} hidden={{ id: r.riskCase.id, decision: "freeze" }} input={{ id: `frz-${r.riskCase.id}`, name: "reason", label: t("freezeReason"), required: true }} submit={t("freeze")} variant="secondary" testId="freeze-case" />
                      </div>
                    </details>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {page.next ? (
          <div className="mt-4">
            <Link className="inline-flex min-h-11 items-center rounded-lg border border-border px-3 text-sm" href={`/admin/risk?status=${status}&cursor=${writeCursor(page.next)}`} rel="next">
              {t("more")}
            </Link>
          </div>
        ) : null}
      </Card>
    </div>
  );
}
