// What /api/mall/me answers: the signed-in member's side of the cached mall pages (the shell's
// name and areas, their points and tier price, their own shelves, and, on a reward page, how many
// they hold and the reward's terms as they are now). Shared by the route and the browser.
import type { Area } from "@/components/shell/nav";
import type { RewardType } from "@/db/schema";
import type { CatalogueCard, DiscountLabel, ShopperPosition } from "./view";

/** A reward's terms as the redemption will check them, read at the time of the request. */
export interface LiveTerms {
  type: RewardType;
  pointsPrice: number;
  stock: number | null;
  perMemberLimit: number | null;
  tierCodes: string[];
  active: boolean;
  startsAt: string | null;
  endsAt: string | null;
}

export interface MallMe {
  /** The server's clock (windows and countdowns run from it, corrected for the browser's). */
  now: string;
  shell: { name: string; areas: Area[] };
  position: ShopperPosition;
  /** The member's tier name, in the requested language. */
  tierName: string;
  discount: DiscountLabel | null;
  /** On the mall home: what they can afford now, and their tier's exclusives. */
  shelves: { affordable: CatalogueCard[]; exclusive: CatalogueCard[] } | null;
  /** On a reward page: units held (the per-member limit counts them) and the reward now. */
  reward: { held: number; terms: LiveTerms } | null;
}

export interface MallMeQuery {
  shelves?: boolean;
  reward?: string;
}

/** The route's address for a query (the locale is the page's, so cards come in its language). */
export function mallMeUrl(locale: string, q: MallMeQuery): string {
  const p = new URLSearchParams({ locale });
  if (q.shelves) p.set("shelves", "1");
  if (q.reward) p.set("reward", q.reward);
  return `/api/mall/me?${p}`;
}

const REWARD_PAGE = /^\/mall\/r\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** What a page at this (public) address asks /api/mall/me for: shelves on the home, the reward on its page. */
export function queryFor(pathname: string): MallMeQuery {
  if (pathname === "/mall") return { shelves: true };
  const reward = REWARD_PAGE.exec(pathname)?.[1];
  return reward ? { reward: reward.toLowerCase() } : {};
}
