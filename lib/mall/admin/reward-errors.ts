import type { ZodError } from "zod";
import { DomainError, fieldErrors } from "@/lib/errors";

/** A refused reward form: one DomainError with a field error per invalid field. */
export function invalidReward(error: ZodError): DomainError {
  return new DomainError("invalid-request", "the reward has invalid fields", { errors: fieldErrors(error.issues) });
}
