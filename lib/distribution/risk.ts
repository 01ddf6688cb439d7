// Risk controls for commissions. Signals are evaluated where they are cheap — when an order's
// commissions are written (buyer and upline share a phone, a shipping address, the sign-up IP, the
// browser, or a payout account), when a refund reverses them (a refund soon after the commission
// freed up; a high refund rate), when a member signs up through a distributor (a burst of sign-ups
// from one IP) and when a withdrawal names a payout account an upline or downline member also uses —
// in that transaction, with the affected wallets locked. A signal opens a case (one open case per
// distributor, signal and buyer) and puts the affected pending commissions on hold; an admin then
// releases them, cancels them, or freezes the distributor's withdrawals. Every decision is audited.
// The thresholds are part of the distribution rule (risk.*), versioned and edited like the rest.
import { and, asc, desc, eq, gt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, rowsOf, type Executor, type Tx } from "@/db/client";
import { commissions, distributors, riskCases, users, type RiskCase, type RiskCaseStatus, type RiskSignal } from "@/db/schema";
import { audit, type AuditActor } from "@/lib/admin/audit";
import { DAY_MS, now as clockNow } from "@/lib/clock";
import { DomainError, fieldErrors } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { distributionRuleSchema, type DistributionRule } from "@/lib/rules/schema";
import { cancelHeldCommissions, holdCommissions, liftHold, lockWallet, lockWallets } from "./wallet";

export type RiskPolicy = DistributionRule["risk"];

/** The thresholds of a clean install (the distribution rule's defaults). */
export const DEFAULT_RISK_POLICY: RiskPolicy = distributionRuleSchema.parse({}).risk;

/** The thresholds in force at `at`. */
export async function riskPolicy(at: Date = clockNow(), ex: Executor = db): Promise<RiskPolicy> {
  return (await loadRuleset(at, ex)).distribution.definition.risk;
}

// ---------------------------------------------------------------- pure signal rules

/** Pure: a high refund rate, in cents of commission reversed over cents earned (both as integers). */
export function isHighRefundRate(s: { orders: number; amountCents: number; reversedCents: number }, policy: Pick<RiskPolicy, "refundRateBps" | "refundRateMinOrders"> = DEFAULT_RISK_POLICY): boolean {
  if (s.orders < policy.refundRateMinOrders || s.amountCents <= 0) return false;
  // reversed / amount ≥ bps / 10000, compared in integers.
  return s.reversedCents * 10_000 >= policy.refundRateBps * s.amountCents;
}

/** Pure: was this refund soon after the commission freed up? */
export function isRefundSoonAfterRelease(releasedAt: Date | null, refundAt: Date, days: number = DEFAULT_RISK_POLICY.refundAfterReleaseDays): boolean {
  return releasedAt !== null && refundAt.getTime() - releasedAt.getTime() <= days * DAY_MS && refundAt.getTime() >= releasedAt.getTime();
}

/** Pure: `count` sign-ups (this one included) from one IP through one distributor within the burst window. */
export function isSignupBurst(count: number, policy: Pick<RiskPolicy, "signupBurstCount"> = DEFAULT_RISK_POLICY): boolean {
  return count >= policy.signupBurstCount;
}

/** What a member's sign-up and withdrawals left behind, as keyed hashes (lib/distribution/fingerprint.ts). */
export interface Fingerprints {
  ipHash: string | null;
  deviceHash: string | null;
  payoutHashes: readonly string[];
}

/**
 * Pure: the "shared" signals between a buyer and one upline member. A missing value (an API-created
 * member has no sign-up IP or device) matches nothing, not even another missing value.
 */
export function sharedFingerprintSignals(buyer: Fingerprints, upline: Fingerprints): RiskSignal[] {
  const out: RiskSignal[] = [];
  if (buyer.ipHash !== null && buyer.ipHash === upline.ipHash) out.push("shared-signup-ip");
  if (buyer.deviceHash !== null && buyer.deviceHash === upline.deviceHash) out.push("shared-device");
  if (buyer.payoutHashes.some((h) => upline.payoutHashes.includes(h))) out.push("shared-payout-account");
  return out;
}

// ---------------------------------------------------------------- raising a case

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
 * buyer share a phone (profile or address book), a shipping address, the sign-up IP, the browser
 * or a payout account with a paid upline member? One query for the whole upline. A buyer who signed
 * up in an open sign-up burst through a distributor (same IP) has their commission held by it too:
 * the burst's members had no orders yet when it opened.
 */
