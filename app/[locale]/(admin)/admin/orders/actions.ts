"use server";

import { revalidatePath } from "next/cache";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { audit } from "@/lib/admin/audit";
import { requireAction } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { refusalKeys } from "@/lib/actions/action-result";
import { zonedTimeToUtc } from "@/lib/rules";
import { parseYuanToCents } from "@/lib/money";
import { importOrdersCsv, type ImportReport } from "@/lib/orders/import-orders";
import { ingestOrder, type IngestedOrder } from "@/lib/orders/ingest-order";
import { createOrderSchema } from "@/lib/orders/schemas";

export interface RecordOrderState {
  errors?: Record<string, string>;
  result?: IngestedOrder;
  /** What was typed, so a refused form comes back filled in. */
  values?: Record<string, string>;
}

const LINES = 5;

/** Records an order by hand (a phone order, a shop without the API): the same use case as the API. */
export async function recordOrderAction(_prev: RecordOrderState, form: FormData): Promise<RecordOrderState> {
  const actor = await requireAction("admin:orders");
  const state = await recordOrder(form, actor);
  return state.result ? state : { ...state, values: Object.fromEntries([...form.entries()].filter(([k, v]) => typeof v === "string" && !k.startsWith("$")).map(([k, v]) => [k, String(v)])) };
}

async function recordOrder(form: FormData, actor: Awaited<ReturnType<typeof requireAction>>): Promise<RecordOrderState> {
  const text = (k: string) => String(form.get(k) ?? "").trim();
  const errors: Record<string, string> = {};
  const email = text("member").toLowerCase();
  const [member] = email ? await db.select({ id: users.id }).from(users).where(eq(users.email, email)) : [];
  if (!member) errors.member = "adminOrders.errors.member";
  const money = (k: string) => {
    const v = parseYuanToCents(text(k));
    if (Number.isNaN(v)) errors[k] = "adminOrders.errors.money";
    return v ?? 0;
  };
  const items = Array.from({ length: LINES }, (_, i) => i)
    .filter((i) => text(`sku${i}`))
    .map((i) => ({ sku: text(`sku${i}`), name: text(`name${i}`) || undefined, category: text(`category${i}`) || undefined, quantity: Number(text(`qty${i}`) || "1"), unitPriceCents: money(`price${i}`), discountCents: money(`discount${i}`) }));
  if (!items.length) errors.sku0 = "adminOrders.errors.noLines";
  const shippingCents = money("shipping");
  if (Object.keys(errors).length) return { errors };
  const placed = text("placedAt");
  const parsed = createOrderSchema.safeParse({
    externalId: text("externalId"),
    memberId: member!.id,
    placedAt: placed ? localToUtc(placed) : undefined,
    items,
    shippingCents,
    pointsRedeemed: Number(text("pointsRedeemed") || "0"),
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const [head, index, field] = i.path.map(String);
      const key = head === "items" ? `${field === "unitPriceCents" ? "price" : field === "discountCents" ? "discount" : field === "quantity" ? "qty" : field}${index}` : head!;
      errors[key] ??= "adminOrders.errors.invalid";
    }
    return { errors };
  }
  try {
    const result = await db.transaction(async (tx) => {
      const r = await ingestOrder(parsed.data, { actor: `admin:${actor.email}`, ex: tx, source: "admin" });
      await audit(tx, actor, { action: "order.record", targetType: "order", targetId: r.externalId, after: parsed.data });
      return r;
    });
    revalidatePath("/admin/orders");
    return { result };
  } catch (e) {
    return { errors: refusalKeys(e, { fields: (path) => (path === "memberId" ? "form" : path), key: (_, d) => `errors.${d.code}` }) };
  }
}

/** A datetime-local value ("2026-11-23T10:30") is wall-clock time in the deployment's zone. */
function localToUtc(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return value; // let the schema reject it with a field error
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  return zonedTimeToUtc({ year, month, day, hour, minute, second: 0, millisecond: 0 }, env.DEPLOYMENT_TZ).toISOString();
}

export interface ImportState {
  report?: ImportReport;
  error?: string;
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;

export async function importOrdersAction(_prev: ImportState, form: FormData): Promise<ImportState> {
  const actor = await requireAction("admin:orders");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { error: "adminOrders.errors.noFile" };
  if (file.size > MAX_FILE_BYTES) return { error: "adminOrders.errors.fileTooLarge" };
  const report = await importOrdersCsv(await file.text(), { actor: `admin:${actor.email}` });
  await audit(db, actor, { action: "order.import", targetType: "order", targetId: file.name, after: { imported: report.imported, skipped: report.skipped, failed: report.failed } });
  revalidatePath("/admin/orders");
  return { report };
}
