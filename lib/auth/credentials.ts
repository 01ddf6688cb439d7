import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { env } from "@/lib/env";
import { users, type Role } from "@/db/schema";
import { hitRateLimit } from "@/lib/rate-limit";
import { burnPasswordCheck, verifyPassword } from "./password";

export const SIGN_IN_LIMITS = {
  perAccount: { limit: 10, windowSeconds: 15 * 60 },
  perIp: { limit: 50, windowSeconds: 15 * 60 },
};

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(200),
});

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; roles: Role[] } }
  | { ok: false; reason: "invalid" | "rate-limited" };

/**
 * Checks an email/password pair. Unknown email and wrong password give the same answer in about
 * the same time; attempts are counted per account and per IP in Postgres, across instances.
 */
export async function checkCredentials(input: unknown, ip: string): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const [byAccount, byIp] = await Promise.all([
    hitRateLimit(`signin:acct:${email}`, SIGN_IN_LIMITS.perAccount.limit, SIGN_IN_LIMITS.perAccount.windowSeconds),
    hitRateLimit(`signin:ip:${ip}`, SIGN_IN_LIMITS.perIp.limit, SIGN_IN_LIMITS.perIp.windowSeconds),
  ]);
  if (!byAccount.allowed || !byIp.allowed) return { ok: false, reason: "rate-limited" };

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  if (!user?.passwordHash || user.disabledAt) {
    await burnPasswordCheck(password);
    return { ok: false, reason: "invalid" };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { ok: false, reason: "invalid" };
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, roles: user.roles } };
}

/**
 * The caller's address for per-IP limits. X-Forwarded-For is a list each proxy appends to, so only
 * the entries added by our own proxies can be trusted: with TRUSTED_PROXY_HOPS = n (default 1, one
 * load balancer in front) it is the n-th entry from the right. The left end is whatever the client
 * typed and would let anyone dodge the limit.
 */
export function clientIp(headers: Headers, hops = env.TRUSTED_PROXY_HOPS): string {
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  if (hops > 0 && chain.length >= hops) return chain[chain.length - hops]!;
  return headers.get("x-real-ip") || "direct";
}
