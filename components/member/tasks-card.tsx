import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { Card, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { isLocale } from "@/lib/i18n/locales";
import type { ActionRule } from "@/lib/rules";
import { isTaskDone, type TaskState } from "./logic";

export interface TaskItem {
  type: string;
  rule: ActionRule;
  state: TaskState;
}

/** The action rules a member can still act on (profile, review, share…) with their reward and state. */
export function TasksCard({ tasks }: { tasks: TaskItem[] }) {
  const t = useTranslations("member");
  const format = useFormatter();
  const raw = useLocale();
  const locale = isLocale(raw) ? raw : "zh-CN";
  const stateText = (s: TaskState) => {
    switch (s.kind) {
      case "done":
        return t("tasks.state.done");
      case "done-today":
        return t("tasks.state.doneToday");
      case "done-month":
        return t("tasks.state.doneMonth");
      case "open":
        return t(`tasks.state.${s.per}`, { used: s.used, max: s.max });
      case "open-unlimited":
        return t("tasks.state.open");
    }
  };
  return (
    <Card aria-labelledby="tasks-heading">
      <div className="flex items-baseline justify-between gap-2">
        <CardTitle id="tasks-heading">{t("tasks.heading")}</CardTitle>
        <Link href="/how-to-earn" className="text-sm font-medium text-brand underline-offset-4 hover:underline">
          {t("home.howToEarnLink")}
        </Link>
      </div>
      {tasks.length === 0 ? (
        <p className="mt-3 text-sm text-muted">{t("tasks.empty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-border">
          {tasks.map(({ type, rule, state }) => {
            const done = isTaskDone(state);
            const hintKey = `tasks.hints.${type}`;
            return (
              <li key={type} className="flex items-center gap-3 py-3" data-testid={`task-${type}`}>
                <span aria-hidden className={cn("flex size-9 shrink-0 items-center justify-center rounded-full text-sm font-semibold", done ? "bg-ok-soft text-ok" : "bg-brand-soft text-brand")}>
                  {done ? "✓" : "+"}
                </span>
                <div className="min-w-0 flex-1">
                  <p className={cn("font-medium", done && "text-muted")}>{rule.name[locale]}</p>
                  {t.has(hintKey) ? <p className="text-sm text-muted">{t(hintKey)}</p> : null}
                </div>
                <div className="shrink-0 text-right">
                  <p className={cn("tabular font-semibold", done ? "text-muted" : "text-brand")}>
                    {t("tasks.points", { points: format.number(rule.points) })}
                    <span className="sr-only"> {t("pointsUnit")}</span>
                  </p>
                  <p className={cn("text-xs", done ? "font-medium text-ok" : "text-muted")}>{stateText(state)}</p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
