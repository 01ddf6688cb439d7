import { getFormatter, getTranslations } from "next-intl/server";
import { Landing } from "@/components/member/landing";
import { Card } from "@/components/ui/card";
import { currentUser, requirePage } from "@/lib/auth/guard";
import { getBalance } from "@/lib/points/get-balance";

// Member home ("/"): points at a glance. Anonymous visitors get the landing page.
export default async function MemberHome() {
  const user = await currentUser();
  if (!user) return <Landing />;
  const actor = await requirePage("member:use");
  const [t, format, balance] = await Promise.all([getTranslations("home"), getFormatter(), getBalance(actor.userId)]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{t("greeting", { name: actor.name || actor.email })}</h1>
      <Card className="bg-brand-soft">
        <p className="text-sm text-muted">{t("available")}</p>
        <p className="tabular text-4xl font-bold text-brand" data-testid="points-available">
          {format.number(balance.available)}
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
          <div>
            <dt className="text-muted">{t("pending")}</dt>
            <dd className="tabular font-medium">{format.number(balance.pending)}</dd>
          </div>
          <div>
            <dt className="text-muted">{t("lifetime")}</dt>
            <dd className="tabular font-medium">{format.number(balance.lifetimeEarned)}</dd>
          </div>
        </dl>
      </Card>
      <Card>
        <p className="text-sm text-muted">{t("tier")}</p>
        <p className="font-semibold">{t.has(`tiers.${balance.tierCode}`) ? t(`tiers.${balance.tierCode}` as "tiers.regular") : balance.tierCode}</p>
      </Card>
    </div>
  );
}
