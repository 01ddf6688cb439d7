import { useFormatter, useTranslations } from "next-intl";
import { formatMoney } from "@/components/member/money";
import { Card } from "@/components/ui/card";
import type { UpcomingRelease, WalletView } from "@/lib/distribution/get-wallet";

/** The wallet: available (big), frozen with the dates it frees up, being paid out, paid out. */
export function WalletCard({ wallet, upcoming }: { wallet: WalletView; upcoming: UpcomingRelease[] }) {
  const t = useTranslations("distribution.wallet");
  const format = useFormatter();
  const money = (c: number) => formatMoney(format, c);
  // Commissions free up at different instants; a distributor thinks in days.
  const byDay = new Map<string, number>();
  for (const u of upcoming) {
    const label = format.dateTime(u.availableAt, { year: "numeric", month: "short", day: "numeric" });
    byDay.set(label, (byDay.get(label) ?? 0) + u.cents);
  }
  const days = [...byDay.entries()].slice(0, 5);
  return (
    <Card className="bg-brand-soft" aria-labelledby="wallet-heading">
      <h2 id="wallet-heading" className="text-sm font-medium text-muted">
        {t("available")}
      </h2>
      <p className={`tabular text-4xl font-bold leading-tight ${wallet.availableCents < 0 ? "text-danger" : "text-brand"}`} data-testid="wallet-available">
        {money(wallet.availableCents)}
      </p>
      {wallet.availableCents < 0 ? (
        <p role="status" className="mt-2 rounded-lg border border-warn bg-warn-soft px-3 py-2 text-sm text-warn">
          {t("negative", { amount: money(-wallet.availableCents) })}
        </p>
      ) : null}
      <dl className="mt-4 grid grid-cols-3 gap-3 text-sm">
        <div>
          <dt className="text-muted">{t("pending")}</dt>
          <dd className="tabular text-lg font-semibold" data-testid="wallet-pending">
            {money(wallet.pendingCents)}
          </dd>
        </div>
        <div>
          <dt className="text-muted">{t("withdrawing")}</dt>
          <dd className="tabular text-lg font-semibold">{money(wallet.withdrawingCents)}</dd>
        </div>
        <div>
          <dt className="text-muted">{t("withdrawn")}</dt>
          <dd className="tabular text-lg font-semibold">{money(wallet.withdrawnCents)}</dd>
        </div>
      </dl>
      <div className="mt-4">
        <h3 className="text-sm font-medium">{t("upcoming")}</h3>
        <p className="text-xs text-muted">{t("pendingHint")}</p>
        {days.length ? (
          <ul className="mt-2 flex flex-col gap-1 text-sm" data-testid="wallet-upcoming">
            {days.map(([date, cents]) => (
              <li key={date} className="tabular">
                {t("upcomingRow", { amount: money(cents), date })}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-muted">{t("noUpcoming")}</p>
        )}
      </div>
    </Card>
  );
}
