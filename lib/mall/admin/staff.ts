import type { AuditActor } from "@/lib/admin/audit";

/** The staff member making a change: audited by id and email, labelled in history rows. */
export type Staff = AuditActor;

/** How staff appear in stock movements, timelines and the ledger ("admin:ops@shop.com"). */
export const staffLabel = (staff: Staff) => `admin:${staff.email}`;