export async function checkOrderRisk(tx: Tx, order: { orderId: string; buyerId: string; distributorIds: readonly string[] }): Promise<RiskSignal[]> {
  const upline = order.distributorIds.filter((id) => id !== order.buyerId);
  if (!upline.length) return [];
  const rows = rowsOf<{
    distributor_id: string;
    shared_phone: boolean;
    shared_address: boolean;
    ip_hash: string | null;
    device_hash: string | null;
    payout_hashes: string[] | null;
    buyer_ip_hash: string | null;
    buyer_device_hash: string | null;
    buyer_payout_hashes: string[] | null;
    burst_case_id: string | null;
  }>(
    await tx.execute(sql`
      with buyer_phones as (
        select phone from members where id = ${order.buyerId} and phone is not null
        union select phone from member_addresses where member_id = ${order.buyerId}
      ), buyer_addresses as (
        select lower(regexp_replace(region || line, '\\s', '', 'g')) addr from member_addresses where member_id = ${order.buyerId}
      ), buyer_payouts as (
        select distinct payout_account_hash h from withdrawals where distributor_id = ${order.buyerId} and payout_account_hash is not null
      ), buyer as (
        select signup_ip_hash, signup_device_hash from members where id = ${order.buyerId}
      )
      select d.id::text distributor_id,
        exists (select 1 from buyer_phones bp where bp.phone in (
          select phone from members where id = d.id and phone is not null union select phone from member_addresses where member_id = d.id)) shared_phone,
        exists (select 1 from member_addresses a join buyer_addresses ba on ba.addr = lower(regexp_replace(a.region || a.line, '\\s', '', 'g'))
          where a.member_id = d.id) shared_address,
        m.signup_ip_hash ip_hash, m.signup_device_hash device_hash,
        -- only the upline's accounts the buyer also has: the intersection is all the rule needs
        array(select distinct w.payout_account_hash from withdrawals w where w.distributor_id = d.id and w.payout_account_hash in (select h from buyer_payouts)) payout_hashes,
        (select signup_ip_hash from buyer) buyer_ip_hash, (select signup_device_hash from buyer) buyer_device_hash,
        array(select h from buyer_payouts) buyer_payout_hashes,
        (select rc.id::text from risk_cases rc where rc.distributor_id = d.id and rc.status = 'open' and rc.signal = 'signup-burst' and rc.buyer_id is null
          and rc.details->>'ipHash' = (select signup_ip_hash from buyer) limit 1) burst_case_id
      from unnest(${`{${upline.join(",")}}`}::uuid[]) as d(id)
      left join members m on m.id = d.id`),
  );
  const at = clockNow();
  const raised: RiskSignal[] = [];
  for (const r of rows) {
    const buyer: Fingerprints = { ipHash: r.buyer_ip_hash, deviceHash: r.buyer_device_hash, payoutHashes: r.buyer_payout_hashes ?? [] };
    const signals: RiskSignal[] = [
      ...(r.shared_phone ? (["shared-phone"] as const) : []),
      ...(r.shared_address ? (["shared-address"] as const) : []),
      ...sharedFingerprintSignals(buyer, { ipHash: r.ip_hash, deviceHash: r.device_hash, payoutHashes: r.payout_hashes ?? [] }),
    ];
    for (const signal of signals) {
      await raise(tx, { distributorId: r.distributor_id, buyerId: order.buyerId, signal, details: { orderId: order.orderId } }, at);
      raised.push(signal);
    }
    // A member of an open sign-up burst through this distributor: the order's commission joins that
    // case's hold (held by a buyer's case above already, this finds nothing more to hold).
    if (r.burst_case_id) await holdCommissions(tx, r.distributor_id, r.burst_case_id, null, { orderId: order.orderId });
  }
  return raised;
}

/**
 * At a refund, after its commissions were reversed (their wallets are locked): a refund soon
 * after a commission of the order freed up, and the distributor's refund rate over the window.
 */
export async function checkRefundRisk(tx: Tx, refund: { orderId: string; refundId: string }): Promise<RiskSignal[]> {
  const at = clockNow();
  const policy = await riskPolicy(at, tx);
  const rows = await tx.select({ distributorId: commissions.distributorId, releasedAt: commissions.releasedAt }).from(commissions).where(eq(commissions.orderId, refund.orderId));
  const raised: RiskSignal[] = [];
  for (const c of rows) {
    if (isRefundSoonAfterRelease(c.releasedAt, at, policy.refundAfterReleaseDays)) {
      await raise(tx, { distributorId: c.distributorId, buyerId: null, signal: "refund-after-release", details: { orderId: refund.orderId, refundId: refund.refundId, releasedAt: c.releasedAt!.toISOString(), days: policy.refundAfterReleaseDays } }, at);
      raised.push("refund-after-release");
    }
    const [s] = rowsOf<{ orders: number; amount: string; reversed: string }>(
      await tx.execute(sql`select count(*)::int orders, coalesce(sum(amount_cents), 0)::text amount, coalesce(sum(reversed_cents), 0)::text reversed
        from commissions where distributor_id = ${c.distributorId} and level = 1 and created_at >= ${new Date(at.getTime() - policy.windowDays * DAY_MS).toISOString()}::timestamptz`),
    );
    const stats = { orders: s?.orders ?? 0, amountCents: Number(s?.amount ?? 0), reversedCents: Number(s?.reversed ?? 0) };
    if (isHighRefundRate(stats, policy)) {
      await raise(
        tx,
        { distributorId: c.distributorId, buyerId: null, signal: "high-refund-rate", details: { ...stats, windowDays: policy.windowDays, refundRateBps: policy.refundRateBps, minOrders: policy.refundRateMinOrders, refundId: refund.refundId } },
        at,
      );
      raised.push("high-refund-rate");
    }
  }
  return raised;
}

