import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { BirthdayForm } from "@/components/account/birthday-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { MyReferrerCard } from "@/components/referral/my-referrer";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/guard";
import { can } from "@/lib/auth/permissions";
import { getMyReferrer, listBindingHistory } from "@/lib/distribution/binding-history";
import { getBirthday } from "@/lib/members/birthday";
import { today } from "@/lib/scheduled-grants/run-grants";
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
  const isMember = can(actor.roles, "member:use");
  const referral = isMember ? await Promise.all([getMyReferrer(actor.userId), listBindingHistory(actor.userId)]) : null;
  // Private: shown here to the member and on the admin member page, nowhere else.
  const birthday = isMember ? await getBirthday(actor.userId) : null;
  const bt = await getTranslations("birthday");
  const format = await getFormatter();
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
      {isMember ? (
        <Card aria-labelledby="birthday-h">
          <CardTitle id="birthday-h" className="mb-2">
            {bt("title")}
          </CardTitle>
          {birthday ? (
            <p className="text-sm" data-testid="birthday">
              <span className="font-medium">{format.dateTime(new Date(`${birthday}T12:00:00Z`), { dateStyle: "long", timeZone: "UTC" })}</span>
              <span className="block text-muted">{bt("setOnce")}</span>
            </p>
          ) : (
            <>
              <p className="mb-3 text-sm text-muted">{bt("why")}</p>
              <BirthdayForm max={today()} />
            </>
          )}
        </Card>
      ) : null}
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
