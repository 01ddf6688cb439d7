"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { loadHistoryPage } from "@/app/[locale]/(member)/history/actions";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { EntrySkeletons } from "./entry-skeletons";
import { EntryRow } from "./entry-row";
import type { HistoryPage } from "./history-data";
import { historyHref, type HistoryFilter } from "./history-filter";

/**
 * The ledger list with infinite scroll: the server renders the first page; later pages come from
 * the loadHistoryPage action by cursor when the end of the list scrolls into view, or when the
 * "load more" button is pressed (which is also a plain link to the next page without JavaScript).
 * `renderKey` is unique per server render, so a fresh visit starts from fresh server data.
 */
export function HistoryList({ filter, first, startCursor, renderKey }: { filter: HistoryFilter | null; first: HistoryPage; startCursor: string | null; renderKey: string }) {
  const t = useTranslations("member.history");
  const query = useInfiniteQuery({
    queryKey: ["member-history", filter, startCursor, renderKey],
    queryFn: ({ pageParam }) => loadHistoryPage({ filter, cursor: pageParam! }),
    initialPageParam: startCursor,
    getNextPageParam: (last: HistoryPage) => last.nextCursor,
    initialData: { pages: [first], pageParams: [startCursor] },
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: 1,
  });
  const { data, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const entries = data.pages.flatMap((p) => p.entries);
  const pages = data.pages.length;

  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || isFetchNextPageError || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver((items) => {
      if (items.some((i) => i.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: "600px 0px" });
    io.observe(el);
    return () => io.disconnect();
  }, [hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  const last = data.pages[data.pages.length - 1]!;
  return (
    <div className="flex flex-col">
      <ul aria-label={t("listLabel")} className="divide-y divide-border" data-testid="history-entries" aria-busy={isFetchingNextPage}>
        {entries.map((e) => (
          <EntryRow key={e.id} entry={e} />
        ))}
      </ul>
      {isFetchingNextPage ? (
        <div aria-hidden className="flex flex-col gap-3 py-3">
          <EntrySkeletons count={3} />
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only">
        {isFetchingNextPage ? t("loading") : pages > 1 ? t("loaded", { count: entries.length }) : ""}
      </p>
      {isFetchNextPageError ? (
        <div className="mt-3 flex flex-col gap-2">
          <Alert tone="error">{t("error")}</Alert>
          <Button variant="secondary" onClick={() => void fetchNextPage()}>
            {t("retry")}
          </Button>
        </div>
      ) : hasNextPage ? (
        <div ref={sentinel} className="mt-3 flex justify-center">
          <Link
            href={historyHref(filter, last.nextCursor)}
            className={buttonClass("secondary", "w-full sm:w-auto")}
            aria-disabled={isFetchingNextPage}
            onClick={(ev) => {
              ev.preventDefault();
              if (!isFetchingNextPage) void fetchNextPage();
            }}
            data-testid="history-load-more"
          >
            {isFetchingNextPage ? t("loading") : t("loadMore")}
          </Link>
        </div>
      ) : entries.length > 0 ? (
        <p className="py-4 text-center text-sm text-muted">{t("end")}</p>
      ) : null}
    </div>
  );
}
