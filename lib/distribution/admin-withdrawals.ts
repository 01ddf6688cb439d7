// The admin side of withdrawals beyond the queue itself: totals per status (the queue's header) and
// the payouts CSV for a date range, whose every download is in the audit log (it carries accounts).
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor } from "@/db/client";
import { WITHDRAWAL_STATUSES, withdrawals, type WithdrawalStatus } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { DAY_MS } from "@/lib/clock";
import { env } from "@/lib/env";
import { DomainError, fieldErrors } from "@/lib/errors";
import { parseRuleInstant } from "@/lib/rules";
import { approvedPayoutsCsv } from "./list-withdrawals";

export type WithdrawalTotals = Record<WithdrawalStatus, { count: number; amountCents: number; netCents: number }>;

/** Count and sums per status (one grouped scan over the status index). */
export async function withdrawalTotals(ex: Executor = db): Promise<WithdrawalTotals> {
  const rows = await ex
    .select({ status: withdrawals.status, n: sql<number>`count(*)::int`, amount: sql<string>`coalesce(sum(${withdrawals.amountCents}), 0)::text`, net: sql<string>`coalesce(sum(${withdrawals.netCents}), 0)::text` })
    .from(withdrawals)
    .groupBy(withdrawals.status);
  const out = Object.fromEntries(WITHDRAWAL_STATUSES.map((s) => [s, { count: 0, amountCents: 0, netCents: 0 }])) as WithdrawalTotals;
  for (const r of rows) out[r.status] = { count: r.n, amountCents: Number(r.amount), netCents: Number(r.net) };
  return out;
}

const day = z.iso.date({ error: "validation.date" });
export const payoutRangeSchema = z
  .object({ from: day, to: day })
  .refine((r) => r.from <= r.to, { path: ["to"], error: "validation.dateOrder" })
  .refine((r) => new Date(r.to).getTime() - new Date(r.from).getTime() <= 366 * DAY_MS, { path: ["to"], error: "validation.rangeTooLong" });

/**
 * Approved payouts paid within [from, to] — calendar days in the deployment's zone, both included —
 * as CSV, and an audit entry saying who took them.
 */
export async function exportPayouts(input: { from?: unknown; to?: unknown }, actor: AuditActor, ex: Executor = db): Promise<{ csv: string; from: string; to: string }> {
  const r = payoutRangeSchema.safeParse(input);
  if (!r.success) throw new DomainError("invalid-request", "invalid date range", { errors: fieldErrors(r.error.issues) });
  const tz = env.DEPLOYMENT_TZ;
  const from = parseRuleInstant(`${r.data.from}T00:00`, tz);
  const to = new Date(parseRuleInstant(`${r.data.to}T00:00`, tz).getTime() + DAY_MS);
  const csv = await approvedPayoutsCsv({ from, to }, ex);
  await audit(ex, actor, { action: "withdrawal.export", targetType: "withdrawal", after: { from: r.data.from, to: r.data.to, rows: csv.trimEnd().split("\n").length - 1 } });
  return { csv, ...r.data };
}
