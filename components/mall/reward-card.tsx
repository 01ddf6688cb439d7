import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Countdown } from "./countdown";
import { Price } from "./price";
import { RewardImage } from "./reward-image";
import type { CardStatus, RewardCardData } from "./view";

const WHEN = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" } as const;

/**
 * One reward in a shelf or a listing: picture, name, the member's price and one status line.
 * Rendered by server pages and by the client lists (infinite scroll), so it uses next-intl's hooks.
 * The whole card is one link; its name is the link's accessible name.
 */
export function RewardCard({ card, now, className }: { card: RewardCardData; now: string; className?: string }) {
  const t = useTranslations("mall");
  const running = card.flash && card.endsAt && card.status.kind !== "not-started";
  return (
    <Link
      href={`/mall/r/${card.id}`}
      className={cn("group relative flex h-full flex-col gap-2 rounded-2xl border border-border bg-surface p-2.5 hover:border-brand", className)}
      data-testid="reward-card"
    >
      <div className="relative">
        <RewardImage src={card.imageUrl} alt="" type={card.type} />
        {card.flash ? (
          <span className="absolute left-1.5 top-1.5 rounded-full bg-brand px-2 py-0.5 text-xs font-semibold text-brand-fg">{t("flashBadge")}</span>
        ) : null}
      </div>
      <p className="line-clamp-2 min-h-10 text-sm font-medium leading-5 group-hover:underline">{card.name}</p>
      <div className="mt-auto flex flex-col gap-1">
        <Price unit={card.unitPoints} list={card.listPoints} size="sm" />
        {running ? <Countdown to={card.endsAt!} serverNow={now} kind="ends" className="text-xs font-medium text-brand" /> : null}
        <StatusLine status={card.status} now={now} />
      </div>
    </Link>
  );
}

function StatusLine({ status, now }: { status: CardStatus; now: string }) {
  const t = useTranslations("mall.status");
  const format = useFormatter();
  switch (status.kind) {
    case "open":
      return null;
    case "low-stock":
      return <p className="text-xs font-medium text-warn">{t("lowStock", { left: status.left })}</p>;
    case "sold-out":
      return <p className="text-xs font-medium text-danger">{t("soldOut")}</p>;
    case "tier":
      return <p className="text-xs text-muted">{t("tier", { tiers: format.list(status.tiers, { type: "disjunction" }) })}</p>;
    case "not-started":
      return (
        <p className="text-xs font-medium text-muted">
          {new Date(status.startsAt).getTime() - new Date(now).getTime() < 86_400_000 ? (
            <Countdown to={status.startsAt} serverNow={now} kind="opens" />
          ) : (
            t("opens", { date: format.dateTime(new Date(status.startsAt), WHEN) })
          )}
        </p>
      );
    case "needs-points":
      return <p className="text-xs text-muted">{t("needsPoints", { missing: status.missing })}</p>;
    case "unavailable":
      return <p className="text-xs text-muted">{t("unavailable")}</p>;
  }
}
