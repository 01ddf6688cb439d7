// Redeeming a reward: one transaction that checks eligibility and the per-member limit, takes the
// stock by a conditional update, spends the points through the ledger (soonest-expiring lots
// first) and writes the redemption, its timeline, its stock movement and its coupons. Any refusal
// throws a DomainError and the transaction writes nothing.
//
// Locks, always in this order (so concurrent redemptions and cancellations cannot deadlock):
// the member's balance row (serialises one member's redemptions, which makes the per-member limit
// and the confirmation token exact), then the reward row (the stock update).
import { and, eq, inArray, ne, sql, sum } from "drizzle-orm";
import { db, rowsOf, type Executor, type Tx } from "@/db/client";
import { couponCodes, members, pointBalances, redemptionEvents, redemptions, rewards, stockMovements, type Redemption, type Reward } from "@/db/schema";
import { now as clockNow, DAY_MS } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { debit, lockBalance } from "@/lib/points/ledger";
import { findTier } from "@/lib/rules";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { DEFAULT_COUPON_PATTERN, generateCode } from "./coupon-code";
import { MAX_QUANTITY, quote, type Blocker } from "./pricing";

export interface RedeemRequest {
  memberId: string;
  rewardId: string;
  quantity: number;
  shippingAddress?: Record<string, unknown> | null;
  /** The confirm page's token: a repeat with the same token returns the first redemption. */
  requestKey?: string | null;
  source: "web" | "api" | "admin";
  actor: string;
}

export interface RedemptionResult {
  id: string;
  status: Redemption["status"];
  rewardId: string;
  quantity: number;
  unitPoints: number;
  pointsSpent: number;
  balanceAfter: number;
  coupons?: { code: string; validUntil: string | null }[];
}

export async function redeemReward(input: RedeemRequest, ex: Executor = db): Promise<RedemptionResult> {
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_QUANTITY) {
    throw new DomainError("invalid-request", "quantity out of range", { errors: [{ path: "quantity", message: `a whole number from 1 to ${MAX_QUANTITY}` }] });
  }
  return ex.transaction((tx) => redeem(tx, input));
}

