/** Whether a database error is a unique violation (SQLSTATE 23505), optionally of one index. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  for (let cur: unknown = e, i = 0; cur && i < 5; cur = (cur as { cause?: unknown }).cause, i++) {
    const err = cur as { code?: string; constraint?: string; constraint_name?: string; message?: string };
    if (err.code === "23505") {
      const name = err.constraint ?? err.constraint_name;
      return !constraint || name === constraint || Boolean(err.message?.includes(constraint));
    }
  }
  return false;
}
