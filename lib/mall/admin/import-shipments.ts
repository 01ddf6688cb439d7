// "Mark shipped" in bulk from the carrier's CSV (redemptionId,carrier,trackingNumber): each row is
// one moveRedemption (its own transaction, timeline event and audit entry), and every row gets a
// line in the report. Re-importing the same file changes nothing: rows already shipped with the
// same carrier and tracking number are reported as skipped.
import { parse } from "csv-parse/sync";
import { isDomainError } from "@/lib/errors";
import { isId } from "./ids";
import { carrierField, moveRedemption, trackingField } from "./move-redemption";
import type { Staff } from "./staff";

export const SHIPMENT_COLUMNS = ["redemptionId", "carrier", "trackingNumber"] as const;
export const MAX_SHIPMENT_ROWS = 5_000;

export type ShipmentRowStatus = "shipped" | "skipped" | "error";
/** Why a row was skipped or refused (a message key in the admin UI). */
export type ShipmentReason =
  | "already-shipped"
  | "duplicate-row"
  | "invalid-id"
  | "invalid-carrier"
  | "invalid-tracking"
  | "not-found"
  | "cannot-move"
  | "shipped-differently"
  | "conflicting-row";

export interface ShipmentRow {
  /** 1-based data row (the header is row 0). */
  row: number;
  redemptionId: string;
  status: ShipmentRowStatus;
  reason?: ShipmentReason;
  params?: Record<string, string | number>;
}

export interface ShipmentReport {
  rows: ShipmentRow[];
  shipped: number;
  skipped: number;
  failed: number;
  /** A problem with the file itself (no rows to report). */
  fileError?: "unreadable" | "empty" | "missing-columns" | "too-many-rows";
}

type Row = Partial<Record<(typeof SHIPMENT_COLUMNS)[number], string>>;

export async function importShipments(text: string, staff: Staff): Promise<ShipmentReport> {
  const empty = (fileError: ShipmentReport["fileError"]): ShipmentReport => ({ rows: [], shipped: 0, skipped: 0, failed: 0, fileError });
  let records: Row[];
  try {
    records = parse(text, { columns: (h: string[]) => h.map((c) => c.trim()), skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as Row[];
  } catch {
    return empty("unreadable");
  }
  if (records.length === 0) return empty("empty");
  if (SHIPMENT_COLUMNS.some((c) => !(c in records[0]!))) return empty("missing-columns");
  if (records.length > MAX_SHIPMENT_ROWS) return empty("too-many-rows");

  const rows: ShipmentRow[] = [];
  const firstSeen = new Map<string, { carrier: string; trackingNumber: string }>();
  for (const [i, rec] of records.entries()) {
    const row = i + 1;
    const redemptionId = (rec.redemptionId ?? "").trim();
    const carrier = carrierField.safeParse(rec.carrier ?? "");
    const tracking = trackingField.safeParse(rec.trackingNumber ?? "");
    const refuse = (reason: ShipmentReason, params?: ShipmentRow["params"]) => rows.push({ row, redemptionId: redemptionId.slice(0, 80), status: "error", reason, ...(params ? { params } : {}) });
    if (!isId(redemptionId)) refuse("invalid-id");
    else if (!carrier.success) refuse("invalid-carrier");
    else if (!tracking.success) refuse("invalid-tracking");
    else {
      const seen = firstSeen.get(redemptionId.toLowerCase());
      if (seen) {
        if (seen.carrier === carrier.data && seen.trackingNumber === tracking.data) rows.push({ row, redemptionId, status: "skipped", reason: "duplicate-row" });
        else refuse("conflicting-row");
        continue;
      }
      firstSeen.set(redemptionId.toLowerCase(), { carrier: carrier.data, trackingNumber: tracking.data });
      try {
        const moved = await moveRedemption(redemptionId, { to: "shipped", carrier: carrier.data, trackingNumber: tracking.data }, staff);
        rows.push(moved.changed ? { row, redemptionId, status: "shipped" } : { row, redemptionId, status: "skipped", reason: "already-shipped" });
      } catch (e) {
        if (!isDomainError(e)) throw e;
        if (e.code === "not-found") refuse("not-found");
        else if (e.errors[0]?.message === "shipped-differently") refuse("shipped-differently", e.params);
        else refuse("cannot-move", e.params);
      }
    }
  }
  const count = (s: ShipmentRowStatus) => rows.filter((r) => r.status === s).length;
  return { rows, shipped: count("shipped"), skipped: count("skipped"), failed: count("error") };
}
