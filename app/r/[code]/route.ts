import { NextResponse } from "next/server";
import { DEFAULT_ATTRIBUTION_DAYS, REFERRAL_COOKIE } from "@/lib/distribution/referral-cookie";

// GET /r/<code> — a distributor's referral link: remember the code, then send the visitor to sign-up.
export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const code = (await params).code.trim().toUpperCase();
  const target = new URL("/sign-up", request.url);
  if (!/^[A-Z0-9]{4,12}$/.test(code)) return NextResponse.redirect(target);
  target.searchParams.set("ref", code);
  const res = NextResponse.redirect(target);
  res.cookies.set(REFERRAL_COOKIE, code, { path: "/", maxAge: DEFAULT_ATTRIBUTION_DAYS * 86_400, sameSite: "lax", httpOnly: true });
  return res;
}
