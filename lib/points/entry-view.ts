import type { PointEntry } from "@/db/schema";

/** A ledger entry as the Integration API shows it (API.md: GET /members/{id}/ledger). */
export interface LedgerEntryView {
  id: string;
  type: PointEntry["type"];
  points: number;
  balanceAfter: number;
  reason: string;
  orderId: string | null;
  ruleVersionIds: string[];
  createdAt: string;
}

export function entryView(e: PointEntry): LedgerEntryView {
  return {
    id: e.id,
    type: e.type,
    points: e.points,
    balanceAfter: e.balanceAfter,
    reason: e.reason,
    orderId: e.orderId,
    ruleVersionIds: e.ruleVersionIds,
    createdAt: e.createdAt.toISOString(),
  };
}
