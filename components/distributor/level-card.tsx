import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatMoney } from "@/components/member/money";
import { Card, CardTitle } from "@/components/ui/card";
import type { ConditionProgress } from "@/lib/distribution/levels";
import type { LocalizedText } from "@/lib/rules/schema";

export interface LevelView {
  current: LocalizedText | null;
  currentCode: string;
  next: { name: LocalizedText; conditions: ConditionProgress[] } | null;
}

/** The distributor's level and, when a higher one is reached automatically, each condition's progress. */
export function LevelCard({ level }: { level: LevelView }) {
  const t = useTranslations("distributorPortal.level");
  const format = useFormatter();
  const locale = useLocale() as keyof LocalizedText;
  const label = (n: LocalizedText | null, fallback: string) => (n?.[locale] || n?.en || fallback);
  const value = (c: ConditionProgress, v: number) => (c.kind === "teamSize" ? format.number(v) : formatMoney(format, v));
  return (
    <Card data-testid="level-card">
      <CardTitle>{t("title")}</CardTitle>
      <p className="mt-1 text-lg font-semibold" data-testid="level-current">
        {label(level.current, level.currentCode)}
      </p>
      {level.next ? (
        <div className="mt-3 flex flex-col gap-3">
          <p className="text-sm">{t("next", { level: label(level.next.name, "") })}</p>
          {level.next.conditions.map((c) => {
            const pct = Math.min(100, Math.floor((c.have / c.need) * 100));
            const id = `level-cond-${c.kind}`;
            return (
              <div key={c.kind}>
                <div className="flex justify-between gap-2 text-sm">
                  <span id={id}>{t(`conditions.${c.kind}`, { days: c.periodDays ?? 0 })}</span>
                  <span className="tabular text-muted">
                    {value(c, c.have)} / {value(c, c.need)}
                  </span>
                </div>
                <div role="progressbar" aria-labelledby={id} aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct} aria-valuetext={t("percent", { pct })} className="mt-1 h-2 overflow-hidden rounded-full bg-surface-2">
                  <div className={c.have >= c.need ? "h-full bg-ok" : "h-full bg-brand"} style={{ width: `${pct}%` }} />
                </div>
              </div>
            );
          })}
          <p className="text-xs text-muted">{t("hint")}</p>
        </div>
      ) : (
        <p className="mt-1 text-sm text-muted">{t("top")}</p>
      )}
    </Card>
  );
}
