// Importing orders from a CSV file (admin console): one row per order line, rows grouped into
// orders by externalId. Each order is ingested on its own (valid ones land, invalid ones don't),
// and every row gets a line in the report. Re-importing the same file is idempotent: orders that
// already exist are reported as skipped, not imported twice.
import { parse } from "csv-parse/sync";
import { inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { orders, users } from "@/db/schema";
import { isDomainError } from "@/lib/errors";
import { ingestOrder } from "./ingest-order";
import { createOrderSchema } from "./schemas";

export const CSV_COLUMNS = ["externalId", "member", "placedAt", "sku", "name", "category", "quantity", "unitPriceCents", "discountCents", "shippingCents", "pointsRedeemed"] as const;
export const MAX_IMPORT_ROWS = 5000;

export interface RowReport {
  row: number; // 1-based data row (the header is row 0)
  externalId: string;
  status: "imported" | "skipped" | "error";
  message: string;
}

export interface ImportReport {
  rows: RowReport[];
  imported: number;
  skipped: number;
  failed: number;
}

type Row = Record<(typeof CSV_COLUMNS)[number], string>;

export async function importOrdersCsv(text: string, { actor }: { actor: string }): Promise<ImportReport> {
  let records: Row[];
  try {
    records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Row[];
  } catch (e) {
    return { rows: [{ row: 0, externalId: "", status: "error", message: `not a readable CSV: ${(e as Error).message}` }], imported: 0, skipped: 0, failed: 1 };
  }
  const missing = CSV_COLUMNS.filter((c) => !["name", "category", "placedAt", "discountCents", "shippingCents", "pointsRedeemed"].includes(c) && records[0] && !(c in records[0]));
  if (!records.length || missing.length) {
    return { rows: [{ row: 0, externalId: "", status: "error", message: records.length ? `missing columns: ${missing.join(", ")}` : "no rows" }], imported: 0, skipped: 0, failed: 1 };
  }
  if (records.length > MAX_IMPORT_ROWS) {
    return { rows: [{ row: 0, externalId: "", status: "error", message: `at most ${MAX_IMPORT_ROWS} rows per file` }], imported: 0, skipped: 0, failed: 1 };
  }

  // Group lines into orders, keeping each order's row numbers for the report.
  const groups = new Map<string, { rows: number[]; lines: Row[] }>();
  records.forEach((r, i) => {
    const key = r.externalId ?? "";
    const g = groups.get(key) ?? { rows: [], lines: [] };
    g.rows.push(i + 1);
    g.lines.push(r);
    groups.set(key, g);
  });

  // Members by email or id, and orders that already exist: two queries for the whole file.
  const refs = [...new Set(records.map((r) => (r.member ?? "").trim().toLowerCase()).filter(Boolean))];
  const byEmail = new Map(
    (refs.length ? await db.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, refs)) : []).map((u) => [u.email, u.id]),
  );
  const existing = new Set(
    (await db.select({ externalId: orders.externalId }).from(orders).where(inArray(orders.externalId, [...groups.keys()].filter(Boolean)))).map((o) => o.externalId),
  );

  const report: RowReport[] = [];
  const say = (rows: number[], externalId: string, status: RowReport["status"], message: string) => rows.forEach((row) => report.push({ row, externalId, status, message }));
  for (const [externalId, g] of groups) {
    if (existing.has(externalId)) {
      say(g.rows, externalId, "skipped", "already imported");
      continue;
    }
    const first = g.lines[0]!;
    const memberRef = (first.member ?? "").trim();
    const memberId = byEmail.get(memberRef.toLowerCase()) ?? memberRef;
    const num = (v: string | undefined) => (v === undefined || v === "" ? undefined : Number(v));
    const candidate = {
      externalId,
      memberId,
      placedAt: first.placedAt || undefined,
      items: g.lines.map((l) => ({ sku: l.sku, name: l.name || undefined, category: l.category || undefined, quantity: num(l.quantity), unitPriceCents: num(l.unitPriceCents), discountCents: num(l.discountCents) ?? 0 })),
      shippingCents: num(first.shippingCents) ?? 0,
      pointsRedeemed: num(first.pointsRedeemed) ?? 0,
    };
    const parsed = createOrderSchema.safeParse(candidate);
    if (!parsed.success) {
      say(g.rows, externalId, "error", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      continue;
    }
    try {
      const r = await ingestOrder(parsed.data, { actor, source: "csv" });
      say(g.rows, externalId, "imported", `${r.points.awarded} points`);
    } catch (e) {
      if (!isDomainError(e)) throw e;
      if (e.code === "duplicate") say(g.rows, externalId, "skipped", "already imported");
      else say(g.rows, externalId, "error", e.errors.length ? e.errors.map((x) => `${x.path}: ${x.message}`).join("; ") : `${e.code}: ${e.message}`);
    }
  }
  report.sort((a, b) => a.row - b.row);
  const count = (s: RowReport["status"]) => new Set(report.filter((r) => r.status === s).map((r) => r.externalId)).size;
  return { rows: report, imported: count("imported"), skipped: count("skipped"), failed: count("error") };
}