async function redeem(tx: Tx, input: RedeemRequest): Promise<RedemptionResult> {
  const at = clockNow();
  const [member] = await tx.select({ tierCode: members.tierCode, frozenAt: members.frozenAt }).from(members).where(eq(members.id, input.memberId));
  if (!member) throw new DomainError("invalid-request", "unknown member", { errors: [{ path: "memberId", message: "no member with this id" }] });
  await lockBalance(tx, input.memberId, at);

  if (input.requestKey) {
    const [done] = await tx.select().from(redemptions).where(and(eq(redemptions.memberId, input.memberId), eq(redemptions.requestKey, input.requestKey)));
    if (done) return resultOf(tx, done);
  }

  const [reward] = await tx.select().from(rewards).where(eq(rewards.id, input.rewardId));
  if (!reward) throw new DomainError("not-found", "no such reward", { errors: [{ path: "rewardId", message: "no reward with this id" }] });

  const rules = await loadRuleset(at, tx);
  const tier = findTier(rules.tiers.definition, member.tierCode);
  const [held] = await tx
    .select({ units: sum(redemptions.quantity).mapWith(Number) })
    .from(redemptions)
    .where(and(eq(redemptions.rewardId, reward.id), eq(redemptions.memberId, input.memberId), ne(redemptions.status, "cancelled")));
  // Points are checked by the ledger's debit below (authoritative, under the lock); stock by the
  // conditional update. The quote decides eligibility and the limit, in the order members see them.
  const q = quote(
    reward,
    { tierCode: member.tierCode, discountBps: tier?.catalogueDiscountBps ?? 0, availablePoints: Number.MAX_SAFE_INTEGER, alreadyRedeemed: held?.units ?? 0, frozen: member.frozenAt !== null },
    input.quantity,
    at,
  );
  if (q.blocker) throw blockerError(q.blocker, reward, q.limitLeft);

  const stockAfter = await takeStock(tx, reward, input.quantity);
  const redemptionId = newId();
  const { entry } = await debit(tx, {
    memberId: input.memberId,
    points: q.totalPoints,
    type: "spend",
    onShortfall: "reject",
    reason: "redemption",
    actor: input.actor,
    redemptionId,
    explanation: { rewardId: reward.id, sku: reward.sku, quantity: input.quantity, unitPoints: q.unitPoints, listPoints: reward.pointsPrice, discountBps: q.discountBps, tierCode: member.tierCode },
  });

  // Coupons and virtual rewards are handed over at once; goods wait for the warehouse.
  const status = reward.type === "physical" ? "placed" : "delivered";
  const [row] = await tx
    .insert(redemptions)
    .values({
      id: redemptionId,
      memberId: input.memberId,
      rewardId: reward.id,
      quantity: input.quantity,
      unitPoints: q.unitPoints,
      discountBps: q.discountBps,
      tierCode: member.tierCode,
      pointsSpent: q.totalPoints,
      spendEntryId: entry.id,
      status,
      shippingAddress: input.shippingAddress ?? null,
      requestKey: input.requestKey ?? null,
      source: input.source,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  await tx.insert(redemptionEvents).values([
    { id: newId(), redemptionId, memberId: input.memberId, status: "placed", actor: input.actor, createdAt: at },
    ...(status === "delivered" ? [{ id: newId(), redemptionId, memberId: input.memberId, status: "delivered" as const, actor: "system", createdAt: at }] : []),
  ]);
  if (stockAfter !== null) {
    await tx.insert(stockMovements).values({ id: newId(), rewardId: reward.id, delta: -input.quantity, stockAfter, reason: "redemption", redemptionId, actor: input.actor, createdAt: at });
  }
  const coupons = reward.type === "coupon" ? await issueCoupons(tx, reward, input.memberId, redemptionId, input.quantity, at) : undefined;
  return { ...summary(row!), balanceAfter: entry.balanceAfter, ...(coupons ? { coupons } : {}) };
}

/** Takes `quantity` from the stock (never below zero) and counts the redemption; null = unlimited. */
async function takeStock(tx: Tx, reward: Reward, quantity: number): Promise<number | null> {
  const [row] = await tx
    .update(rewards)
    .set({
      stock: sql`case when ${rewards.stock} is null then null else ${rewards.stock} - ${quantity} end`,
      redeemedCount: sql`${rewards.redeemedCount} + ${quantity}`,
    })
    .where(and(eq(rewards.id, reward.id), eq(rewards.active, true), sql`(${rewards.stock} is null or ${rewards.stock} >= ${quantity})`))
    .returning({ stock: rewards.stock, active: rewards.active });
  if (!row) {
    // Deactivated between the read and the update, or sold out: say which.
    const [now] = await tx.select({ active: rewards.active }).from(rewards).where(eq(rewards.id, reward.id));
    if (!now?.active) throw new DomainError("not-eligible", "this reward is no longer offered", { params: { why: "inactive" } });
    throw new DomainError("out-of-stock", "sold out", { params: { stock: 0 } });
  }
  return row.stock;
}

/** Most attempts to find unused generated codes (a collision needs ≥ 8 random symbols to repeat). */
const CODE_ATTEMPTS = 5;

async function issueCoupons(tx: Tx, reward: Reward, memberId: string, redemptionId: string, quantity: number, at: Date) {
  const validUntil = reward.couponValidDays ? new Date(at.getTime() + reward.couponValidDays * DAY_MS) : null;
  const issued = { status: "issued" as const, memberId, redemptionId, issuedAt: at, validUntil };
  if (reward.couponSource === "pool") {
    // The stock update above guarantees enough codes; SKIP LOCKED lets concurrent redemptions take
    // different codes instead of queueing on the same ones.
    const picked = await tx.execute<{ id: string }>(sql`
      select id from ${couponCodes} where reward_id = ${reward.id} and status = 'available'
      order by id limit ${quantity} for update skip locked`);
    const ids = rowsOf<{ id: string }>(picked).map((r) => r.id);
    if (ids.length < quantity) throw new DomainError("out-of-stock", "the coupon pool is empty", { params: { stock: 0 } });
    const rows = await tx.update(couponCodes).set(issued).where(inArray(couponCodes.id, ids)).returning({ code: couponCodes.code, validUntil: couponCodes.validUntil });
    return rows.map((r) => ({ code: r.code, validUntil: r.validUntil?.toISOString() ?? null }));
  }
  const codes: string[] = [];
  for (let attempt = 0; codes.length < quantity && attempt < CODE_ATTEMPTS; attempt++) {
    const fresh = Array.from({ length: quantity - codes.length }, () => generateCode(reward.couponPattern ?? DEFAULT_COUPON_PATTERN));
    const rows = await tx
      .insert(couponCodes)
      .values(fresh.map((code) => ({ id: newId(), rewardId: reward.id, code, createdAt: at, ...issued })))
      .onConflictDoNothing({ target: couponCodes.code })
      .returning({ code: couponCodes.code });
    codes.push(...rows.map((r) => r.code));
  }
  if (codes.length < quantity) throw new Error(`could not generate ${quantity} unique coupon codes for ${reward.sku}`);
  return codes.map((code) => ({ code, validUntil: validUntil?.toISOString() ?? null }));
}

function summary(r: Redemption): Omit<RedemptionResult, "balanceAfter" | "coupons"> {
  return { id: r.id, status: r.status, rewardId: r.rewardId, quantity: r.quantity, unitPoints: r.unitPoints, pointsSpent: r.pointsSpent };
}

/** The first redemption made with a token, as it was returned then (balance as of now). */
async function resultOf(tx: Tx, r: Redemption): Promise<RedemptionResult> {
  const codes = await tx.select({ code: couponCodes.code, validUntil: couponCodes.validUntil }).from(couponCodes).where(eq(couponCodes.redemptionId, r.id));
  const [bal] = await tx.select({ available: pointBalances.available }).from(pointBalances).where(eq(pointBalances.memberId, r.memberId));
  return { ...summary(r), balanceAfter: bal?.available ?? 0, ...(codes.length ? { coupons: codes.map((c) => ({ code: c.code, validUntil: c.validUntil?.toISOString() ?? null })) } : {}) };
}

function blockerError(blocker: Blocker, reward: Reward, limitLeft: number | null): DomainError {
  if (blocker === "limit-reached") return new DomainError("limit-reached", `at most ${reward.perMemberLimit} per member`, { params: { limit: reward.perMemberLimit ?? 0, left: limitLeft ?? 0 } });
  if (blocker === "out-of-stock") return new DomainError("out-of-stock", "sold out", { params: { stock: reward.stock ?? 0 } });
  if (blocker === "insufficient-points") return new DomainError("insufficient-points");
  const why = blocker.slice("not-eligible:".length);
  return new DomainError("not-eligible", `not eligible: ${why}`, { params: { why } });
}
