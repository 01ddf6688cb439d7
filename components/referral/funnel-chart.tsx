import { useFormatter, useTranslations } from "next-intl";
import { conversion, type ReferralFunnel } from "@/lib/distribution/referral-funnel";

/** The four funnel steps as bars (width relative to the widest step), with step-to-step rates. */
export function FunnelChart({ funnel }: { funnel: ReferralFunnel }) {
  const t = useTranslations("referral.funnel");
  const format = useFormatter();
  const steps = [
    { key: "clicks", value: funnel.clicks, note: t("visitors", { count: funnel.visitors }) },
    { key: "signups", value: funnel.signups },
    { key: "firstOrders", value: funnel.firstOrders },
    { key: "repeat", value: funnel.repeatBuyers },
  ] as const;
  const widest = Math.max(1, ...steps.map((s) => s.value));
  return (
    <ol className="flex flex-col gap-4" data-testid="funnel">
      {steps.map((s, i) => {
        const rate = i > 0 ? conversion(s.value, steps[i - 1]!.value) : null;
        return (
          <li key={s.key} className="flex flex-col gap-1" data-testid={`funnel-${s.key}`}>
            <div className="flex items-baseline justify-between gap-2 text-sm">
              <span className="font-medium">{t(s.key)}</span>
              <span className="tabular text-lg font-semibold" data-testid={`funnel-${s.key}-value`}>
                {format.number(s.value)}
              </span>
            </div>
            <div className="h-3 overflow-hidden rounded-full bg-surface-2" aria-hidden="true">
              <div className="h-full rounded-full bg-brand" style={{ width: `${(s.value / widest) * 100}%` }} />
            </div>
            <p className="text-xs text-muted">
              {"note" in s ? s.note : rate !== null ? t("ofPrevious", { rate: format.number(rate, { style: "percent", maximumFractionDigits: 0 }) }) : "\u00a0"}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
