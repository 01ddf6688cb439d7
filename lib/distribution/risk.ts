// Risk controls for commissions. Signals are evaluated where they are cheap — when an order's
// commissions are written (buyer and upline share a phone or a shipping address) and when a refund
// reverses them (a refund soon after the commission freed up; a high refund rate) — in that
// transaction, whose wallet locks are already held. A signal opens a case (one open case per
// distributor, signal and buyer) and puts the affected pending commissions on hold; an admin then
// releases them, cancels them, or freezes the distributor's withdrawals. Every decision is audited.
import { and, asc, desc, eq, gt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, rowsOf, type Executor, type Tx } from "@/db/client";
import { commissions, distributors, riskCases, users, type RiskCase, type RiskCaseStatus, type RiskSignal } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { DAY_MS, now as clockNow } from "@/lib/clock";
import { DomainError, fieldErrors } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { cancelHeldCommissions, holdCommissions, liftHold, lockWallet } from "./wallet";

/** Thresholds of the refund signals (named so the queue can explain them). */
export const RISK_POLICY = {
  /** A refund within this many days after a commission of the order freed up. */
  refundAfterReleaseDays: 3,
  /** Refund rate over the distributor's level-1 commissions of the last `windowDays`… */
  refundRateBps: 3000,
  /** …once there are at least this many of them. */
  refundRateMinOrders: 5,
  windowDays: 90,
} as const;

/** Pure: a high refund rate, in cents of commission reversed over cents earned (both as integers). */
export function isHighRefundRate(s: { orders: number; amountCents: number; reversedCents: number }, policy: Pick<typeof RISK_POLICY, "refundRateBps" | "refundRateMinOrders"> = RISK_POLICY): boolean {
  if (s.orders < policy.refundRateMinOrders || s.amountCents <= 0) return false;
  // reversed / amount ≥ bps / 10000, compared in integers.
  return s.reversedCents * 10_000 >= policy.refundRateBps * s.amountCents;
}

/** Pure: was this refund soon after the commission freed up? */
export function isRefundSoonAfterRelease(releasedAt: Date | null, refundAt: Date, days: number = RISK_POLICY.refundAfterReleaseDays): boolean {
  return releasedAt !== null && refundAt.getTime() - releasedAt.getTime() <= days * DAY_MS && refundAt.getTime() >= releasedAt.getTime();
}

/**
 * Opens (or joins) the open case for this signal and holds the affected pending commissions: the
 * buyer's only for a signal about a buyer, all of them otherwise. The caller holds the wallet lock.
 */
async function raise(tx: Tx, signal: { distributorId: string; buyerId: string | null; signal: RiskSignal; details: Record<string, unknown> }, at: Date): Promise<string> {
  const inserted = await tx
    .insert(riskCases)
    .values({ id: newId(), distributorId: signal.distributorId, buyerId: signal.buyerId, signal: signal.signal, details: signal.details, createdAt: at })
    .onConflictDoNothing()
    .returning({ id: riskCases.id });
  let caseId = inserted[0]?.id;
  if (!caseId) {
    const [open] = await tx
      .select({ id: riskCases.id })
      .from(riskCases)
      .where(
        and(
          eq(riskCases.distributorId, signal.distributorId),
          eq(riskCases.signal, signal.signal),
          signal.buyerId ? eq(riskCases.buyerId, signal.buyerId) : sql`${riskCases.buyerId} is null`,
          eq(riskCases.status, "open"),
        ),
      );
    caseId = open!.id;
  }
  await holdCommissions(tx, signal.distributorId, caseId, signal.buyerId);
  return caseId;
}

/**
 * At ingestion, after the order's commissions are written (their wallets are locked): does the
 * buyer share a phone (profile or address book) or a shipping address with a paid upline
 * member? One query for the whole upline.
 */
