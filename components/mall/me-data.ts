// Server side of /api/mall/me: the member's position (balance, tier and its discount, frozen), and
// what the page asked for — their shelves on the mall home, or their holding of one reward and its
// terms now. Indexed reads only: the member's balance and profile, the rules in force, then two
// shelf reads or the reward's row and the member's units of it.
import { areasOf } from "@/components/shell/nav";
import type { UserActor } from "@/lib/auth/guard";
import type { Locale } from "@/lib/i18n/locales";
import type { Reward } from "@/db/schema";
import { loadShopper, memberShelves, rewardForMember, termsOf } from "@/lib/mall/catalogue";
import type { LiveTerms, MallMe, MallMeQuery } from "./me";
import { catalogueCardOf, discountOf, tierName } from "./view";

export async function mallMe(actor: UserActor, locale: Locale, q: MallMeQuery, at: Date): Promise<MallMe> {
  const [shopper, found] = await Promise.all([loadShopper(actor.userId, at), q.reward ? rewardForMember(q.reward, actor.userId) : null]);
  const shelves = q.shelves ? await memberShelves(shopper, at) : null;
  const card = (rows: NonNullable<typeof shelves>["affordable"]) => rows.map((r) => catalogueCardOf(r, shopper.tiers, locale));
  return {
    now: at.toISOString(),
    shell: { name: actor.name || actor.email, areas: areasOf(actor.roles) },
    position: { availablePoints: shopper.availablePoints, tierCode: shopper.tierCode, discountBps: shopper.discountBps, frozen: shopper.frozen },
    tierName: tierName(shopper.tiers, shopper.tierCode, locale),
    discount: discountOf(shopper, locale),
    shelves: shelves ? { affordable: card(shelves.affordable), exclusive: card(shelves.exclusive) } : null,
    reward: found ? { held: found.alreadyRedeemed, terms: liveTerms(found.reward) } : null,
  };
}

function liveTerms(r: Reward): LiveTerms {
  const t = termsOf(r);
  return { ...t, tierCodes: [...t.tierCodes], startsAt: t.startsAt?.toISOString() ?? null, endsAt: t.endsAt?.toISOString() ?? null };
}
