"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { importOrdersAction, type ImportState } from "@/app/(admin)/admin/orders/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export function ImportOrdersForm() {
  const t = useTranslations();
  const [state, action, pending] = useActionState<ImportState, FormData>(importOrdersAction, {});
  const report = state.report;
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="csv-file" className="text-sm font-medium">
            {t("adminOrders.csvFile")}
          </label>
          <input id="csv-file" name="file" type="file" accept=".csv,text/csv" className="text-sm" aria-describedby="csv-hint" />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t("adminOrders.importing") : t("adminOrders.import")}
        </Button>
      </form>
      <p id="csv-hint" className="text-sm text-muted">
        {t("adminOrders.csvHint")}{" "}
        <code className="break-all rounded bg-surface-2 px-1 text-xs">externalId,member,placedAt,sku,name,category,quantity,unitPriceCents,discountCents,shippingCents,pointsRedeemed</code>
      </p>
      {state.error ? <Alert tone="error">{t(state.error)}</Alert> : null}
      {report ? (
        <div className="flex flex-col gap-2" aria-live="polite">
          <Alert tone={report.failed ? "warn" : "success"}>{t("adminOrders.importSummary", { imported: report.imported, skipped: report.skipped, failed: report.failed })}</Alert>
          <div className="max-h-80 overflow-auto rounded-lg border border-border">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("adminOrders.importReport")}</caption>
              <thead className="sticky top-0 bg-surface-2">
                <tr>
                  <th className="px-3 py-2">{t("adminOrders.row")}</th>
                  <th className="px-3 py-2">{t("adminOrders.externalId")}</th>
                  <th className="px-3 py-2">{t("adminOrders.result")}</th>
                  <th className="px-3 py-2">{t("adminOrders.detail")}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.row} className="border-t border-border">
                    <td className="tabular px-3 py-1.5">{r.row}</td>
                    <td className="px-3 py-1.5">{r.externalId}</td>
                    <td className={`px-3 py-1.5 font-medium ${r.status === "error" ? "text-danger" : r.status === "imported" ? "text-ok" : "text-muted"}`}>{t(`adminOrders.status.${r.status}`)}</td>
                    <td className="px-3 py-1.5 text-muted">{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
    </div>
  );
}
