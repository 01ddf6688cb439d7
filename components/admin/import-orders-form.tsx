"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { importOrdersAction, type ImportState } from "@/app/[locale]/(admin)/admin/orders/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ImportReport, resultTone } from "@/components/ui/import-report";

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
        <ImportReport
          summary={t("adminOrders.importSummary", { imported: report.imported, skipped: report.skipped, failed: report.failed })}
          tone={report.failed ? "warn" : "success"}
          caption={t("adminOrders.importReport")}
          rows={report.rows}
          rowKey={(r) => r.row}
          columns={[
            { header: t("adminOrders.row"), cell: (r) => r.row, className: "tabular" },
            { header: t("adminOrders.externalId"), cell: (r) => r.externalId },
            { header: t("adminOrders.result"), cell: (r) => t(`adminOrders.status.${r.status}`), className: (r) => resultTone(r.status, "imported") },
            { header: t("adminOrders.detail"), cell: (r) => r.message, className: "text-muted" },
          ]}
        />
      ) : null}
    </div>
  );
}
