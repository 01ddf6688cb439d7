// What an admin-distribution server action returns: message keys (translated by the form), never text.
import { firstRefusal } from "@/lib/actions/action-result";
import type { DomainError } from "@/lib/errors";

export interface ActionState {
  /** Key of a message about the whole form. */
  error?: string;
  /** Key of a message about the form's one input. */
  fieldError?: string;
  /** Key of the success message. */
  done?: string;
}

// Reasons the use cases give in DomainError params that have their own message.
const REASONS = new Set(["frozen", "negative-wallet", "already-distributor", "already-pending", "mode-everyone", "mode-threshold", "not-a-member"]);

const reasonKey = (e: DomainError) => {
  const reason = e.params.reason;
  return typeof reason === "string" && REASONS.has(reason) ? `adminDistribution.reasons.${reason}` : undefined;
};

/** A refusal → message keys: field errors keep their key, known reasons get theirs, else the code's. Rethrows anything else. */
export function actionError(e: unknown): ActionState {
  const { key, field } = firstRefusal(e, { form: reasonKey });
  return field ? { fieldError: key } : { error: key };
}
