import { db, type Tx } from "../client";

/**
 * Plays a request that is in the middle of a write: runs `lock` in a transaction and keeps that
 * transaction open, its row locks held, until the returned function is called (which then waits
 * for the commit). Needs a second connection, so Postgres only: on PGlite nothing else could run.
 */
export async function holdLocks(lock: (tx: Tx) => Promise<unknown>): Promise<() => Promise<void>> {
  let release!: () => void;
  let holding!: () => void;
  const held = new Promise<void>((r) => (holding = r));
  const request = db.transaction(async (tx) => {
    await lock(tx);
    holding();
    await new Promise<void>((r) => (release = r));
  });
  await Promise.race([held, request]);
  return async () => {
    release();
    await request;
  };
}
