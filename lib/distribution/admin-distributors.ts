// The admin's distributor list (search, team, sales, wallet) and the withdrawal freeze.
import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { db, rowsOf, type Executor } from "@/db/client";
import { distributors } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { now as clockNow } from "@/lib/clock";
import { DomainError, fieldErrors } from "@/lib/errors";

export interface DistributorRow {
  memberId: string;
  code: string;
  name: string;
  email: string;
  levelCode: string;
  status: string;
  withdrawalsFrozenAt: Date | null;
  createdAt: Date;
  /** Direct referrals (level 1) and their referrals (level 2). */
  team1: number;
  team2: number;
  /** Sales they brought directly: Σ earning base of their level-1 commissions, net of refunds. */
  salesCents: number;
  pendingCents: number;
  availableCents: number;
  withdrawingCents: number;
  withdrawnCents: number;
}

export const DISTRIBUTORS_PAGE = 50;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Newest first, keyset on (createdAt, memberId). `q` matches a referral code exactly (case-folded)
 * or a name / email by substring. Team counts come from the closure table's (ancestor, depth)
 * index; wallet figures are the stored ones with anything already due counted as available (as
 * getWallet does), so the list agrees with the distributor's own wallet page.
 */
export async function listDistributors(
  { q, level, after, limit = DISTRIBUTORS_PAGE }: { q?: string; level?: string; after?: { createdAt: Date; id: string }; limit?: number } = {},
  ex: Executor = db,
): Promise<{ rows: DistributorRow[]; next: { createdAt: Date; id: string } | null }> {
  const at = clockNow();
  const conds = [sql`true`];
  const term = q?.trim();
  if (term) {
    const like = `%${escapeLike(term)}%`;
    conds.push(sql`(d.code = ${term.toUpperCase()} or u.name ilike ${like} or u.email ilike ${like})`);
  }
  if (level) conds.push(sql`d.level_code = ${level}`);
  if (after) conds.push(sql`(d.created_at, d.member_id) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`);
  const rows = rowsOf<{
    member_id: string; code: string; name: string; email: string; level_code: string; status: string; withdrawals_frozen_at: string | null; created_at: string;
    team1: number; team2: number; sales: string; pending: string; available: string; withdrawing: string; withdrawn: string; due: string;
  }>(
    await ex.execute(sql`
      select d.member_id::text, d.code, u.name, u.email, d.level_code, d.status, d.withdrawals_frozen_at, d.created_at,
        (select count(*)::int from referral_paths p where p.ancestor_id = d.member_id and p.depth = 1) team1,
        (select count(*)::int from referral_paths p where p.ancestor_id = d.member_id and p.depth = 2) team2,
        (select coalesce(sum(c.base_cents - (c.base_cents * c.reversed_cents / c.amount_cents)), 0)::text from commissions c where c.distributor_id = d.member_id and c.level = 1) sales,
        coalesce(w.pending_cents, 0)::text pending, coalesce(w.available_cents, 0)::text available,
        coalesce(w.withdrawing_cents, 0)::text withdrawing, coalesce(w.withdrawn_cents, 0)::text withdrawn,
        case when w.next_release_at <= ${at.toISOString()}::timestamptz then
          (select coalesce(sum(c.amount_cents - c.reversed_cents), 0) from commissions c
            where c.distributor_id = d.member_id and c.released_at is null and c.status = 'pending' and c.held_by_case_id is null and c.available_at <= ${at.toISOString()}::timestamptz)
        else 0 end::text due
      from distributors d
      join users u on u.id = d.member_id
      left join distributor_wallets w on w.distributor_id = d.member_id
      where ${sql.join(conds, sql` and `)}
      order by d.created_at desc, d.member_id desc
      limit ${limit + 1}`),
  );
  const page = rows.slice(0, limit).map((r): DistributorRow => ({
    memberId: r.member_id,
    code: r.code,
    name: r.name,
    email: r.email,
    levelCode: r.level_code,
    status: r.status,
    withdrawalsFrozenAt: r.withdrawals_frozen_at ? new Date(r.withdrawals_frozen_at) : null,
    createdAt: new Date(r.created_at),
    team1: Number(r.team1),
    team2: Number(r.team2),
    salesCents: Number(r.sales),
    pendingCents: Number(r.pending) - Number(r.due),
    availableCents: Number(r.available) + Number(r.due),
    withdrawingCents: Number(r.withdrawing),
    withdrawnCents: Number(r.withdrawn),
  }));
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.memberId } : null };
}

const reasonSchema = z.object({ reason: z.string().trim().min(1, { error: "adminDistribution.validation.reasonRequired" }).max(500, { error: "adminDistribution.validation.reasonMax" }) });

/**
 * Freezes or unfreezes a distributor's withdrawals, with a reason (audited). A conditional update,
 * so a repeated or concurrent click changes nothing twice; requests already made stay in the queue
 * for finance to decide. Returns whether anything changed.
 */
export async function setWithdrawalsFrozen(
  distributorId: string,
  frozen: boolean,
  input: { reason?: unknown },
  actor: AuditActor,
  { ex = db, caseId }: { ex?: Executor; caseId?: string } = {},
): Promise<{ changed: boolean }> {
  const r = reasonSchema.safeParse(input);
  if (!r.success) throw new DomainError("invalid-request", "a reason is required", { errors: fieldErrors(r.error.issues) });
  return ex.transaction(async (tx) => {
    const at = clockNow();
    const [row] = await tx
      .update(distributors)
      .set({ withdrawalsFrozenAt: frozen ? at : null })
      .where(and(eq(distributors.memberId, distributorId), frozen ? isNull(distributors.withdrawalsFrozenAt) : isNotNull(distributors.withdrawalsFrozenAt)))
      .returning({ id: distributors.memberId });
    if (!row) {
      const [exists] = await tx.select({ id: distributors.memberId }).from(distributors).where(eq(distributors.memberId, distributorId));
      if (!exists) throw new DomainError("not-found", "no such distributor");
      return { changed: false };
    }
    await audit(tx, actor, {
      action: frozen ? "distributor.freeze-withdrawals" : "distributor.unfreeze-withdrawals",
      targetType: "distributor",
      targetId: distributorId,
      before: { withdrawalsFrozen: !frozen },
      after: { withdrawalsFrozen: frozen, reason: r.data.reason, ...(caseId ? { riskCaseId: caseId } : {}) },
    });
    return { changed: true };
  });
}
