"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { cancelAction, importShipmentsAction, moveAction, type MoveState, type ShipmentsState } from "@/app/[locale]/(admin)/admin/fulfilment/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ImportReport, resultTone } from "@/components/ui/import-report";
import { Field } from "@/components/ui/field";
import { FILE_INPUT } from "./image-input";

function Outcome({ state }: { state: MoveState }) {
  const tr = useTranslations();
  if (state.errors?.form) return <Alert tone="error">{tr(state.errors.form)}</Alert>;
  return state.done ? <Alert tone="success">{tr(state.done)}</Alert> : null;
}

/** A one-button move (to processing, or to delivered). */
export function MoveButton({ redemptionId, to, label }: { redemptionId: string; to: "processing" | "delivered"; label: string }) {
  const tr = useTranslations();
  const [state, action, pending] = useActionState<MoveState, FormData>(moveAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <input type="hidden" name="id" value={redemptionId} />
      <input type="hidden" name="to" value={to} />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tr("common.working") : label}
        </Button>
      </div>
      <Outcome state={state} />
    </form>
  );
}

/** Mark shipped: carrier and tracking number are required. */
export function ShipForm({ redemptionId }: { redemptionId: string }) {
  const t = useTranslations("adminMall.fulfilment");
  const tr = useTranslations();
  const [state, action, pending] = useActionState<MoveState, FormData>(moveAction, {});
  const err = (k: string) => (state.errors?.[k] ? tr(state.errors[k]) : undefined);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="id" value={redemptionId} />
      <input type="hidden" name="to" value="shipped" />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id="ship-carrier" label={t("carrier")} name="carrier" placeholder={t("carrierPlaceholder")} error={err("carrier")} required autoComplete="off" />
        <Field id="ship-tracking" label={t("trackingNumber")} name="trackingNumber" placeholder="SF1234567890" error={err("trackingNumber")} required autoComplete="off" />
      </div>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? tr("common.working") : t("markShipped")}
        </Button>
      </div>
      <Outcome state={state} />
    </form>
  );
}

/** Cancel with the points restored; the reason is required and shown on the member's timeline. */
export function CancelForm({ redemptionId }: { redemptionId: string }) {
  const t = useTranslations("adminMall.fulfilment");
  const tr = useTranslations();
  const [state, action, pending] = useActionState<MoveState, FormData>(cancelAction, {});
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="id" value={redemptionId} />
      <Field id="cancel-reason" label={t("cancelReason")} name="reason" maxLength={500} hint={t("cancelHint")} error={state.errors?.reason ? tr(state.errors.reason) : undefined} required />
      <div>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? tr("common.working") : t("cancel")}
        </Button>
      </div>
      <Outcome state={state} />
    </form>
  );
}

/** Bulk "mark shipped" from the carrier's CSV, with a line per row in the report. */
export function ShipmentImportForm() {
  const t = useTranslations("adminMall.shipments");
  const tr = useTranslations();
  const [state, action, pending] = useActionState<ShipmentsState, FormData>(importShipmentsAction, {});
  const report = state.report;
  return (
    <div className="flex flex-col gap-4">
      <form action={action} className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="shipments-file" className="text-sm font-medium">
            {t("file")}
          </label>
          <input id="shipments-file" name="file" type="file" accept=".csv,text/csv" className={FILE_INPUT} aria-describedby="shipments-hint" />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? t("importing") : t("import")}
        </Button>
      </form>
      <p id="shipments-hint" className="text-sm text-muted">
        {t("hint")} <code className="rounded bg-surface-2 px-1 text-xs">redemptionId,carrier,trackingNumber</code>
      </p>
      {state.error ? <Alert tone="error">{tr(state.error)}</Alert> : null}
      {report ? (
        <ImportReport
          summary={t("summary", { shipped: report.shipped, skipped: report.skipped, failed: report.failed })}
          tone={report.failed ? "warn" : "success"}
          caption={t("report")}
          testId="shipment-report"
          rows={report.rows}
          rowKey={(r) => r.row}
          columns={[
            { header: t("row"), cell: (r) => r.row, className: "tabular" },
            { header: t("redemption"), cell: (r) => r.redemptionId, className: "font-mono text-xs break-all" },
            { header: t("result"), cell: (r) => t(`status.${r.status}`), className: (r) => resultTone(r.status, "shipped") },
            {
              header: t("detail"),
              className: "text-muted",
              cell: (r) =>
                r.reason
                  ? t(`reasons.${r.reason}`, { from: r.params?.from ? tr(`adminMall.statuses.${r.params.from}`) : "", carrier: String(r.params?.carrier ?? ""), trackingNumber: String(r.params?.trackingNumber ?? "") })
                  : "",
            },
          ]}
        />
      ) : null}
    </div>
  );
}
