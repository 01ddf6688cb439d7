import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { BalanceView } from "@/lib/points/get-balance";

/** Available points, big; pending and lifetime beside; points expiring soon right under them. */
export function BalanceCard({ balance, expiring }: { balance: BalanceView; expiring: { points: number; expiresAt: Date }[] }) {
  const t = useTranslations("member.home");
  const format = useFormatter();
  // Lots expire at different instants; a member thinks in days.
  const byDay = new Map<string, { points: number; at: Date }>();
  for (const e of expiring) {
    const label = format.dateTime(e.expiresAt, { year: "numeric", month: "long", day: "numeric" });
    const row = byDay.get(label);
    if (row) row.points += e.points;
    else byDay.set(label, { points: e.points, at: e.expiresAt });
  }
  const soon = [...byDay.entries()].slice(0, 3);
  return (
    <Card className="bg-brand-soft" aria-labelledby="balance-heading">
      <h2 id="balance-heading" className="text-sm font-medium text-muted">
        {t("available")}
      </h2>
      <p className="tabular text-5xl font-bold leading-tight text-brand" data-testid="points-available">
        {format.number(balance.available)}
      </p>
      <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-muted">{t("pending")}</dt>
          <dd className="tabular text-lg font-semibold" data-testid="points-pending">
            {format.number(balance.pending)}
          </dd>
          <dd className="text-xs text-muted">{t("pendingHint")}</dd>
        </div>
        <div>
          <dt className="text-muted">{t("lifetime")}</dt>
          <dd className="tabular text-lg font-semibold">{format.number(balance.lifetimeEarned)}</dd>
        </div>
      </dl>
      {balance.debt > 0 ? <p className="mt-3 rounded-lg bg-surface px-3 py-2 text-sm">{t("debt", { points: format.number(balance.debt) })}</p> : null}
      {soon.length ? (
        <div role="status" className="mt-4 rounded-xl border border-warn bg-warn-soft px-3 py-2 text-warn" data-testid="points-expiring">
          <ul className="flex flex-col gap-1">
            {soon.map(([label, row]) => (
              <li key={label} className="flex items-start gap-2 text-sm font-semibold">
                <span aria-hidden>⚠</span>
                <span>{t("expiring", { points: format.number(row.points), date: label })}</span>
              </li>
            ))}
          </ul>
          <p className="mt-1 pl-6 text-xs">{byDay.size > soon.length ? t("expiringMore") : t("useThem")}</p>
        </div>
      ) : null}
    </Card>
  );
}
