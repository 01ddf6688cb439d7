import { NextResponse, type NextRequest } from "next/server";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, decodeDeviceCookie } from "@/lib/distribution/device-cookie";

// Only convenience: forwards the path (so the guard can send anonymous users back after sign-in)
// and redirects visitors without a session cookie away from signed-in areas. Every page, action
// and route still checks on the server with lib/auth/guard — this is never the only check.
const SIGNED_IN_AREAS = ["/admin", "/distributor", "/account"];

/** Methods that change state: a browser sends Origin with each, so a foreign one can be refused. */
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Whether a state-changing request comes from another site. Session cookies are SameSite=Lax, and
 * Next refuses a server action whose Origin differs from its host — with a 500 and only for
 * actions. Checked here for every state-changing request outside /api (server actions and any
 * cookie-authenticated route handler alike; /api/v1 authenticates by API key, /api/auth checks its
 * own CSRF token), so a cross-site form post or fetch is a plain 403 before any code runs. The
 * host compared is the one the browser addressed (x-forwarded-host behind a proxy), as Next does.
 * A request without Origin is not a browser's cross-site request (browsers send it on every POST).
 */
export function isCrossSiteWrite(method: string, headers: Headers): boolean {
  if (!UNSAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get("origin");
  if (origin === null) return false;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  let originHost: string;
  try {
    originHost = new URL(origin).host; // "null" (sandboxed frames, privacy redirects) does not parse
  } catch {
    return true;
  }
  return !host || originHost.toLowerCase() !== host.toLowerCase();
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isCrossSiteWrite(request.method, request.headers)) {
    return new NextResponse(JSON.stringify({ type: "about:blank", title: "Forbidden", status: 403, detail: "cross-site request refused" }), {
      status: 403,
      headers: { "content-type": "application/problem+json" },
    });
  }
  const hasSession = request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
  if (!hasSession && SIGNED_IN_AREAS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", pathname + search);
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set("x-pathname", pathname + search);
  const res = NextResponse.next({ request: { headers } });
  // A browser's first visit gets its random device id (risk signals hash it at sign-up).
  if (!decodeDeviceCookie(request.cookies.get(DEVICE_COOKIE)?.value)) {
    res.cookies.set(DEVICE_COOKIE, crypto.randomUUID(), { path: "/", maxAge: DEVICE_COOKIE_MAX_AGE, sameSite: "lax", httpOnly: true, secure: request.nextUrl.protocol === "https:" });
  }
  return res;
}

export const config = {
  matcher: ["/((?!api/|_next/|brand/|rewards/|uploads/|favicon|.*\\.(?:svg|png|jpg|jpeg|webp|ico|txt)$).*)"],
};
