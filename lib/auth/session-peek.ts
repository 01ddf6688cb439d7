// What proxy.ts may know about a request's session without the database: the roles the signed,
// encrypted session cookie carried when it was issued. It only routes (the cached catalogue for a
// member, the guarded page for everyone else); it never grants anything. Every page, action and
// route still asks lib/auth/guard, which re-reads the roles. A role revoked since sign-in can
// therefore still open the cached catalogue pages (which hold nothing personal) until the cookie
// expires, but not the member's data or any action.
import { decode } from "next-auth/jwt";
import type { Role } from "@/db/schema";

/** Auth.js's session cookie: the __Secure- name over https. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export interface PeekedSession {
  /** The user the cookie was issued to (the JWT's subject). */
  userId: string;
  roles: Role[];
  /** Seconds since the epoch. */
  expiresAt: number;
}

// Decrypting a cookie derives its key and costs ~0.5 ms; a member's pages repeat the same cookie,
// so the result is kept per cookie value (bounded; an entry is only good until the token expires).
const MAX_ENTRIES = 2_000;
const seen = new Map<string, PeekedSession | null>();

/**
 * The roles in a session cookie, or null when it does not decrypt with `secret`, has expired, or
 * is missing. `nowSeconds` is passed in so tests can move it.
 */
export async function peekSession(cookie: { name: string; value: string } | undefined, secret: string | undefined, nowSeconds = Date.now() / 1000): Promise<PeekedSession | null> {
  if (!cookie || !secret) return null;
  const key = `${cookie.name}=${cookie.value}`;
  let found = seen.get(key);
  if (found === undefined) {
    found = await decodeRoles(cookie, secret);
    if (seen.size >= MAX_ENTRIES) seen.delete(seen.keys().next().value!);
    seen.set(key, found);
  }
  return found && found.expiresAt > nowSeconds ? found : null;
}

async function decodeRoles(cookie: { name: string; value: string }, secret: string): Promise<PeekedSession | null> {
  try {
    const token = await decode({ token: cookie.value, secret, salt: cookie.name });
    if (!token?.sub || typeof token.exp !== "number") return null;
    const roles = Array.isArray(token.roles) ? (token.roles.filter((r) => typeof r === "string") as Role[]) : [];
    return { userId: token.sub, roles, expiresAt: token.exp };
  } catch {
    return null;
  }
}
