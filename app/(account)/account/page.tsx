import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { MyReferrerCard } from "@/components/referral/my-referrer";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getMyReferrer, listBindingHistory } from "@/lib/distribution/binding-history";
import Link from "next/link";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("nav"))("account") };
}

// Account: who you are, your roles, and changing your password. Open to every signed-in role.
export default async function AccountPage() {
  const actor = await requirePage("account:self");
  const t = await getTranslations("account");
  const roles = await getTranslations("roles");
  // Members see who referred them (staff accounts have no referrer).
  const referral = can(actor.roles, "member:use") ? await Promise.all([getMyReferrer(actor.userId), listBindingHistory(actor.userId)]) : null;
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <Card>
        <dl className="grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-muted">{t("name")}</dt>
            <dd className="font-medium">{actor.name || "—"}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("email")}</dt>
            <dd className="font-medium break-all">{actor.email}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("roles")}</dt>
            <dd className="font-medium" data-testid="roles">{actor.roles.map((r) => roles(r)).join(" · ")}</dd>
          </div>
        </dl>
      </Card>
      {referral ? <MyReferrerCard current={referral[0]} history={referral[1]} /> : null}
      {can(actor.roles, "member:use") && !can(actor.roles, "distributor:use") ? (
        <Link href="/account/distributor" className="text-sm font-medium text-brand underline" data-testid="become-distributor-link">
          {(await getTranslations("becomeDistributor"))("title")}
        </Link>
      ) : null}
      <Card>
        <CardTitle className="mb-4">{t("changePassword")}</CardTitle>
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