/**
 * At sign-up through a distributor (in the sign-up transaction, after the attribution is written):
 * how many members signed up through this distributor from the same IP within the burst window,
 * this one included; a burst opens a case on the distributor and holds their pending commissions.
 */
export async function checkSignupBurst(tx: Tx, signup: { memberId: string; distributorId: string; ipHash: string | null }, at: Date = clockNow()): Promise<RiskSignal[]> {
  if (!signup.ipHash) return [];
  const policy = await riskPolicy(at, tx);
  const since = new Date(at.getTime() - policy.signupBurstMinutes * 60_000);
  // The sign-ups through this distributor in the window (an index range), then their IP hash.
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      select count(*)::int n from referral_attributions ra join members m on m.id = ra.member_id
       where ra.distributor_id = ${signup.distributorId} and ra.at_signup
         and ra.created_at > ${since.toISOString()}::timestamptz and ra.created_at <= ${at.toISOString()}::timestamptz
         and m.signup_ip_hash = ${signup.ipHash}`),
  );
  const count = row?.n ?? 0;
  if (!isSignupBurst(count, policy)) return [];
  await lockWallet(tx, signup.distributorId, at);
  await raise(tx, { distributorId: signup.distributorId, buyerId: null, signal: "signup-burst", details: { count, minutes: policy.signupBurstMinutes, threshold: policy.signupBurstCount, memberId: signup.memberId, ipHash: signup.ipHash } }, at);
  return ["signup-burst"];
}

/** A member related to a withdrawal's distributor (depth ≤ 3 either way) who was paid to the same account. */
export interface PayoutMatch {
  /** The distributor whose commissions are at stake (the upline of the two). */
  distributorId: string;
  /** The downline member of the two: the "buyer" of the case. */
  buyerId: string;
  depth: number;
}

/**
 * Before a withdrawal is written: the upline and downline members (within three levels, the
 * deepest commission chain) who have been paid to the same account. Read before the wallets are
 * locked, so the caller can lock every wallet involved in one sorted statement.
 */
export async function payoutAccountMatches(tx: Tx, distributorId: string, payoutHash: string | null): Promise<PayoutMatch[]> {
  if (!payoutHash) return [];
  const rows = rowsOf<{ other: string; ancestor: boolean; depth: number }>(
    await tx.execute(sql`
      with same as (
        select distinct distributor_id from withdrawals where payout_account_hash = ${payoutHash} and distributor_id <> ${distributorId}
      )
      select s.distributor_id::text other, true ancestor, rp.depth::int depth
        from same s join referral_paths rp on rp.ancestor_id = s.distributor_id and rp.descendant_id = ${distributorId} and rp.depth <= 3
      union all
      select s.distributor_id::text, false, rp.depth::int
        from same s join referral_paths rp on rp.ancestor_id = ${distributorId} and rp.descendant_id = s.distributor_id and rp.depth <= 3`),
  );
  return rows.map((r) => (r.ancestor ? { distributorId: r.other, buyerId: distributorId, depth: r.depth } : { distributorId, buyerId: r.other, depth: r.depth }));
}

/** After the withdrawal is written (every match's wallet locked by the caller): one case per pair. */
export async function raisePayoutAccountCases(tx: Tx, matches: readonly PayoutMatch[], withdrawalId: string, at: Date = clockNow()): Promise<RiskSignal[]> {
  for (const m of matches) await raise(tx, { distributorId: m.distributorId, buyerId: m.buyerId, signal: "shared-payout-account", details: { withdrawalId, depth: m.depth } }, at);
  return matches.map(() => "shared-payout-account");
}

/** The wallets a withdrawal with these matches touches, locked together in id order (with the requester's). */
export async function lockWalletsForPayout(tx: Tx, distributorId: string, matches: readonly PayoutMatch[], at: Date) {
  return lockWallets(tx, [distributorId, ...matches.map((m) => m.distributorId)], at);
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
