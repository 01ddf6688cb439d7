import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { formatMoney } from "@/components/member/money";
import { LinkButton } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import type { TeamLevel, TeamPage } from "@/lib/distribution/team";

/** Level 1 / level 2 switch with each level's head count; links, so it works without JavaScript. */
export function TeamTabs({ level, counts }: { level: TeamLevel; counts: { level1: number; level2: number } }) {
  const t = useTranslations("distributorPortal.team");
  const format = useFormatter();
  return (
    <nav aria-label={t("levels")} className="flex gap-2">
      {([1, 2] as const).map((l) => (
        <Link
          key={l}
          href={`/distributor/team?level=${l}`}
          aria-current={l === level ? "page" : undefined}
          data-testid={`team-tab-${l}`}
          className={cn(
            "inline-flex min-h-11 flex-1 items-center justify-center gap-2 rounded-lg px-3 text-sm font-medium sm:flex-none",
            l === level ? "bg-brand text-brand-fg" : "border border-border bg-surface text-fg hover:bg-surface-2",
          )}
        >
          {t("level", { level: l })}
          <span className="tabular">{format.number(l === 1 ? counts.level1 : counts.level2)}</span>
        </Link>
      ))}
    </nav>
  );
}

export function TeamList({ level, page, firstPage }: { level: TeamLevel; page: TeamPage; firstPage: boolean }) {
  const t = useTranslations("distributorPortal.team");
  const format = useFormatter();
  if (page.items.length === 0 && firstPage) return <EmptyState title={t("empty")}>{t(level === 1 ? "emptyHint1" : "emptyHint2")}</EmptyState>;
  return (
    <div className="flex flex-col gap-3">
      <ul className="divide-y divide-border rounded-2xl border border-border bg-surface" data-testid="team-list">
        {page.items.map((m) => (
          <li key={m.memberId} className="flex items-start justify-between gap-3 px-4 py-3 text-sm">
            <div>
              <p className="font-medium">{m.name}</p>
              <p className="text-xs text-muted">{t("joined", { date: format.dateTime(new Date(m.joinedAt), { year: "numeric", month: "short", day: "numeric" }) })}</p>
            </div>
            <div className="text-right">
              <p className="tabular font-semibold">{formatMoney(format, m.salesCents)}</p>
              <p className="text-xs text-muted">{t("orders", { count: m.orders })}</p>
            </div>
          </li>
        ))}
      </ul>
      {page.items.length === 0 ? <p className="text-sm text-muted">{t("endOfList")}</p> : null}
      <div className="flex gap-2">
        {!firstPage ? (
          <LinkButton href={`/distributor/team?level=${level}`} variant="secondary">
            {t("first")}
          </LinkButton>
        ) : null}
        {page.next ? (
          <LinkButton href={`/distributor/team?level=${level}&after=${page.next}`} variant="secondary" data-testid="team-next">
            {t("next")}
          </LinkButton>
        ) : null}
      </div>
    </div>
  );
}
