import { useFormatter, useTranslations } from "next-intl";
import { Card, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { CheckInButton } from "./check-in-button";
import type { CheckInView } from "./logic";

/** Today's check-in: the button (or "checked in"), the streak, the cycle strip and the next bonus. */
export function CheckInCard({ view }: { view: CheckInView }) {
  const t = useTranslations("member.checkIn");
  const format = useFormatter();
  return (
    <Card aria-labelledby="check-in-heading">
      <div className="flex items-baseline justify-between gap-2">
        <CardTitle id="check-in-heading">{t("heading")}</CardTitle>
        <p className="text-sm font-medium text-muted" data-testid="check-in-streak">
          {t("streak", { days: view.streak })}
        </p>
      </div>
      {view.cycle ? (
        <ol aria-label={t("cycleLabel")} className="mt-4 grid gap-1.5" style={{ gridTemplateColumns: `repeat(${view.cycle.length}, minmax(0, 1fr))` }}>
          {Array.from({ length: view.cycle.length }, (_, i) => {
            const day = i + 1;
            const done = day <= view.cycle!.position;
            const bonus = view.cycle!.bonusDays[day];
            return (
              <li key={day} className="flex flex-col items-center gap-1">
                <span
                  className={cn(
                    "flex size-9 items-center justify-center rounded-full border text-sm font-semibold",
                    done ? "border-brand bg-brand text-brand-fg" : bonus ? "border-brand bg-brand-soft text-brand" : "border-border bg-surface-2 text-muted",
                  )}
                >
                  <span aria-hidden>{done ? "✓" : bonus ? "★" : day}</span>
                  <span className="sr-only">{done ? t("cycleDayDone", { day }) : t("cycleDay", { day })}</span>
                </span>
                <span className={cn("tabular text-xs", bonus ? "font-semibold text-brand" : "text-muted")}>{bonus ? t("cycleDayBonus", { points: format.number(bonus) }) : t("cycleDay", { day })}</span>
              </li>
            );
          })}
        </ol>
      ) : null}
      <div className="mt-4">
        <CheckInButton checkedToday={view.checkedToday} points={view.todayPoints} />
      </div>
      <ul className="mt-2 flex flex-col gap-1 text-sm text-muted">
        {!view.checkedToday && view.todayBonus > 0 ? <li className="font-medium text-brand">{t("todayBonus", { points: format.number(view.todayBonus) })}</li> : null}
        {view.checkedToday ? <li>{t("comeBack")}</li> : null}
        {view.nextBonus && !(view.nextBonus.inDays === 0 && view.todayBonus > 0) ? (
          <li>{t("nextBonus", { inDays: view.nextBonus.inDays, points: format.number(view.nextBonus.points), day: view.nextBonus.day })}</li>
        ) : null}
      </ul>
    </Card>
  );
}
