import { useFormatter, useTranslations } from "next-intl";
import { formatMoney } from "@/components/member/money";
import { Card, CardTitle } from "@/components/ui/card";
import type { DashboardSummary } from "@/lib/distribution/dashboard";

export function EarningsCard({ earnings }: { earnings: DashboardSummary["earnings"] }) {
  const t = useTranslations("distribution.earnings");
  const format = useFormatter();
  const cells = [
    ["today", earnings.todayCents],
    ["month", earnings.monthCents],
    ["allTime", earnings.allTimeCents],
  ] as const;
  return (
    <Card>
      <CardTitle>{t("title")}</CardTitle>
      <p className="text-xs text-muted">{t("net")}</p>
      <dl className="mt-3 grid grid-cols-3 gap-3">
        {cells.map(([key, cents]) => (
          <div key={key} className="min-w-0">
            <dt className="text-xs text-muted">{t(key)}</dt>
            {/* Three amounts side by side on a 375 px phone: smaller type there, and a long amount wraps inside its own column instead of running into the next. */}
            <dd className="tabular text-base font-semibold [overflow-wrap:anywhere] sm:text-xl" data-testid={`earnings-${key}`}>
              {formatMoney(format, cents)}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
