"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { loadCouponsPage } from "@/app/[locale]/(member)/coupons/actions";
import { CouponCodeRow } from "./coupon-code";
import type { CouponsPage } from "./coupons-data";
import { LoadMore, useInfinitePages } from "./infinite";
import { RewardImage } from "./reward-image";

/** The coupon wallet: one card per code (usable ones carry a copy button), newest first. */
export function CouponList({ first, startCursor, renderKey }: { first: CouponsPage; startCursor: string | null; renderKey: string }) {
  const t = useTranslations("coupons");
  const query = useInfinitePages(["member-coupons", startCursor, renderKey], first, startCursor, (cursor) => loadCouponsPage({ cursor }));
  const rows = query.data.pages.flatMap((p) => p.rows);
  const last = query.data.pages[query.data.pages.length - 1]!;
  return (
    <div>
      <ul aria-label={t("listLabel")} aria-busy={query.isFetchingNextPage} className="grid gap-3 md:grid-cols-2" data-testid="coupon-list">
        {rows.map((c) => (
          <li key={c.id} className="flex flex-col gap-3 rounded-2xl border border-border bg-surface p-4" data-testid="wallet-coupon">
            <div className="flex items-center gap-3">
              <RewardImage src={c.imageUrl} alt="" type={c.type} className="w-12 shrink-0" sizes="3rem" />
              <p className="min-w-0 flex-1 text-sm font-medium">{c.rewardName}</p>
              {c.redemptionId ? (
                <Link href={`/redemptions/${c.redemptionId}`} className="shrink-0 text-xs font-medium text-brand underline-offset-4 hover:underline">
                  {t("redemption")}
                </Link>
              ) : null}
            </div>
            <CouponCodeRow code={c.code} validity={c.validity} validUntil={c.validUntil} usedAt={c.usedAt} />
          </li>
        ))}
      </ul>
      <LoadMore
        query={query}
        nextHref={last.nextCursor ? `/coupons?before=${last.nextCursor}` : null}
        count={rows.length}
        testId="coupons-load-more"
        labels={{ loadMore: t("loadMore"), loading: t("loading"), loaded: t("loaded", { count: rows.length }), end: t("end"), error: t("error"), retry: t("retry") }}
      />
    </div>
  );
}
