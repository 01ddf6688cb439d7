import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/auth-forms";
import { currentUser } from "@/lib/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn") };
}

// Sign-in: email + password; `next` brings the user back to the page that sent them here.
export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await currentUser()) redirect("/");
  const t = await getTranslations("auth");
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{t("signInTitle")}</h1>
      <p className="mb-6 text-sm text-muted">{t("signInSubtitle")}</p>
      <SignInForm next={typeof next === "string" ? next : "/"} />
    </>
  );
}
