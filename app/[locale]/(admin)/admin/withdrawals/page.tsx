import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/admin-distribution/action-form";
import { readCursor, writeCursor } from "@/components/admin-distribution/keyset";
import { Badge } from "@/components/admin-mall/badges";
import { formatMoney } from "@/components/member/money";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { DataTableCard } from "@/components/ui/data-table";
import { Field } from "@/components/ui/field";
import { KeysetPager } from "@/components/ui/list-nav";
import { PageHeader } from "@/components/ui/page-header";
import { WITHDRAWAL_STATUSES, type WithdrawalStatus } from "@/db/schema";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { withdrawalTotals } from "@/lib/distribution/admin-withdrawals";
import { listWithdrawals } from "@/lib/distribution/list-withdrawals";
import { approveWithdrawalAction, failPayoutAction, rejectWithdrawalAction, retryPayoutAction, returnWithdrawalAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("withdrawals") };
}

const TONE = { requested: "brand", approved: "ok", rejected: "muted", failed: "danger", returned: "warn" } as const;
const uuid = /^[0-9a-f-]{36}$/i;

// The withdrawal review queue: by status (requested oldest first), totals, approve with the payout
// reference or reject with a reason; failed payouts retried or returned; the payouts CSV by dates.
export default async function WithdrawalsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePage("admin:withdrawals");
  const sp = await searchParams;
  const status: WithdrawalStatus = WITHDRAWAL_STATUSES.includes(sp.status as WithdrawalStatus) ? (sp.status as WithdrawalStatus) : "requested";
  const distributorId = typeof sp.distributor === "string" && uuid.test(sp.distributor) ? sp.distributor : undefined;
  const cursor = readCursor(sp.cursor);
  const [t, format, totals, page] = await Promise.all([
    getTranslations("adminDistribution.withdrawals"),
    getFormatter(),
    withdrawalTotals(),
    listWithdrawals({ status, distributorId, after: cursor ? { requestedAt: cursor.createdAt, id: cursor.id } : undefined }),
  ]);
  const money = (c: number) => formatMoney(format, c);
  const today = now().toISOString().slice(0, 10);
  const monthStart = `${today.slice(0, 8)}01`;
  const qs = (extra: Record<string, string>) => new URLSearchParams({ ...(distributorId ? { distributor: distributorId } : {}), ...extra }).toString();

  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <nav aria-label={t("statusFilter")} className="grid grid-cols-2 gap-2 sm:grid-cols-5">
        {WITHDRAWAL_STATUSES.map((s) => (
          <Link
            key={s}
            href={`/admin/withdrawals?${qs({ status: s })}`}
            aria-current={s === status ? "page" : undefined}
            className={`flex flex-col rounded-xl border p-3 text-sm ${s === status ? "border-brand" : "border-border"}`}
            data-testid={`total-${s}`}
          >
            <span className={s === status ? "font-semibold text-brand" : "font-medium"}>{t(`statuses.${s}`)}</span>
            <span className="tabular">{t("count", { count: totals[s].count })}</span>
            <span className="tabular text-muted">{money(totals[s].amountCents)}</span>
          </Link>
        ))}
      </nav>
      {distributorId ? (
        <p className="text-sm">
          {t("oneDistributor")}{" "}
          <Link className="font-medium text-brand underline" href={`/admin/withdrawals?status=${status}`}>
            {t("allDistributors")}
          </Link>
        </p>
      ) : null}

      <DataTableCard
        caption={t("title")}
        testId="withdrawals"
        rowTestId="withdrawal"
        rows={page.items}
        rowKey={(w) => w.id}
        empty={t("empty")}
        footer={
          <KeysetPager next={page.next ? { href: `/admin/withdrawals?${qs({ status, cursor: writeCursor({ createdAt: page.next.requestedAt, id: page.next.id }) })}`, label: t("more") } : null} />
        }
        columns={[
          {
            header: t("distributor"),
            cell: (w) => (
              <>
                <p className="font-medium">
                  {w.name || "—"} <span className="font-mono">{w.code}</span>
                </p>
                <p className="text-muted break-all">{w.email}</p>
                <p className="text-muted">{t("requestedAt", { at: format.dateTime(new Date(w.requestedAt), { dateStyle: "medium", timeStyle: "short" }) })}</p>
              </>
            ),
          },
          { header: t("amount"), className: "tabular min-w-40", cell: (w) => t("amounts", { amount: money(w.amountCents), fee: money(w.feeCents), net: money(w.netCents) }) },
          {
            header: t("account"),
            className: "text-muted break-all min-w-40",
            cell: (w) => {
              const acct = (w.payoutAccount ?? {}) as { method?: string; account?: string; name?: string };
              return acct.method ? `${t(`methods.${acct.method}`)} · ${acct.account ?? ""}${acct.name ? ` · ${acct.name}` : ""}` : t("noAccount");
            },
          },
          {
            header: t("status"),
            cell: (w) => (
              <>
                <Badge tone={TONE[w.status]}>{t(`statuses.${w.status}`)}</Badge>
                {w.payoutReference ? <p className="mt-1 font-mono text-xs">{w.payoutReference}</p> : null}
                {w.reason ? <p className="mt-1 text-muted">{t("reason", { reason: w.reason })}</p> : null}
              </>
            ),
          },
          {
            header: t("decision"),
            className: "min-w-72",
            cell: (w) => (
              <div className="flex flex-col gap-3">
                {w.status === "requested" ? (
                  <>
                    <ActionForm action={approveWithdrawalAction} hidden={{ id: w.id }} input={{ id: `ref-${w.id}`, name: "payoutReference", label: t("payoutReference"), required: true, maxLength: 200 }} submit={t("approve")} testId="approve-withdrawal" />
                    <ActionForm action={rejectWithdrawalAction} hidden={{ id: w.id }} input={{ id: `rej-${w.id}`, name: "reason", label: t("rejectReason"), required: true }} submit={t("reject")} variant="danger" testId="reject-withdrawal" />
                  </>
                ) : w.status === "approved" ? (
                  <ActionForm action={failPayoutAction} hidden={{ id: w.id }} input={{ id: `fail-${w.id}`, name: "reason", label: t("failReason"), required: true }} submit={t("markFailed")} variant="secondary" />
                ) : w.status === "failed" ? (
                  <>
                    <ActionForm action={retryPayoutAction} hidden={{ id: w.id }} input={{ id: `retry-${w.id}`, name: "payoutReference", label: t("payoutReference"), required: true, maxLength: 200 }} submit={t("retry")} />
                    <ActionForm action={returnWithdrawalAction} hidden={{ id: w.id }} input={{ id: `ret-${w.id}`, name: "reason", label: t("returnReason"), required: true }} submit={t("return")} variant="secondary" />
                  </>
                ) : (
                  <span className="text-muted">—</span>
                )}
              </div>
            ),
          },
        ]}
      />

      <Card>
        <CardTitle className="mb-3">{t("exportTitle")}</CardTitle>
        <form method="get" action="/admin/withdrawals/export" className="flex flex-wrap items-end gap-3">
          <Field id="exp-from" name="from" type="date" label={t("from")} required defaultValue={monthStart} />
          <Field id="exp-to" name="to" type="date" label={t("to")} required defaultValue={today} />
          <Button type="submit" variant="secondary" data-testid="export-payouts">
            {t("export")}
          </Button>
        </form>
        <p className="mt-2 text-sm text-muted">{t("exportHint")}</p>
      </Card>
    </div>
  );
}
