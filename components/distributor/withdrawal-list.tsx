import { useFormatter, useTranslations } from "next-intl";
import { formatMoney } from "@/components/member/money";
import { Card, CardTitle } from "@/components/ui/card";
import type { QueueItem } from "@/lib/distribution/list-withdrawals";

export function WithdrawalList({ items }: { items: QueueItem[] }) {
  const t = useTranslations("distribution.history");
  const format = useFormatter();
  const money = (c: number) => formatMoney(format, c);
  return (
    <Card>
      <CardTitle>{t("title")}</CardTitle>
      {items.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{t("empty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-border" data-testid="withdrawals">
          {items.map((w) => (
            <li key={w.id} className="flex items-start justify-between gap-3 py-2 text-sm">
              <div>
                <p className="tabular font-semibold">{money(w.amountCents)}</p>
                <p className="text-xs text-muted">{format.dateTime(new Date(w.requestedAt), { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })}</p>
                {w.feeCents > 0 ? <p className="text-xs text-muted">{t("net", { net: money(w.netCents), fee: money(w.feeCents) })}</p> : null}
              </div>
              <div className="text-right">
                <p className="font-medium">{t(`status.${w.status}`)}</p>
                {w.payoutReference && w.status === "approved" ? <p className="text-xs text-muted">{t("reference", { reference: w.payoutReference })}</p> : null}
                {w.reason && w.status !== "approved" ? <p className="text-xs text-muted">{t("reason", { reason: w.reason })}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
