"use server";

// Fulfilment's server actions: permission, one use case, refusals mapped to message keys.
import { revalidatePath } from "next/cache";
import { errorKeys } from "@/components/admin-mall/error-keys";
import { requireAction } from "@/lib/auth/guard";
import { cancelRedemptionAsStaff } from "@/lib/mall/admin/cancel-redemption-as-staff";
import { importShipments, type ShipmentReport } from "@/lib/mall/admin/import-shipments";
import { moveRedemption } from "@/lib/mall/admin/move-redemption";

export interface MoveState {
  errors?: Record<string, string>;
  done?: string;
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;

export async function moveAction(_prev: MoveState, form: FormData): Promise<MoveState> {
  const staff = await requireAction("admin:fulfilment");
  const id = String(form.get("id") ?? "");
  const text = (k: string) => String(form.get(k) ?? "").trim() || undefined;
  const to = text("to");
  try {
    const { changed } = await moveRedemption(id, { to, carrier: text("carrier"), trackingNumber: text("trackingNumber"), note: text("note") ?? null }, staff);
    revalidatePath(`/admin/fulfilment/${id}`);
    revalidatePath("/admin/fulfilment");
    return { done: changed ? `adminMall.fulfilment.moved.${to}` : "adminMall.fulfilment.unchanged" };
  } catch (e) {
    return { errors: errorKeys(e, ["carrier", "trackingNumber", "note"]) };
  }
}

export async function cancelAction(_prev: MoveState, form: FormData): Promise<MoveState> {
  const staff = await requireAction("admin:fulfilment");
  const id = String(form.get("id") ?? "");
  try {
    const { changed } = await cancelRedemptionAsStaff(id, { reason: form.get("reason") }, staff);
    revalidatePath(`/admin/fulfilment/${id}`);
    revalidatePath("/admin/fulfilment");
    return { done: changed ? "adminMall.fulfilment.cancelled" : "adminMall.fulfilment.unchanged" };
  } catch (e) {
    return { errors: errorKeys(e, ["reason"]) };
  }
}

export interface ShipmentsState {
  report?: ShipmentReport;
  error?: string;
}

export async function importShipmentsAction(_prev: ShipmentsState, form: FormData): Promise<ShipmentsState> {
  const staff = await requireAction("admin:fulfilment");
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { error: "adminMall.errors.noFile" };
  if (file.size > MAX_FILE_BYTES) return { error: "adminMall.errors.fileTooLarge" };
  const report = await importShipments(await file.text(), staff);
  if (report.fileError) return { error: `adminMall.shipments.fileErrors.${report.fileError}` };
  revalidatePath("/admin/fulfilment");
  return { report };
}
