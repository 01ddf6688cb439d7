import { useFormatter, useTranslations } from "next-intl";
import type { BindingHistoryItem, DistributorRef } from "@/lib/distribution/binding-history";

const DATE = { year: "numeric", month: "short", day: "numeric" } as const;

function who(d: DistributorRef | null, none: string): string {
  if (!d) return none;
  return d.code ? `${d.name || d.code} (${d.code})` : d.name;
}

/**
 * A member's binding changes, newest first. `showActor` adds who did it (by `actorLabel`, the raw
 * actor in the tooltip) and the reason (admin pages); members see the source and the reason of an
 * admin change.
 */
export function BindingHistory({ items, showActor = false, actorLabel = (raw) => raw }: { items: BindingHistoryItem[]; showActor?: boolean; actorLabel?: (raw: string) => string }) {
  const t = useTranslations("referral.history");
  const format = useFormatter();
  if (!items.length) return <p className="text-sm text-muted">{t("empty")}</p>;
  return (
    <ol className="divide-y divide-border" data-testid="binding-history">
      {items.map((e) => (
        <li key={e.id} className="flex flex-col gap-0.5 py-2 text-sm">
          <p className="font-medium">
            {e.to ? (e.from ? t("moved", { from: who(e.from, "—"), to: who(e.to, "—") }) : t("bound", { to: who(e.to, "—") })) : t("lapsed", { from: who(e.from, "—") })}
          </p>
          <p className="text-xs text-muted">
            {format.dateTime(e.at, DATE)} · {t(`source.${e.source}`)}
            {e.mode === "signup" || e.mode === "first-order" ? ` · ${t(`mode.${e.mode}`)}` : ""}
            {e.to && e.expiresAt ? ` · ${t("expiresAt", { date: format.dateTime(e.expiresAt, DATE) })}` : ""}
          </p>
          {e.reason ? <p className="text-xs text-muted">{t("reason", { reason: e.reason })}</p> : null}
          {showActor ? (
            <p className="text-xs text-muted" title={e.actor}>
              {t("actor", { actor: actorLabel(e.actor) })}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
