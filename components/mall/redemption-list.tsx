"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { loadRedemptionsPage } from "@/app/[locale]/(member)/redemptions/actions";
import { LoadMore, useInfinitePages } from "./infinite";
import type { RedemptionRowData, RedemptionsPage } from "./redemptions-data";
import { RewardImage } from "./reward-image";
import { StatusBadge } from "./status-badge";

/** The member's redemptions with infinite scroll (first page from the server, the rest by cursor). */
export function RedemptionList({ first, startCursor, renderKey }: { first: RedemptionsPage; startCursor: string | null; renderKey: string }) {
  const t = useTranslations("redemptions");
  const query = useInfinitePages(["member-redemptions", startCursor, renderKey], first, startCursor, (cursor) => loadRedemptionsPage({ cursor }));
  const rows = query.data.pages.flatMap((p) => p.rows);
  const last = query.data.pages[query.data.pages.length - 1]!;
  return (
    <div>
      <ul aria-label={t("listLabel")} aria-busy={query.isFetchingNextPage} className="flex flex-col gap-3" data-testid="redemption-list">
        {rows.map((r) => (
          <RedemptionRow key={r.id} row={r} />
        ))}
      </ul>
      <LoadMore
        query={query}
        nextHref={last.nextCursor ? `/redemptions?before=${last.nextCursor}` : null}
        count={rows.length}
        testId="redemptions-load-more"
        labels={{ loadMore: t("loadMore"), loading: t("loading"), loaded: t("loaded", { count: rows.length }), end: t("end"), error: t("error"), retry: t("retry") }}
      />
    </div>
  );
}

function RedemptionRow({ row }: { row: RedemptionRowData }) {
  const t = useTranslations("redemptions");
  const format = useFormatter();
  return (
    <li>
      <Link href={`/redemptions/${row.id}`} className="flex items-center gap-3 rounded-2xl border border-border bg-surface p-3 hover:border-brand" data-testid="redemption-row">
        <RewardImage src={row.imageUrl} alt="" type={row.type} className="w-16 shrink-0" sizes="4rem" />
        <div className="min-w-0 flex-1">
          <p className="line-clamp-2 font-medium">{row.rewardName}</p>
          <p className="mt-0.5 text-sm text-muted">
            <span className="tabular">{t("row", { quantity: row.quantity, points: format.number(row.pointsSpent) })}</span>
            {" · "}
            <time dateTime={row.createdAt}>{format.dateTime(new Date(row.createdAt), { year: "numeric", month: "short", day: "numeric" })}</time>
          </p>
        </div>
        <StatusBadge status={row.status} />
      </Link>
    </li>
  );
}
