// What an admin-distribution server action returns: message keys (translated by the form), never text.
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

/** A refusal → message keys: field errors keep their key, known reasons get theirs, else the code's. */
export function actionError(e: DomainError): ActionState {
  const field = e.errors[0];
  if (field) return { fieldError: field.message.includes(".") ? field.message : `errors.${e.code}` };
  const reason = e.params.reason;
  if (typeof reason === "string" && REASONS.has(reason)) return { error: `adminDistribution.reasons.${reason}` };
  return { error: `errors.${e.code}` };
}
