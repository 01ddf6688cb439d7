"use server";

import { revalidatePath } from "next/cache";
import { requireAction } from "@/lib/auth/guard";
import { requestWithdrawal } from "@/lib/distribution/request-withdrawal";
import { isDomainError, type DomainError } from "@/lib/errors";
import { parseYuanToCents } from "@/lib/money";

export interface WithdrawState {
  /** Message keys per field ("amount", "account") or "form". */
  errors?: Record<string, string>;
  /** Values for the messages, in cents where they are money. */
  params?: Record<string, string | number>;
  values?: Record<string, string>;
  done?: boolean;
}

const METHODS = ["alipay", "wechat", "bank"] as const;

function messageFor(e: DomainError): { errors: Record<string, string>; params?: Record<string, string | number> } {
  const field = e.errors.find((x) => x.path === "amountCents")?.message;
  if (field === "validation.withdrawalBelowMinimum") return { errors: { amount: "distribution.withdraw.errors.belowMinimum" }, params: e.params };
  if (field === "validation.withdrawalExceedsAvailable") return { errors: { amount: "distribution.withdraw.errors.exceedsAvailable" }, params: e.params };
  if (e.code === "invalid-request" && field) return { errors: { amount: "distribution.withdraw.errors.amount" } };
  if (e.code === "not-eligible") return { errors: { form: e.params.reason === "frozen" ? "distribution.withdraw.errors.frozen" : "distribution.withdraw.errors.negative" } };
  if (e.code === "limit-reached") return { errors: { form: "distribution.withdraw.errors.limit" } };
  return { errors: { form: "distribution.withdraw.errors.generic" } };
}

// Request a withdrawal from the distributor's own wallet (the guard picks the wallet: the signed-in distributor).
export async function requestWithdrawalAction(_prev: WithdrawState, form: FormData): Promise<WithdrawState> {
  const actor = await requireAction("distributor:use");
  const values = { amount: String(form.get("amount") ?? ""), method: String(form.get("method") ?? "alipay"), account: String(form.get("account") ?? ""), name: String(form.get("name") ?? "") };
  const cents = parseYuanToCents(values.amount);
  if (cents === null || Number.isNaN(cents) || cents <= 0) return { errors: { amount: "distribution.withdraw.errors.amount" }, values };
  const method = METHODS.find((m) => m === values.method);
  if (!method || !values.account.trim()) return { errors: { account: "distribution.withdraw.errors.account" }, values };
  try {
    await requestWithdrawal(
      actor.userId,
      { amountCents: cents, payoutAccount: { method, account: values.account.trim(), ...(values.name.trim() ? { name: values.name.trim() } : {}) } },
      { actor: `user:${actor.userId}` },
    );
  } catch (e) {
    if (isDomainError(e)) return { ...messageFor(e), values };
    throw e;
  }
  revalidatePath("/distributor/wallet");
  revalidatePath("/distributor");
  return { done: true };
}
