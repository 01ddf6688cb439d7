"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/components/ui/cn";
import { Countdown } from "./countdown";
import { useMallMe, useServerNow } from "./personal";
import { Price } from "./price";
import { RewardImage } from "./reward-image";
import { personalize, stillOffered, type CardStatus, type CatalogueCard } from "./view";

const WHEN = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" } as const;

/**
 * One reward in a shelf or a listing: picture, name, the member's price and one status line. The
 * card comes from a page cached for everyone; the member's price and status are worked out here
 * once /api/mall/me has answered (a placeholder line until then). A card whose window has closed
 * since the page was cached is left out. The whole card is one link; its name is the link's name.
 */
export function RewardCard({ card, className }: { card: CatalogueCard; className?: string }) {
  const t = useTranslations("mall");
  const { me } = useMallMe();
  const at = useServerNow([card.startsAt, card.endsAt]);
  const mine = me ? personalize(card, me.position, at) : null;
  if (me && !stillOffered(card, at)) return null;
  const running = mine && card.flash && card.endsAt && mine.status.kind !== "not-started";
  return (
    <Link
      href={`/mall/r/${card.id}`}
      // A shelf or grid holds dozens of cards: prefetching each cached reward page as it scrolls into
      // view would cost the server a page per card. The page is served from the cache on the tap.
      prefetch={false}
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
        <Price unit={mine?.unitPoints ?? card.pointsPrice} list={card.pointsPrice} size="sm" />
        {running ? <Countdown to={card.endsAt!} serverNow={at.toISOString()} kind="ends" className="text-xs font-medium text-brand" /> : null}
        {mine ? <StatusLine status={mine.status} now={at} /> : <Skeleton className="h-4 w-2/3" />}
      </div>
    </Link>
  );
}

function StatusLine({ status, now }: { status: CardStatus; now: Date }) {
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
          {new Date(status.startsAt).getTime() - now.getTime() < 86_400_000 ? (
            <Countdown to={status.startsAt} serverNow={now.toISOString()} kind="opens" />
          ) : (
            t("opens", { date: format.dateTime(new Date(status.startsAt), WHEN) })
          )}
        </p>
      );
    case "needs-points":
      return <p className="text-xs text-muted">{t("needsPoints", { missing: status.missing })}</p>;
    case "ended":
    case "unavailable":
      return <p className="text-xs text-muted">{t("unavailable")}</p>;
  }
}
