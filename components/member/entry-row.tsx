import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { EntryRowData } from "./entry-text";

// One ledger entry. Rendered by the home page (server) and the history list (client), so it uses
// next-intl's hooks, which work in both. The sign (+ / −) and the type label carry the meaning;
// the colour only repeats it.
const categoryTone: Record<EntryRowData["category"], string> = {
  earn: "bg-ok-soft text-ok",
  gift: "bg-brand-soft text-brand",
  restore: "bg-ok-soft text-ok",
  spend: "bg-surface-2 text-fg",
  expire: "bg-warn-soft text-warn",
  reverse: "bg-danger-soft text-danger",
  adjust: "bg-surface-2 text-fg",
};

export function EntryRow({ entry }: { entry: EntryRowData }) {
  const t = useTranslations("member");
  const format = useFormatter();
  const at = new Date(entry.createdAt);
  const credit = entry.points >= 0;
  const amount = `${credit ? "+" : "−"}${format.number(Math.abs(entry.points))}`;
  return (
    <li className="flex items-start gap-3 py-3">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className={cn("shrink-0 rounded-full px-2 py-0.5 text-xs font-medium", categoryTone[entry.category])}>{t(`entry.types.${entry.category}`)}</span>
          {entry.href ? (
            <Link href={entry.href} className="min-w-0 break-words font-medium text-brand underline-offset-2 hover:underline">
              {entry.title}
            </Link>
          ) : (
            <span className="min-w-0 break-words font-medium">{entry.title}</span>
          )}
        </p>
        {entry.detail ? <p className="mt-1 break-words text-sm text-muted">{entry.detail}</p> : null}
        <p className="mt-1 text-xs text-muted">
          <time dateTime={entry.createdAt}>{format.dateTime(at, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })}</time>
        </p>
      </div>
      <p className={cn("tabular shrink-0 text-right text-lg font-semibold", credit ? "text-ok" : "text-danger")}>
        {amount}
        <span className="sr-only"> {t("pointsUnit")}</span>
      </p>
    </li>
  );
}
