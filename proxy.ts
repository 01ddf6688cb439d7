import { NextResponse, type NextRequest } from "next/server";
import { can } from "@/lib/auth/permissions";
import { authSecret } from "@/lib/auth/secret";
import { peekSession, SESSION_COOKIES } from "@/lib/auth/session-peek";
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE, decodeDeviceCookie } from "@/lib/distribution/device-cookie";
import { chooseLocale, LOCALE_COOKIE } from "@/lib/i18n/locales";
import { CATALOGUE_GATE, CATALOGUE_PERMISSION, catalogueTarget, isMallPath } from "@/lib/mall/catalogue-routes";

// Routing, and only convenience for authorisation: puts the reader's language in front of the path
// (pages live under app/[locale]; the address never shows it), forwards the path (so the guard can
// send anonymous users back after sign-in), redirects visitors without a session cookie away from
// signed-in areas, and serves the mall's catalogue pages from the cache to sessions whose cookie
// says member (lib/mall/catalogue-routes.ts). Every page, action and route still checks on the
// server with lib/auth/guard — this is never the only check.
const SIGNED_IN_AREAS = ["/admin", "/distributor", "/account", "/mall"];

/** Route handlers at the app's root, outside the locale segment: passed through as they are. */
const OUTSIDE_LOCALE = ["/r/", "/media/"];

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

export async function proxy(request: NextRequest) {
  const { pathname, search, searchParams } = request.nextUrl;
  if (isCrossSiteWrite(request.method, request.headers)) {
    return new NextResponse(JSON.stringify({ type: "about:blank", title: "Forbidden", status: 403, detail: "cross-site request refused" }), {
      status: 403,
      headers: { "content-type": "application/problem+json" },
    });
  }
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && SIGNED_IN_AREAS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", pathname + search);
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set("x-pathname", pathname + search);
  let res: NextResponse;
  if (OUTSIDE_LOCALE.some((p) => pathname.startsWith(p))) {
    res = NextResponse.next({ request: { headers } });
  } else {
    const locale = chooseLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
    const target = isMallPath(pathname) ? await mallTarget(request, pathname, searchParams) : { path: pathname, cached: false };
    // A cached page has its parameters in its path (and reads no others): the query is left off.
    // nextUrl's own origin, so Next sees the rewrite as internal (never a proxied fetch).
    const url = request.nextUrl.clone();
    url.pathname = `/${locale}${target.path === "/" ? "" : target.path}`;
    url.search = target.cached ? "" : search;
    res = NextResponse.rewrite(url, { request: { headers } });
    // Next marks a cached page as shareable (s-maxage); but this address shows either language, and
    // only to members (decided here, per request): no shared cache may keep it.
    if (target.cached) res.headers.set("cache-control", "private, no-cache");
  }
  // A browser's first visit gets its random device id (risk signals hash it at sign-up).
  if (!decodeDeviceCookie(request.cookies.get(DEVICE_COOKIE)?.value)) {
    res.cookies.set(DEVICE_COOKIE, crypto.randomUUID(), { path: "/", maxAge: DEVICE_COOKIE_MAX_AGE, sameSite: "lax", httpOnly: true, secure: request.nextUrl.protocol === "https:" });
  }
  return res;
}

/**
 * Where a /mall address is served from: the cached catalogue page for a member's session, the
 * per-request page (search, confirm) at its own path, and the gate for anyone else.
 */
async function mallTarget(request: NextRequest, pathname: string, searchParams: URLSearchParams): Promise<{ path: string; cached: boolean }> {
  const cookie = SESSION_COOKIES.map((name) => request.cookies.get(name)).find(Boolean);
  const session = await peekSession(cookie, authSecret());
  if (!session || !can(session.roles, CATALOGUE_PERMISSION)) return { path: CATALOGUE_GATE, cached: false };
  const cached = catalogueTarget(pathname, searchParams);
  return cached ? { path: cached, cached: true } : { path: pathname, cached: false };
}

export const config = {
  matcher: ["/((?!api/|_next/|brand/|rewards/|uploads/|favicon|.*\\.(?:svg|png|jpg|jpeg|webp|ico|txt)$).*)"],
};
