import { useFormatter, useTranslations } from "next-intl";
import { formatMoney } from "@/components/member/money";
import { Card, CardTitle } from "@/components/ui/card";
import type { AttributedOrder } from "@/lib/distribution/dashboard";

/** Orders the distributor earned on: buyer masked, level, commission and where it stands. */
export function AttributedOrders({ orders }: { orders: AttributedOrder[] }) {
  const t = useTranslations("distribution.orders");
  const format = useFormatter();
  const money = (c: number) => formatMoney(format, c);
  const date = (iso: string) => format.dateTime(new Date(iso), { year: "numeric", month: "short", day: "numeric" });
  return (
    <Card>
      <CardTitle>{t("title")}</CardTitle>
      {orders.length === 0 ? (
        <p className="mt-2 text-sm text-muted">{t("empty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-border" data-testid="attributed-orders">
          {orders.map((o) => (
            <li key={o.commissionId} className="flex items-start justify-between gap-3 py-2 text-sm">
              <div>
                <p className="font-medium">{o.buyer === "self" ? t("self") : o.buyer}</p>
                <p className="text-xs text-muted">
                  {date(o.placedAt)} · {t("level", { level: o.level })} · {money(o.paidCents)}
                </p>
              </div>
              <div className="text-right">
                <p className={`tabular font-semibold ${o.status === "reversed" ? "text-muted line-through" : ""}`}>{money(o.amountCents)}</p>
                <p className="text-xs text-muted" data-testid="commission-status">
                  {t(`status.${o.status}`, { date: date(o.availableAt) })}
                </p>
                {o.reversedCents > 0 && o.status !== "reversed" ? <p className="text-xs text-warn">{t("reversed", { amount: money(o.reversedCents) })}</p> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
