"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { v7 } from "uuid";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { LOW_STOCK, quote, type Blocker, type Quote, type RewardTerms } from "@/lib/mall/pricing";
import { Countdown } from "./countdown";
import type { LiveTerms, MallMe } from "./me";
import { LoadFailed } from "./load-failed";
import { useMallMe, useServerNow } from "./personal";
import { Price } from "./price";

// A reward page's personal parts on the cached page (app/[locale]/(catalogue)/mall/r/[id]): the
// member's price, balance before and after, and either the way to redeem or exactly why not — all
// from quote() over the reward's terms as /api/mall/me read them at this request (stock, window,
// limit: never the cached page's), so the button is as current as the redemption's own checks.

/** What the cached page knows about the reward (its terms when it was rendered, and names). */
export interface DetailReward extends LiveTerms {
  id: string;
  flash: boolean;
  /** Names of the tiers it is reserved for, in the page's language. */
  tierNames: string[];
}

const WHEN = { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" } as const;

const termsOf = (t: LiveTerms): RewardTerms => ({ ...t, startsAt: t.startsAt ? new Date(t.startsAt) : null, endsAt: t.endsAt ? new Date(t.endsAt) : null });

interface Personal {
  me: MallMe;
  terms: LiveTerms;
  q: Quote;
  at: Date;
}

/** The member's quote for one unit, or null until /api/mall/me has answered. */
function usePersonal(reward: DetailReward): Personal | null {
  const { me } = useMallMe();
  const live = me?.reward?.terms ?? reward;
  const at = useServerNow([live.startsAt, live.endsAt]);
  if (!me) return null;
  const q = quote(termsOf(live), { ...me.position, alreadyRedeemed: me.reward?.held ?? 0 }, 1, at);
  return { me, terms: live, q, at };
}

export function DetailPrice({ reward }: { reward: DetailReward }) {
  const p = usePersonal(reward);
  return (
    <div data-testid="reward-price">
      <Price unit={p ? p.q.unitPoints : reward.pointsPrice} list={reward.pointsPrice} discount={p && p.q.discountBps > 0 ? p.me.discount : null} size="lg" />
    </div>
  );
}

/** "Ends in …" for a running flash reward, "Opens in …" before the window. */
export function DetailCountdown({ reward }: { reward: DetailReward }) {
  const p = usePersonal(reward);
  if (!p) return null;
  const { startsAt, endsAt } = p.terms;
  const started = !startsAt || Date.parse(startsAt) <= p.at.getTime();
  if (!started) {
    return (
      <p className="font-semibold text-brand">
        <Countdown to={startsAt!} serverNow={p.at.toISOString()} kind="opens" />
      </p>
    );
  }
  if (reward.flash && endsAt && p.at.getTime() < Date.parse(endsAt)) {
    return (
      <p className="font-semibold text-brand">
        <Countdown to={endsAt} serverNow={p.at.toISOString()} kind="ends" />
      </p>
    );
  }
  return null;
}

/** Balance now and after one unit, then the redeem button or the reason it is not there. */
export function DetailRedeem({ reward }: { reward: DetailReward }) {
  const t = useTranslations("mall");
  const format = useFormatter();
  const { failed } = useMallMe();
  const p = usePersonal(reward);
  // The confirmation token of this visit: it travels to the confirm step and makes the redemption
  // idempotent (a double click or a retry returns the first redemption).
  const [token] = useState(() => v7());
  if (failed) return <LoadFailed />;
  if (!p) {
    return (
      <div className="flex flex-col gap-3" aria-busy="true">
        <span className="sr-only">{t("loadingPersonal")}</span>
        <Skeleton className="h-20 w-full rounded-2xl" />
        <Skeleton className="h-11 w-full sm:w-32" />
      </div>
    );
  }
  const { q, me } = p;
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 rounded-2xl bg-surface-2 p-4 text-sm">
        <div>
          <dt className="text-muted">{t("detail.balance")}</dt>
          <dd className="tabular text-lg font-semibold" data-testid="detail-balance">
            {format.number(me.position.availablePoints)}
          </dd>
        </div>
        <div>
          <dt className="text-muted">{t("detail.after")}</dt>
          <dd className={`tabular text-lg font-semibold ${q.balanceAfter < 0 ? "text-danger" : ""}`}>{q.balanceAfter < 0 ? "—" : format.number(q.balanceAfter)}</dd>
        </div>
      </dl>
      {q.blocker ? (
        <Blocked blocker={q.blocker} personal={p} reward={reward} />
      ) : (
        <LinkButton href={`/mall/r/${reward.id}/confirm?t=${token}`} className="w-full text-base sm:w-auto" data-testid="redeem">
          {t("detail.redeem")}
        </LinkButton>
      )}
    </>
  );
}

/** Why this member cannot redeem this reward now, with what would change it. */
function Blocked({ blocker, personal, reward }: { blocker: Blocker; personal: Personal; reward: DetailReward }) {
  const t = useTranslations("mall.detail.blockers");
  const format = useFormatter();
  const { me, terms, q, at } = personal;
  const when = (iso: string | null) => format.dateTime(iso ? new Date(iso) : at, WHEN);
  let text: string;
  switch (blocker) {
    case "insufficient-points":
      text = t("insufficient-points", { missing: format.number(q.missingPoints) });
      break;
    case "out-of-stock":
      text = t("out-of-stock");
      break;
    case "limit-reached":
      text = t("limit-reached", { held: me.reward?.held ?? 0, limit: terms.perMemberLimit ?? 0 });
      break;
    case "not-eligible:tier":
      text = t("tier", { tiers: format.list(reward.tierNames, { type: "disjunction" }), tier: me.tierName });
      break;
    case "not-eligible:not-started":
      text = t("not-started", { date: when(terms.startsAt) });
      break;
    case "not-eligible:ended":
      text = t("ended", { date: when(terms.endsAt) });
      break;
    case "not-eligible:frozen":
      text = t("frozen");
      break;
    case "not-eligible:inactive":
      text = t("inactive");
      break;
  }
  return (
    <div className="flex flex-col gap-2" data-testid="redeem-blocked">
      <Alert tone={blocker === "insufficient-points" || blocker === "not-eligible:not-started" ? "info" : "warn"}>{text}</Alert>
      {blocker === "insufficient-points" ? (
        <Link href="/how-to-earn" className="self-start text-sm font-medium text-brand underline">
          {t("earnMore")}
        </Link>
      ) : blocker === "not-eligible:tier" ? (
        <Link href="/how-to-earn#tiers" className="self-start text-sm font-medium text-brand underline">
          {t("tiersLink")}
        </Link>
      ) : null}
    </div>
  );
}

/** Stock as it is now (the cached page's figure until /api/mall/me answers). */
export function StockValue({ reward }: { reward: DetailReward }) {
  const t = useTranslations("mall");
  const { me } = useMallMe();
  const stock = me?.reward?.terms.stock ?? reward.stock;
  if (stock === null) return null;
  return stock === 0 ? t("status.soldOut") : stock <= LOW_STOCK ? <span className="font-semibold text-warn">{t("status.lowStock", { left: stock })}</span> : t("detail.inStock");
}

/** "3 per member · 2 more for you" once the member's holding is known. */
export function LimitValue({ reward }: { reward: DetailReward }) {
  const t = useTranslations("mall.detail");
  const p = usePersonal(reward);
  const limit = p?.terms.perMemberLimit ?? reward.perMemberLimit;
  if (limit === null) return null;
  if (!p) return <Skeleton className="ml-auto h-4 w-32" />;
  return t("limitValue", { limit, left: p.q.limitLeft ?? 0 });
}
