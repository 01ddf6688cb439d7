// A distributor asks to withdraw commission. The amount leaves `available` at request time by an
// atomic conditional decrement (… where available_cents >= amount), under the wallet row lock, so
// any number of concurrent requests on any number of instances never withdraw the same money twice.
import { and, eq, gte, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Executor, type Tx } from "@/db/client";
import { distributors, distributorWallets, withdrawals, type Withdrawal } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";
import { env } from "@/lib/env";
import { DomainError, fieldErrors } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { loadRuleset } from "@/lib/rules/load-ruleset";
import { localParts, zonedTimeToUtc } from "@/lib/rules/time-zone";
import { withdrawalFee } from "./commission-math";
import { payoutAccountHash } from "./fingerprint";
import { lockWalletsForPayout, payoutAccountMatches, raisePayoutAccountCases } from "./risk";
import { applyToWallet, releaseDue } from "./wallet";

export const payoutAccountSchema = z.object({
  method: z.enum(["alipay", "wechat", "bank"]),
  account: z.string().trim().min(1).max(100),
  name: z.string().trim().max(60).optional(),
});

export const withdrawalRequestSchema = z.object({
  amountCents: z.int({ error: "validation.amountCents" }).min(1, { error: "validation.amountPositive" }).max(10_000_000_000),
  payoutAccount: payoutAccountSchema.optional(),
});
export type WithdrawalRequest = z.input<typeof withdrawalRequestSchema>;

export interface WithdrawalView {
  id: string;
  distributorId: string;
  amountCents: number;
  feeCents: number;
  netCents: number;
  status: Withdrawal["status"];
  payoutReference: string | null;
  reason: string | null;
  requestedAt: string;
  reviewedAt: string | null;
  paidAt: string | null;
}

export function withdrawalView(w: Withdrawal): WithdrawalView {
  return {
    id: w.id,
    distributorId: w.distributorId,
    amountCents: w.amountCents,
    feeCents: w.feeCents,
    netCents: w.netCents,
    status: w.status,
    payoutReference: w.payoutReference,
    reason: w.reason,
    requestedAt: w.requestedAt.toISOString(),
    reviewedAt: w.reviewedAt?.toISOString() ?? null,
    paidAt: w.paidAt?.toISOString() ?? null,
  };
}

/** Midnight of `at`'s local day in the deployment zone (daily caps count from here). */
export function localDayStart(at: Date, timeZone: string = env.DEPLOYMENT_TZ): Date {
  const p = localParts(at, timeZone);
  return zonedTimeToUtc({ year: p.year, month: p.month, day: p.day, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}

export async function requestWithdrawal(distributorId: string, input: WithdrawalRequest, { actor, ex = db }: { actor: string; ex?: Executor }): Promise<WithdrawalView> {
  const parsed = withdrawalRequestSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("invalid-request", "invalid withdrawal request", { errors: fieldErrors(parsed.error.issues) });
  return ex.transaction((tx) => request(tx, distributorId, parsed.data, actor));
}

async function request(tx: Tx, distributorId: string, input: z.output<typeof withdrawalRequestSchema>, actor: string): Promise<WithdrawalView> {
  const at = clockNow();
  const amount = input.amountCents;
  const [dist] = await tx.select({ frozen: distributors.withdrawalsFrozenAt }).from(distributors).where(eq(distributors.memberId, distributorId));
  if (!dist) throw new DomainError("not-found", "not a distributor");
  if (dist.frozen) throw new DomainError("not-eligible", "withdrawals are frozen for this distributor", { params: { reason: "frozen" } });

  const rules = await loadRuleset(at, tx);
  const policy = rules.distribution.definition.withdrawal;
  if (amount < policy.minCents) {
    throw new DomainError("invalid-request", `the minimum withdrawal is ${policy.minCents}`, {
      errors: [{ path: "amountCents", message: "validation.withdrawalBelowMinimum" }],
      params: { minCents: policy.minCents },
    });
  }
  const { feeCents, netCents } = withdrawalFee(amount, policy.feeBps);
  if (netCents <= 0) throw new DomainError("invalid-request", "nothing would be sent after the fee", { errors: [{ path: "amountCents", message: "validation.withdrawalBelowFee" }] });

  // An upline or downline member paid to the same account is a risk signal: found first, so every
  // wallet it touches is locked with this one, in id order.
  const payoutHash = input.payoutAccount ? payoutAccountHash(input.payoutAccount.account) : null;
  const matches = await payoutAccountMatches(tx, distributorId, payoutHash);
  // The lock serialises this distributor's requests (daily caps are then exact); what has freed up
  // since the last write moves into available first.
  const wallet = (await lockWalletsForPayout(tx, distributorId, matches, at)).get(distributorId)!;
  await releaseDue(tx, wallet, actor, at);
  const [current] = await tx.select({ available: distributorWallets.availableCents }).from(distributorWallets).where(eq(distributorWallets.distributorId, distributorId));
  const available = current?.available ?? 0;
  if (available < 0) {
    throw new DomainError("not-eligible", "the wallet is negative after a refund; withdrawals resume once commissions cover it", { params: { reason: "negative-wallet", availableCents: available } });
  }

  const [today] = await tx
    .select({ n: sql<number>`count(*)::int`, cents: sql<string>`coalesce(sum(${withdrawals.amountCents}), 0)` })
    .from(withdrawals)
    .where(and(eq(withdrawals.distributorId, distributorId), gte(withdrawals.requestedAt, localDayStart(at)), ne(withdrawals.status, "rejected")));
  if (policy.maxRequestsPerDay !== null && (today?.n ?? 0) >= policy.maxRequestsPerDay) {
    throw new DomainError("limit-reached", `at most ${policy.maxRequestsPerDay} withdrawal requests a day`, { params: { maxRequestsPerDay: policy.maxRequestsPerDay } });
  }
  if (policy.dailyCapCents !== null && Number(today?.cents ?? 0) + amount > policy.dailyCapCents) {
    throw new DomainError("limit-reached", `at most ${policy.dailyCapCents} cents a day`, { params: { dailyCapCents: policy.dailyCapCents, requestedTodayCents: Number(today?.cents ?? 0) } });
  }

  const id = newId();
  const moved = await applyToWallet(
    tx,
    distributorId,
    "withdrawal",
    { available: -amount, withdrawing: amount },
    { actor, withdrawalId: id, reason: "withdrawal requested" },
    { at, where: sql`${distributorWallets.availableCents} >= ${amount}` },
  );
  if (!moved) {
    throw new DomainError("invalid-request", `the amount exceeds the ${available} available`, {
      errors: [{ path: "amountCents", message: "validation.withdrawalExceedsAvailable" }],
      params: { availableCents: available },
    });
  }
  const [row] = await tx
    .insert(withdrawals)
    .values({
      id,
      distributorId,
      amountCents: amount,
      feeCents,
      netCents,
      status: "requested",
      payoutAccount: input.payoutAccount ?? null,
      payoutAccountHash: payoutHash,
      ruleVersionId: rules.distribution.id,
      requestedAt: at,
      updatedAt: at,
    })
    .returning();
  await raisePayoutAccountCases(tx, matches, id, at);
  return withdrawalView(row!);
}
