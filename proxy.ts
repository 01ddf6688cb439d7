import { NextResponse, type NextRequest } from "next/server";

// Only convenience: forwards the path (so the guard can send anonymous users back after sign-in)
// and redirects visitors without a session cookie away from signed-in areas. Every page, action
// and route still checks on the server with lib/auth/guard — this is never the only check.
const SIGNED_IN_AREAS = ["/admin", "/distributor", "/account"];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const hasSession = request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
  if (!hasSession && SIGNED_IN_AREAS.some((p) => pathname === p || pathname.startsWith(`${p}/`))) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("next", pathname + search);
    return NextResponse.redirect(url);
  }
  const headers = new Headers(request.headers);
  headers.set("x-pathname", pathname + search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|brand/|rewards/|uploads/|favicon|.*\\.(?:svg|png|jpg|jpeg|webp|ico|txt)$).*)"],
};
