import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInviteForm } from "@/components/admin-users/forms";
import { findOpenInvite } from "@/lib/admin/staff";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUsers"))("invite.pageTitle") };
}

// An admin-console invitation (public: the unguessable single-use token is the credential).
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, tr, invite] = await Promise.all([getTranslations("adminUsers"), getTranslations("roles"), findOpenInvite(token)]);
  if (!invite) {
    return (
      <>
        <h1 className="mb-2 text-xl font-semibold">{t("invite.pageTitle")}</h1>
        <p className="mb-4 text-sm text-muted">{t("invite.invalid")}</p>
        <Link href="/sign-in" className="text-sm font-medium text-brand underline">
          {t("invite.signIn")}
        </Link>
      </>
    );
  }
  return (
    <>
      <h1 className="mb-1 text-xl font-semibold">{t("invite.pageTitle")}</h1>
      <p className="mb-6 text-sm text-muted">{t("invite.pageIntro", { roles: invite.roles.map((r) => tr(r)).join(", ") })}</p>
      <AcceptInviteForm token={token} email={invite.email} />
    </>
  );
}
