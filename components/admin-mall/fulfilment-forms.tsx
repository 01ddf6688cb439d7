"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { cancelAction, importShipmentsAction, moveAction, type MoveState, type ShipmentsState } from "@/app/(admin)/admin/fulfilment/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
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
        <div className="flex flex-col gap-2" aria-live="polite">
          <Alert tone={report.failed ? "warn" : "success"}>{t("summary", { shipped: report.shipped, skipped: report.skipped, failed: report.failed })}</Alert>
          <div className="max-h-80 overflow-auto rounded-lg border border-border">
            <table className="w-full text-left text-sm" data-testid="shipment-report">
              <caption className="sr-only">{t("report")}</caption>
              <thead className="sticky top-0 bg-surface-2">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("row")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("redemption")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("result")}
                  </th>
                  <th scope="col" className="px-3 py-2">
                    {t("detail")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={r.row} className="border-t border-border">
                    <td className="tabular px-3 py-1.5">{r.row}</td>
                    <td className="px-3 py-1.5 font-mono text-xs break-all">{r.redemptionId}</td>
                    <td className={`px-3 py-1.5 font-medium ${r.status === "error" ? "text-danger" : r.status === "shipped" ? "text-ok" : "text-muted"}`}>{t(`status.${r.status}`)}</td>
                    <td className="px-3 py-1.5 text-muted">{r.reason ? t(`reasons.${r.reason}`, { from: r.params?.from ? tr(`adminMall.statuses.${r.params.from}`) : "", carrier: String(r.params?.carrier ?? ""), trackingNumber: String(r.params?.trackingNumber ?? "") }) : ""}</td>
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