export async function checkOrderRisk(tx: Tx, order: { orderId: string; buyerId: string; distributorIds: readonly string[] }): Promise<RiskSignal[]> {
  const upline = order.distributorIds.filter((id) => id !== order.buyerId);
  if (!upline.length) return [];
  const rows = rowsOf<{ distributor_id: string; shared_phone: boolean; shared_address: boolean }>(
    await tx.execute(sql`
      with buyer_phones as (
        select phone from members where id = ${order.buyerId} and phone is not null
        union select phone from member_addresses where member_id = ${order.buyerId}
      ), buyer_addresses as (
        select lower(regexp_replace(region || line, '\\s', '', 'g')) addr from member_addresses where member_id = ${order.buyerId}
      )
      select d.id::text distributor_id,
        exists (select 1 from buyer_phones bp where bp.phone in (
          select phone from members where id = d.id and phone is not null union select phone from member_addresses where member_id = d.id)) shared_phone,
        exists (select 1 from member_addresses a join buyer_addresses ba on ba.addr = lower(regexp_replace(a.region || a.line, '\\s', '', 'g'))
          where a.member_id = d.id) shared_address
      from unnest(${`{${upline.join(",")}}`}::uuid[]) as d(id)`),
  );
  const at = clockNow();
  const raised: RiskSignal[] = [];
  for (const r of rows) {
    if (r.shared_phone) {
      await raise(tx, { distributorId: r.distributor_id, buyerId: order.buyerId, signal: "shared-phone", details: { orderId: order.orderId } }, at);
      raised.push("shared-phone");
    }
    if (r.shared_address) {
      await raise(tx, { distributorId: r.distributor_id, buyerId: order.buyerId, signal: "shared-address", details: { orderId: order.orderId } }, at);
      raised.push("shared-address");
    }
  }
  return raised;
}

/**
 * At a refund, after its commissions were reversed (their wallets are locked): a refund soon
 * after a commission of the order freed up, and the distributor's refund rate over the window.
 */
export async function checkRefundRisk(tx: Tx, refund: { orderId: string; refundId: string }): Promise<RiskSignal[]> {
  const at = clockNow();
  const rows = await tx.select({ distributorId: commissions.distributorId, releasedAt: commissions.releasedAt }).from(commissions).where(eq(commissions.orderId, refund.orderId));
  const raised: RiskSignal[] = [];
  for (const c of rows) {
    if (isRefundSoonAfterRelease(c.releasedAt, at)) {
      await raise(tx, { distributorId: c.distributorId, buyerId: null, signal: "refund-after-release", details: { orderId: refund.orderId, refundId: refund.refundId, releasedAt: c.releasedAt!.toISOString() } }, at);
      raised.push("refund-after-release");
    }
    const [s] = rowsOf<{ orders: number; amount: string; reversed: string }>(
      await tx.execute(sql`select count(*)::int orders, coalesce(sum(amount_cents), 0)::text amount, coalesce(sum(reversed_cents), 0)::text reversed
        from commissions where distributor_id = ${c.distributorId} and level = 1 and created_at >= ${new Date(at.getTime() - RISK_POLICY.windowDays * DAY_MS).toISOString()}::timestamptz`),
    );
    const stats = { orders: s?.orders ?? 0, amountCents: Number(s?.amount ?? 0), reversedCents: Number(s?.reversed ?? 0) };
    if (isHighRefundRate(stats)) {
      await raise(tx, { distributorId: c.distributorId, buyerId: null, signal: "high-refund-rate", details: { ...stats, windowDays: RISK_POLICY.windowDays, refundId: refund.refundId } }, at);
      raised.push("high-refund-rate");
    }
  }
  return raised;
}

// ---------------------------------------------------------------- the review queue

export interface RiskCaseRow {
  riskCase: RiskCase;
  code: string;
  name: string;
  email: string;
  buyerEmail: string | null;
  heldCount: number;
  heldCents: number;
  withdrawalsFrozen: boolean;
}

export const RISK_PAGE = 50;

