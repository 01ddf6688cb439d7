// The admin's withdrawal queue and the CSV of approved payouts (for the finance team's bank/Alipay run).
import { and, asc, desc, eq, gt, gte, lt, or, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { distributors, users, withdrawals, type WithdrawalStatus } from "@/db/schema";
import { centsToYuan } from "@/lib/money";
import { withdrawalView, type WithdrawalView } from "./request-withdrawal";

export interface QueueItem extends WithdrawalView {
  code: string;
  name: string;
  email: string;
  payoutAccount: Record<string, unknown> | null;
}

/**
 * Withdrawals by status: the review queue is `requested` oldest first (first come, first served);
 * other statuses newest first. Keyset pagination on (requestedAt, id).
 */
export async function listWithdrawals(
  { status, distributorId, limit = 50, after }: { status?: WithdrawalStatus; distributorId?: string; limit?: number; after?: { requestedAt: Date; id: string } } = {},
  ex: Executor = db,
): Promise<{ items: QueueItem[]; next: { requestedAt: Date; id: string } | null }> {
  const oldestFirst = status === "requested";
  const conds: (SQL | undefined)[] = [status ? eq(withdrawals.status, status) : undefined, distributorId ? eq(withdrawals.distributorId, distributorId) : undefined];
  if (after) {
    const beyond = oldestFirst ? gt : lt;
    conds.push(or(beyond(withdrawals.requestedAt, after.requestedAt), and(eq(withdrawals.requestedAt, after.requestedAt), beyond(withdrawals.id, after.id))));
  }
  const rows = await ex
    .select({ w: withdrawals, code: distributors.code, name: users.name, email: users.email })
    .from(withdrawals)
    .innerJoin(distributors, eq(distributors.memberId, withdrawals.distributorId))
    .innerJoin(users, eq(users.id, withdrawals.distributorId))
    .where(and(...conds))
    .orderBy(...(oldestFirst ? [asc(withdrawals.requestedAt), asc(withdrawals.id)] : [desc(withdrawals.requestedAt), desc(withdrawals.id)]))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...withdrawalView(r.w), code: r.code, name: r.name ?? "", email: r.email, payoutAccount: r.w.payoutAccount ?? null })),
    next: rows.length > limit && last ? { requestedAt: last.w.requestedAt, id: last.w.id } : null,
  };
}

function csvCell(v: string): string {
  // Quote everything that could break a row, and defuse spreadsheet formulas (=, +, -, @).
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Approved payouts paid in [from, to), oldest first, as CSV (amounts in yuan with two decimals). */
export async function approvedPayoutsCsv({ from, to }: { from: Date; to: Date }, ex: Executor = db): Promise<string> {
  const rows = await ex
    .select({ w: withdrawals, code: distributors.code, name: users.name, email: users.email })
    .from(withdrawals)
    .innerJoin(distributors, eq(distributors.memberId, withdrawals.distributorId))
    .innerJoin(users, eq(users.id, withdrawals.distributorId))
    .where(and(eq(withdrawals.status, "approved"), gte(withdrawals.paidAt, from), lt(withdrawals.paidAt, to)))
    .orderBy(asc(withdrawals.paidAt), asc(withdrawals.id));
  const header = ["withdrawal_id", "distributor_code", "name", "email", "amount", "fee", "net", "method", "account", "account_name", "payout_reference", "requested_at", "paid_at"];
  const lines = rows.map(({ w, code, name, email }) => {
    const acct = (w.payoutAccount ?? {}) as { method?: string; account?: string; name?: string };
    return [w.id, code, name ?? "", email, centsToYuan(w.amountCents), centsToYuan(w.feeCents), centsToYuan(w.netCents), acct.method ?? "", acct.account ?? "", acct.name ?? "", w.payoutReference ?? "", w.requestedAt.toISOString(), w.paidAt?.toISOString() ?? ""]
      .map((v) => csvCell(String(v)))
      .join(",");
  });
  return [header.join(","), ...lines].join("\n") + "\n";
}
