import { sql } from "drizzle-orm";
import { db, rowsOf, type Executor } from "@/db/client";
import { now } from "@/lib/clock";

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counter in Postgres: one atomic upsert per hit, so every app instance shares it.
 * `limit` hits are allowed per `windowSeconds`; the next one is refused until the window rolls.
 */
export async function hitRateLimit(
  bucket: string,
  limit: number,
  windowSeconds: number,
  ex: Executor = db,
): Promise<RateLimitResult> {
  const t = now().getTime();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(t / windowMs) * windowMs);
  const rows = await ex.execute(sql`
    insert into rate_limits (bucket, window_start, count) values (${bucket}, ${windowStart.toISOString()}, 1)
    on conflict (bucket, window_start) do update set count = rate_limits.count + 1
    returning count`);
  const count = Number(rowsOf<{ count: number }>(rows)[0]?.count ?? 0);
  return {
    allowed: count <= limit,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - t) / 1000)),
  };
}

/** Drops windows older than a day; called opportunistically (cheap, indexed by window_start). */
export async function pruneRateLimits(ex: Executor = db): Promise<void> {
  await ex.execute(sql`delete from rate_limits where window_start < ${new Date(now().getTime() - 86_400_000).toISOString()}`);
}
