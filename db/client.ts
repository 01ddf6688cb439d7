import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import postgres from "postgres";
import { mkdirSync } from "node:fs";
import type { Logger } from "drizzle-orm/logger";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { hasNul } from "@/lib/validation";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The database, whichever driver is underneath (PGlite or postgres.js): one API for both. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Database | Tx;

export interface DatabaseHandle {
  db: Database;
  driver: "pglite" | "postgres";
  close(): Promise<void>;
}

/**
 * Every statement drizzle sends passes through here first (the logger hook runs before the driver,
 * inside the query's promise). Postgres cannot store NUL characters and answers such a statement
 * with an encoding error, which would reach the user as a 500: this is the one place all input
 * converges — server actions, pages' search parameters, the API, scripts — so a NUL anywhere is
 * refused here as the one error type, an `invalid-request` with the `validation.nul` message, which
 * actions show like any other validation error and routes answer with 400. Nothing is written: the
 * statement never runs, and the transaction around it rolls back.
 */
export const refuseNul: Logger = {
  logQuery(_query, params) {
    if (params.some(hasNul)) {
      throw new DomainError("invalid-request", "text must not contain NUL characters", { errors: [{ path: "form", message: "validation.nul" }] });
    }
  },
};

const options = { schema, casing: "snake_case" as const, logger: refuseNul };

export function openPostgres(url: string, max = env.DB_POOL_MAX, prepare = env.DB_PREPARE === "true"): DatabaseHandle {
  // A request waiting for an unreachable database fails after 10 s (postgres.js waits 30 s by
  // default): the soak's Postgres-outage suite saw requests hang past 20 s without it.
  const client = postgres(url, { max, connect_timeout: 10, onnotice: () => {}, ...(process.env.JIFEN_COUNT_QUERIES === "1" ? { debug: countQuery } : {}) });
  return {
    db: drizzlePostgres(prepare ? preparingEverything(client) : client, options) as unknown as Database,
    driver: "postgres",
    close: () => client.end({ timeout: 5 }),
  };
}

type Sql = ReturnType<typeof postgres>;
type WithCallback = (...args: unknown[]) => unknown;

/**
 * drizzle asks postgres.js for a prepared statement only for queries given a name
 * (`.prepare("name")`); everything else goes out unnamed, and Postgres parses and plans it again on
 * every execution. This client prepares every statement: postgres.js keeps one per connection and
 * distinct SQL text, and Postgres re-plans with the parameters for the first five executions, then
 * keeps a generic plan when it is no costlier. Ingesting orders went from 194 to 303 orders/s at
 * concurrency 16, and one at a time from about 5.9 to 4.1 ms p50 (BENCHMARKS.md, "Prepared
 * statements"). The set of statements stays small: the SQL text is the code's, and postgres.js
 * replaces each connection within an hour (its max_lifetime), dropping what it kept. Transactions
 * and savepoints hand drizzle a new client, so those are wrapped too. `DB_PREPARE=false` turns it
 * off, e.g. behind a pooler in transaction mode that cannot keep prepared statements.
 */
function preparingEverything<T extends Sql>(client: T): T {
  const wrapCallback = (method: WithCallback) => (...args: unknown[]) => {
    const callback = args.pop() as (inner: Sql) => unknown;
    return method(...args, (inner: Sql) => callback(preparingEverything(inner)));
  };
  return new Proxy(client, {
    get(target, prop) {
      if (prop === "unsafe") return (query: string, params?: unknown[], queryOptions?: object) => target.unsafe(query, params as never, { ...queryOptions, prepare: true });
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== "function") return value;
      const bound = (value as WithCallback).bind(target);
      return prop === "begin" || prop === "savepoint" ? wrapCallback(bound) : bound;
    },
  });
}

// Opt-in query counter for `npm run bench:pages` (JIFEN_COUNT_QUERIES=1; nothing is installed
// otherwise). Every statement sent to Postgres adds one; the running total is logged at most every
// 25 ms when it changed, so a client that sends one request at a time reads the queries that
// request cost as the difference between two totals.
let queriesSent = 0;
let queriesLogged = 0;
function countQuery() {
  if (queriesSent++ === 0) {
    setInterval(() => {
      if (queriesSent === queriesLogged) return;
      queriesLogged = queriesSent;
      console.log(`[jifen] queries=${queriesSent}`);
    }, 25).unref();
  }
}

/** PGlite in a data folder, or in memory when `dir` is undefined (tests). */
export function openPglite(dir?: string): DatabaseHandle {
  if (dir) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  return {
    db: drizzlePglite(client, options) as unknown as Database,
    driver: "pglite",
    close: () => client.close(),
  };
}

export function openFromEnv(): DatabaseHandle {
  return env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.PGLITE_DIR);
}

// One handle per process, cached on globalThis so dev-mode reloads do not open a second PGlite.
const g = globalThis as unknown as { __jifenDb?: DatabaseHandle };

export function handle(): DatabaseHandle {
  g.__jifenDb ??= openFromEnv();
  return g.__jifenDb;
}

/** Tests point the app at their own fresh database. */
export function setDatabase(h: DatabaseHandle): void {
  g.__jifenDb = h;
}

export async function closeDatabase(): Promise<void> {
  const h = g.__jifenDb;
  g.__jifenDb = undefined;
  await h?.close();
}

/** `db` is the process's database, resolved on first use (so importing this file opens nothing). */
export const db: Database = new Proxy({} as Database, {
  get(_target, prop) {
    const real = handle().db as unknown as Record<PropertyKey, unknown>;
    const value = real[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(real) : value;
  },
});

/** postgres.js returns an array from `execute`, PGlite returns { rows }: one accessor for both. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
