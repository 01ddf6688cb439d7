"use server";

import { revalidatePath } from "next/cache";
import { requireAction } from "@/lib/auth/guard";
import { requestWithdrawal } from "@/lib/distribution/request-withdrawal";
import { refusalKeys } from "@/lib/actions/action-result";
import { isDomainError } from "@/lib/errors";
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

// Amount messages that quote the limits (the refusal's params travel with them).
const AMOUNT_LIMITS: Record<string, string> = {
  "validation.withdrawalBelowMinimum": "distribution.withdraw.errors.belowMinimum",
  "validation.withdrawalExceedsAvailable": "distribution.withdraw.errors.exceedsAvailable",
};

function messageFor(e: unknown): { errors: Record<string, string>; params?: Record<string, string | number> } {
  const errors = refusalKeys(e, {
    // Only the amount is this form's to show; the wallet's other refusals are about the whole form.
    fields: (path) => (path === "amountCents" ? "amount" : null),
    key: (f, d) => AMOUNT_LIMITS[f.message] ?? (d.code === "invalid-request" ? "distribution.withdraw.errors.amount" : null),
    form: (d) =>
      d.code === "not-eligible"
        ? d.params.reason === "frozen"
          ? "distribution.withdraw.errors.frozen"
          : "distribution.withdraw.errors.negative"
        : d.code === "limit-reached"
          ? "distribution.withdraw.errors.limit"
          : "distribution.withdraw.errors.generic",
  });
  const limited = Object.values(AMOUNT_LIMITS).includes(errors.amount ?? "");
  return limited && isDomainError(e) ? { errors, params: e.params } : { errors };
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
    return { ...messageFor(e), values };
  }
  revalidatePath("/distributor/wallet");
  revalidatePath("/distributor");
  return { done: true };
}
