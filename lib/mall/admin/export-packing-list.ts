// The packing list: what still has to leave the warehouse (placed or processing, physical rewards),
// oldest first, within the queue's filters, as CSV. Dates are the deployment's wall clock.
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { redemptions, rewards, users } from "@/db/schema";
import { audit } from "@/lib/admin/audit";
import { env } from "@/lib/env";
import { localParts } from "@/lib/rules";
import { toCsv } from "./csv";
import { fulfilmentWhere, type FulfilmentQuery } from "./fulfilment-query";
import { packingAddress } from "./shipping-address";
import type { Staff } from "./staff";

export const PACKING_COLUMNS = ["redemptionId", "status", "sku", "name", "quantity", "recipient", "phone", "address", "date"] as const;
export const MAX_PACKING_ROWS = 50_000;

/** The CSV and its row count. Addresses and phone numbers leave the system here: the audit log says who took which. */
export async function exportPackingList(q: FulfilmentQuery, staff: Staff): Promise<{ csv: string; rows: number }> {
  const rows = await db
    .select({ r: redemptions, sku: rewards.sku, name: rewards.name })
    .from(redemptions)
    .innerJoin(rewards, eq(rewards.id, redemptions.rewardId))
    .innerJoin(users, eq(users.id, redemptions.memberId))
    .where(fulfilmentWhere(q, { openOnly: true }))
    .orderBy(asc(redemptions.createdAt), asc(redemptions.id))
    .limit(MAX_PACKING_ROWS);
  const body = rows.map(({ r, sku, name }) => {
    const a = packingAddress(r.shippingAddress);
    return [r.id, r.status, sku, name, r.quantity, a.recipient, a.phone, a.address, localStamp(r.createdAt)];
  });
  await audit(db, staff, { action: "fulfilment.export", targetType: "redemption", after: { rows: rows.length, filter: q } });
  return { csv: toCsv(PACKING_COLUMNS, body), rows: rows.length };
}

function localStamp(at: Date): string {
  const p = localParts(at, env.DEPLOYMENT_TZ);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}
