import Link from "next/link";
import type { ReactNode } from "react";
import { RewardCard } from "./reward-card";
import type { CatalogueCard } from "./view";

/**
 * A titled row of reward cards on the mall home: scrolls sideways (snapping card by card) on every
 * screen size, with a "see all" link to the full listing.
 */
export function Shelf({ id, title, cards, seeAll, seeAllLabel, intro, empty }: { id: string; title: ReactNode; cards: CatalogueCard[]; seeAll?: string; seeAllLabel?: string; intro?: ReactNode; empty?: ReactNode }) {
  if (!cards.length && !empty) return null;
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`shelf-${id}`}>
      <div className="flex items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-base font-semibold">
          {title}
        </h2>
        {seeAll && cards.length ? (
          <Link href={seeAll} className="shrink-0 text-sm font-medium text-brand underline-offset-4 hover:underline">
            {seeAllLabel}
          </Link>
        ) : null}
      </div>
      {intro ? <div className="text-sm text-muted">{intro}</div> : null}
      {cards.length ? (
        <ul className="relative -mx-3 mt-2 flex snap-x gap-3 overflow-x-auto px-3 pb-2 sm:mx-0 sm:px-0">
          {cards.map((c) => (
            <li key={c.id} className="w-40 shrink-0 snap-start md:w-44">
              <RewardCard card={c} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-2">{empty}</div>
      )}
    </section>
  );
}
