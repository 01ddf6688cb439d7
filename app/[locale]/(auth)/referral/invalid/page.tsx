import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("referral.invalid"))("title") };
}

// Where /r/<code> sends a visitor whose link is unknown or whose distributor is disabled (public).
export default async function InvalidReferralPage() {
  const t = await getTranslations("referral.invalid");
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">{t("title")}</h1>
      <p className="mb-6 text-sm text-muted">{t("body")}</p>
      <div className="flex flex-col gap-2">
        <Link href="/sign-up" className="rounded-lg bg-brand px-4 py-2 text-center font-medium text-brand-fg">
          {t("signUp")}
        </Link>
        <Link href="/" className="text-center text-sm font-medium text-brand underline">
          {t("home")}
        </Link>
      </div>
    </>
  );
}
