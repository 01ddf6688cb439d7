import { NextResponse } from "next/server";
import { DEFAULT_ATTRIBUTION_DAYS, REFERRAL_COOKIE } from "@/lib/distribution/referral-cookie";

// GET /r/<code> — a distributor's referral link: remember the code, then send the visitor to sign-up.
// Redirects are relative: behind a proxy the request URL a route handler sees is the internal one.
export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  const code = (await params).code.trim().toUpperCase();
  if (!/^[A-Z0-9]{4,12}$/.test(code)) return new NextResponse(null, { status: 307, headers: { Location: "/sign-up" } });
  const res = new NextResponse(null, { status: 307, headers: { Location: `/sign-up?ref=${code}` } });
  res.cookies.set(REFERRAL_COOKIE, code, { path: "/", maxAge: DEFAULT_ATTRIBUTION_DAYS * 86_400, sameSite: "lax", httpOnly: true });
  return res;
}
