import { describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { db, openPostgres, rowsOf, type Executor } from "./client";
import { onPostgres, withDatabase } from "./testing/database";

// Postgres keeps a connection's prepared statements in pg_prepared_statements. A transaction is one
// connection, so a statement it ran shows up there when, and only when, it was prepared.
const MARKER = "jifen_prepare_probe";
async function preparedProbes(ex: Executor): Promise<number> {
  const [found] = rowsOf<{ n: number }>(await ex.execute(sql`select count(*)::int n from pg_prepared_statements where statement like ${`%${MARKER}%`} and statement not like '%pg_prepared_statements%'`));
  return found!.n;
}
async function probeIsPrepared(ex: Executor): Promise<boolean> {
  const value = Math.floor(Math.random() * 1000);
  // The marker is in the statement's text (a column name), not a parameter.
  const [ran] = rowsOf<Record<string, number>>(await ex.execute(sql`select ${value}::int + 1 as ${sql.raw(MARKER)}`));
  expect(ran?.[MARKER]).toBe(value + 1);
  return (await preparedProbes(ex)) > 0;
}

describe.runIf(onPostgres())("prepared statements on Postgres (DB_PREPARE)", () => {
  test("every statement is prepared: in a transaction, in a nested one (savepoint), and a second run reuses it", async () => {
    await db.transaction(async (tx) => {
      expect(await probeIsPrepared(tx)).toBe(true);
      await tx.transaction(async (savepoint) => {
        expect(await probeIsPrepared(savepoint)).toBe(true);
      });
      // Same text, new parameters: the one statement again, not a second copy.
      await probeIsPrepared(tx);
      expect(await preparedProbes(tx)).toBe(1);
    });
  });

  test("a prepared statement behaves as before: a failing one rolls its transaction back and the connection stays usable", async () => {
    const failed = await db
      .transaction(async (tx) => {
        await tx.execute(sql`create temporary table prepare_probe (n int) on commit drop`);
        await tx.execute(sql`insert into prepare_probe values (${1})`);
        await tx.execute(sql`select 1 / ${0}::int`);
      })
      .then(() => null, (e: Error) => e);
    expect(String((failed?.cause as Error | undefined)?.message)).toMatch(/division by zero/);
    const [after] = rowsOf<{ v: number }>(await db.execute(sql`select ${41}::int + 1 as v`));
    expect(after?.v).toBe(42);
  });

  test("DB_PREPARE=false sends them unnamed, as drizzle does by default", async () => {
    const [current] = rowsOf<{ name: string }>(await db.execute(sql`select current_database() as name`));
    const plain = openPostgres(withDatabase(process.env.DATABASE_URL!, current!.name), 1, false);
    try {
      await plain.db.transaction(async (tx) => {
        expect(await probeIsPrepared(tx)).toBe(false);
      });
    } finally {
      await plain.close();
    }
  });
});
