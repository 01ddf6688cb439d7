// "Run this unless someone else is running it": a named advisory try-lock held for as long as a
// background step runs, so several app instances on one database run each step once at a time and
// the others skip it (they do not queue: the next tick comes soon enough).
import { sql } from "drizzle-orm";
import { db, handle, rowsOf } from "@/db/client";

export type Locked<T> = { ran: true; value: T } | { ran: false };

// PGlite is one process with one connection: there is no other session to exclude, and a
// transaction held open around the step would block the step's own queries (PGlite runs one
// transaction at a time). So on PGlite the lock is a set of names in this process — on globalThis,
// because instrumentation and the request handlers are bundled as separate module copies.
const g = globalThis as unknown as { __jifenJobLocks?: Set<string> };
const held = (g.__jifenJobLocks ??= new Set<string>());

/**
 * Runs `fn` while holding the advisory lock named `name`, or returns { ran: false } at once when
 * another session holds it. On Postgres the lock lives in a transaction that stays open (idle, no
 * snapshot, no writes) while `fn` works on other pool connections; it ends — and the lock is
 * released — when `fn` settles, and also if the connection dies. `fn` must not use that transaction.
 */
export async function withTryLock<T>(name: string, fn: () => Promise<T>): Promise<Locked<T>> {
  const key = `jifen:job:${name}`;
  if (handle().driver === "pglite") {
    if (held.has(key)) return { ran: false };
    held.add(key);
    try {
      return { ran: true, value: await fn() };
    } finally {
      held.delete(key);
    }
  }
  return db.transaction(async (tx): Promise<Locked<T>> => {
    const [lock] = rowsOf<{ ok: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(hashtext(${key})) as ok`));
    if (!lock?.ok) return { ran: false };
    return { ran: true, value: await fn() };
  });
}