export async function listRiskCases(
  { status = "open", after, limit = RISK_PAGE }: { status?: RiskCaseStatus; after?: { createdAt: Date; id: string }; limit?: number } = {},
  ex: Executor = db,
): Promise<{ rows: RiskCaseRow[]; next: { createdAt: Date; id: string } | null }> {
  const oldestFirst = status === "open";
  const r = riskCases;
  const conds: SQL[] = [eq(r.status, status)];
  if (after) {
    const beyond = oldestFirst ? gt : (c: typeof r.createdAt | typeof r.id, v: Date | string) => sql`${c} < ${v}`;
    conds.push(or(beyond(r.createdAt, after.createdAt), and(eq(r.createdAt, after.createdAt), beyond(r.id, after.id)))!);
  }
  const rows = await ex
    .select({
      riskCase: r,
      code: distributors.code,
      name: users.name,
      email: users.email,
      frozenAt: distributors.withdrawalsFrozenAt,
      buyerEmail: sql<string | null>`(select email from users b where b.id = ${r.buyerId})`,
      heldCount: sql<number>`(select count(*)::int from commissions c where c.held_by_case_id = ${r.id} and c.status = 'pending')`,
      heldCents: sql<string>`(select coalesce(sum(c.amount_cents - c.reversed_cents), 0)::text from commissions c where c.held_by_case_id = ${r.id} and c.status = 'pending')`,
    })
    .from(r)
    .innerJoin(distributors, eq(distributors.memberId, r.distributorId))
    .innerJoin(users, eq(users.id, r.distributorId))
    .where(and(...conds))
    .orderBy(...(oldestFirst ? [asc(r.createdAt), asc(r.id)] : [desc(r.createdAt), desc(r.id)]))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    rows: page.map((x) => ({
      riskCase: x.riskCase,
      code: x.code,
      name: x.name ?? "",
      email: x.email,
      buyerEmail: x.buyerEmail,
      heldCount: Number(x.heldCount),
      heldCents: Number(x.heldCents),
      withdrawalsFrozen: x.frozenAt !== null,
    })),
    next: rows.length > limit && last ? { createdAt: last.riskCase.createdAt, id: last.riskCase.id } : null,
  };
}

export async function countOpenRiskCases(ex: Executor = db): Promise<number> {
  const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(riskCases).where(eq(riskCases.status, "open"));
  return row?.n ?? 0;
}

const decisionSchema = z.object({
  decision: z.enum(["release", "cancel", "freeze"]),
  reason: z.string().trim().min(1, { error: "adminDistribution.validation.reasonRequired" }).max(500, { error: "adminDistribution.validation.reasonMax" }),
});
const OUTCOME = { release: "released", cancel: "cancelled", freeze: "frozen" } as const;

/**
 * Decides an open case: `release` lifts the hold (what is past its date frees up at once);
 * `cancel` reverses the held commissions through the wallet; `freeze` freezes the distributor's
 * withdrawals and lifts the hold (the commissions are the distributor's, but nothing can be
 * withdrawn until an admin unfreezes). One conditional update decides, so two admins at once get
 * one decision. Lock order as everywhere: wallet, then commissions.
 */
export async function decideRiskCase(caseId: string, input: { decision?: unknown; reason?: unknown }, actor: AuditActor, { ex = db }: { ex?: Executor } = {}): Promise<RiskCase> {
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid-request", "invalid decision", { errors: fieldErrors(parsed.error.issues) });
  const { decision, reason } = parsed.data;
  return ex.transaction(async (tx) => {
    const at = clockNow();
    const [row] = await tx
      .update(riskCases)
      .set({ status: OUTCOME[decision], reason, decidedAt: at, decidedBy: actor.userId })
      .where(and(eq(riskCases.id, caseId), eq(riskCases.status, "open")))
      .returning();
    if (!row) {
      const [existing] = await tx.select({ status: riskCases.status }).from(riskCases).where(eq(riskCases.id, caseId));
      if (!existing) throw new DomainError("not-found", "no such risk case");
      throw new DomainError("conflict", `the case is already ${existing.status}`, { params: { status: existing.status } });
    }
    const wallet = await lockWallet(tx, row.distributorId, at);
    const walletActor = `admin:${actor.userId}`;
    let cents = 0;
    if (decision === "cancel") cents = await cancelHeldCommissions(tx, row.distributorId, row.id, { actor: walletActor, reason: `risk case cancelled: ${reason}` }, at);
    else cents = await liftHold(tx, wallet, row.id, walletActor, at);
    if (decision === "freeze") await tx.update(distributors).set({ withdrawalsFrozenAt: at }).where(and(eq(distributors.memberId, row.distributorId), sql`${distributors.withdrawalsFrozenAt} is null`));
    await audit(tx, actor, {
      action: `risk-case.${decision}`,
      targetType: "risk-case",
      targetId: row.id,
      before: { status: "open", signal: row.signal, distributorId: row.distributorId },
      after: { status: row.status, reason, ...(decision === "cancel" ? { cancelledCents: cents } : { releasedCents: cents }), ...(decision === "freeze" ? { withdrawalsFrozen: true } : {}) },
    });
    return row;
  });
}
