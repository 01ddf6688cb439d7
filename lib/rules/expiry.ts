// When earned points become available and when they expire.
import { DAY_MS } from "@/lib/clock";
import type { ExpiryPolicy } from "./schema";
import { DEFAULT_TIME_ZONE, localParts, zonedTimeToUtc } from "./time-zone";

/** Points stay pending for the return window: available exactly `returnWindowDays` × 24 h after the order. */
export function availableAt(placedAt: Date, returnWindowDays: number): Date {
  return new Date(placedAt.getTime() + returnWindowDays * DAY_MS);
}

/**
 * When points that became available at `availableAt` expire (they are expired from this instant on).
 * - rolling: `days` × 24 h after availableAt;
 * - end-of-year: 23:59:59.999 on 31 Dec of the (N−1)-th year after the local year of availableAt,
 *   in the deployment zone — calendar years are local facts (years: 1 = end of this year);
 * - never: null.
 */
export function expiresAt(policy: ExpiryPolicy, available: Date, timeZone: string = DEFAULT_TIME_ZONE): Date | null {
  switch (policy.kind) {
    case "rolling":
      return new Date(available.getTime() + policy.days * DAY_MS);
    case "end-of-year": {
      const year = localParts(available, timeZone).year + policy.years - 1;
      return zonedTimeToUtc({ year, month: 12, day: 31, hour: 23, minute: 59, second: 59, millisecond: 999 }, timeZone);
    }
    case "never":
      return null;
  }
}
