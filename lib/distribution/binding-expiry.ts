import { DAY_MS } from "@/lib/clock";

/**
 * When a binding lapses under an expiring policy: `expiryDays` after the member's last activity —
 * the binding itself or their latest order, whichever is later. null = permanent.
 */
export function bindingExpiresAt(boundAt: Date, lastOrderAt: Date | null, expiryDays: number | null): Date | null {
  if (expiryDays === null) return null;
  const activity = lastOrderAt && lastOrderAt.getTime() > boundAt.getTime() ? lastOrderAt : boundAt;
  return new Date(activity.getTime() + expiryDays * DAY_MS);
}

/** A binding is lapsed from its expiry instant on (an order at that very instant comes too late). */
export function isBindingExpired(expiresAt: Date | null, at: Date): boolean {
  return expiresAt !== null && expiresAt.getTime() <= at.getTime();
}
