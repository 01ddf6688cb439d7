"use client";

import { useInfiniteQuery, type DefinedUseInfiniteQueryResult, type InfiniteData, type UseInfiniteQueryResult } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";

export interface Page {
  nextCursor: string | null;
}

/**
 * Pages after a server-rendered first page, fetched by cursor (a server action). `key` must change
 * whenever the query or the server render changes, so a fresh visit starts from fresh server data.
 * `first` null: the first page is fetched here too (cursor `startCursor`, null for the start).
 */
export function useInfinitePages<P extends Page>(key: readonly unknown[], first: P, startCursor: string | null, fetchPage: (cursor: string) => Promise<P>): DefinedUseInfiniteQueryResult<InfiniteData<P, string | null>>;
export function useInfinitePages<P extends Page>(key: readonly unknown[], first: P | null, startCursor: string | null, fetchPage: (cursor: string | null) => Promise<P>): UseInfiniteQueryResult<InfiniteData<P, string | null>>;
export function useInfinitePages<P extends Page>(key: readonly unknown[], first: P | null, startCursor: string | null, fetchPage: ((cursor: string) => Promise<P>) | ((cursor: string | null) => Promise<P>)) {
  // With a first page, the query only ever asks for the cursors pages returned (never null).
  const fetch = fetchPage as (cursor: string | null) => Promise<P>;
  return useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => fetch(pageParam),
    initialPageParam: startCursor,
    getNextPageParam: (last: P) => last.nextCursor,
    initialData: first ? { pages: [first], pageParams: [startCursor] } : undefined,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: 1,
  });
}

export interface LoadMoreLabels {
  loadMore: string;
  loading: string;
  /** Read out after a page arrives ("40 rewards shown"). */
  loaded: string;
  end: string;
  error: string;
  retry: string;
}

/**
 * The end of an infinite list: loads the next page when it scrolls into view, or on the button —
 * which is also a plain link to the next page (`nextHref`) for a browser without JavaScript.
 */
export function LoadMore({
  query,
  nextHref,
  labels,
  count,
  testId,
}: {
  query: Pick<ReturnType<typeof useInfinitePages>, "hasNextPage" | "isFetchingNextPage" | "isFetchNextPageError" | "fetchNextPage"> & { data: { pages: unknown[] } | undefined };
  nextHref: string | null;
  labels: LoadMoreLabels;
  count: number;
  testId: string;
}) {
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = query;
  const pages = query.data?.pages.length ?? 0;
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

  return (
    <>
      <p role="status" aria-live="polite" className="sr-only">
        {isFetchingNextPage ? labels.loading : pages > 1 ? labels.loaded : ""}
      </p>
      {isFetchNextPageError ? (
        <div className="mt-3 flex flex-col gap-2">
          <Alert tone="error">{labels.error}</Alert>
          <Button variant="secondary" onClick={() => void fetchNextPage()}>
            {labels.retry}
          </Button>
        </div>
      ) : hasNextPage && nextHref ? (
        <div ref={sentinel} className="mt-4 flex justify-center">
          <Link
            href={nextHref}
            className={buttonClass("secondary", "w-full sm:w-auto")}
            aria-disabled={isFetchingNextPage}
            onClick={(ev) => {
              ev.preventDefault();
              if (!isFetchingNextPage) void fetchNextPage();
            }}
            data-testid={testId}
          >
            {isFetchingNextPage ? labels.loading : labels.loadMore}
          </Link>
        </div>
      ) : count > 0 ? (
        <p className="py-4 text-center text-sm text-muted">{labels.end}</p>
      ) : null}
    </>
  );
}
