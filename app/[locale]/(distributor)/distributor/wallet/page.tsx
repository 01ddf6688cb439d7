import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatMoney } from "@/components/member/money";
import { WalletCard } from "@/components/distributor/wallet-card";
import { WithdrawForm } from "@/components/distributor/withdraw-form";
import { WithdrawalList } from "@/components/distributor/withdrawal-list";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePage } from "@/lib/auth/guard";
import { now } from "@/lib/clock";
import { getWallet, upcomingReleases } from "@/lib/distribution/get-wallet";
import { listWithdrawals } from "@/lib/distribution/list-withdrawals";
import { env } from "@/lib/env";
import { loadRuleset } from "@/lib/rules/load-ruleset";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("distribution.wallet"))("title") };
}

// The distributor's wallet: figures with free-up dates, the withdrawal request form, past withdrawals.
export default async function WalletPage() {
  const actor = await requirePage("distributor:use");
  const at = now();
  const [t, format, wallet, upcoming, history, rules] = await Promise.all([
    getTranslations("distribution"),
    getFormatter(),
    getWallet(actor.userId, { at }),
    upcomingReleases(actor.userId, { at }),
    listWithdrawals({ distributorId: actor.userId, limit: 50 }),
    loadRuleset(at),
  ]);
  const policy = rules.distribution.definition.withdrawal;
  const fee = policy.feeBps > 0 ? format.number(policy.feeBps / 10_000, { style: "percent", maximumFractionDigits: 2 }) : t("withdraw.noFee");
  const min = formatMoney(format, policy.minCents);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold">{t("wallet.title")}</h1>
      <WalletCard wallet={wallet} upcoming={upcoming} />
      <Card>
        <CardTitle>{t("withdraw.title")}</CardTitle>
        <p className="mb-3 text-sm text-muted">
          {policy.maxRequestsPerDay !== null ? t("withdraw.intro", { min, max: policy.maxRequestsPerDay, fee }) : t("withdraw.introNoCap", { min, fee })}
        </p>
        <WithdrawForm currency={env.CURRENCY} disabled={wallet.availableCents < policy.minCents} />
      </Card>
      <WithdrawalList items={history.items} />
    </div>
  );
}
