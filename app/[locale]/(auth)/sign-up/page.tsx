import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/auth-forms";
import { currentUser } from "@/lib/auth/guard";
import { REFERRAL_COOKIE } from "@/lib/distribution/referral-cookie";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUp") };
}

// Sign-up; the referral code comes pre-filled from ?ref= or from the /r/<code> cookie.
export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ ref?: string }> }) {
  const { ref } = await searchParams;
  if (await currentUser()) redirect("/");
  const t = await getTranslations("auth");
  const code = (typeof ref === "string" ? ref : (await cookies()).get(REFERRAL_COOKIE)?.value) ?? "";
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{t("signUpTitle")}</h1>
      <p className="mb-6 text-sm text-muted">{t("signUpSubtitle")}</p>
      <SignUpForm referralCode={code.slice(0, 12)} />
    </>
  );
}
