import { NextResponse } from "next/server";
import { currentUser } from "@/lib/auth/guard";
import { clientIp } from "@/lib/auth/credentials";
import { can } from "@/lib/auth/permissions";
import { encodeReferralCookie, REFERRAL_COOKIE } from "@/lib/distribution/referral-cookie";
import { recordReferralVisit } from "@/lib/distribution/referral-clicks";

// GET /r/<code> — a distributor's referral link: records the click, remembers the distributor for
// the attribution window, then sends a visitor to sign-up (a signed-in member home). An unknown or
// disabled code writes nothing and answers a friendly page.
// Redirects are relative: behind a proxy the request URL a route handler sees is the internal one.
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const user = await currentUser();
  const visit = await recordReferralVisit({
    code: (await params).code,
    ip: clientIp(request.headers),
    userAgent: request.headers.get("user-agent") ?? "",
    memberId: user && can(user.roles, "member:use") ? user.userId : null,
  });
  if (!visit.ok) return new NextResponse(null, { status: 307, headers: { Location: "/referral/invalid" } });
  const res = new NextResponse(null, { status: 307, headers: { Location: user ? "/" : `/sign-up?ref=${visit.code}` } });
  res.cookies.set(REFERRAL_COOKIE, encodeReferralCookie(visit.code), { path: "/", maxAge: visit.windowDays * 86_400, sameSite: "lax", httpOnly: true });
  return res;
}
