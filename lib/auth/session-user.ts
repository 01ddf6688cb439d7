import { cookies } from "next/headers";
import { auth } from "./index";
import { authSecret } from "./secret";
import { peekSession, SESSION_COOKIES } from "./session-peek";

/**
 * The signed-in user's id, from Auth.js's session cookie: decrypted with AUTH_SECRET (authenticated
 * encryption: a forged or altered cookie does not decrypt) and refused once expired — what
 * `auth()` checks, without its round trip. `auth()` with no arguments builds a request, decrypts
 * the cookie, re-encrypts a fresh one and throws that one away (it cannot set cookies from a server
 * component), ~2 ms per request; here a cookie seen before costs a map look-up (session-peek.ts).
 * Roles are not taken from the cookie: the guard re-reads them from the database.
 */
export async function sessionUserId(): Promise<string | null> {
  const jar = await cookies();
  const cookie = SESSION_COOKIES.map((name) => jar.get(name)).find(Boolean);
  if (cookie) return (await peekSession(cookie, authSecret()))?.userId ?? null;
  // A session over 4 kB is split by Auth.js into numbered cookies (name.0, name.1, …): it puts them together.
  if (jar.getAll().some((c) => SESSION_COOKIES.some((name) => c.name.startsWith(`${name}.`)))) return (await auth())?.user?.id ?? null;
  return null;
}
