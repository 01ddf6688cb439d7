"use client";

import { useQuery } from "@tanstack/react-query";
import { useLocale } from "next-intl";
import { useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { usePublicPathname } from "@/components/shell/nav-link";
import { mallMeUrl, queryFor, type MallMe } from "./me";

// The member's side of a cached mall page: one /api/mall/me request per page view (the query is
// chosen from the address: shelves on the home, the reward on a reward page), shared by everything
// on the page through a context. Never reused across page views (gcTime 0), so the balance after a
// redemption is read again rather than shown from memory.

export interface MallMeState {
  me: MallMe | null;
  failed: boolean;
  retry: () => void;
  /** Milliseconds to add to the browser's clock to get the server's. */
  skew: number;
}

const MallMeContext = createContext<MallMeState>({ me: null, failed: false, retry: () => {}, skew: 0 });

class SignedOut extends Error {}

async function fetchMe(url: string): Promise<MallMe & { receivedAt: number }> {
  const res = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  if (res.status === 401) throw new SignedOut();
  if (!res.ok) throw new Error(`mall/me answered ${res.status}`);
  return { ...((await res.json()) as MallMe), receivedAt: Date.now() };
}

export function MallMeProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const pathname = usePublicPathname();
  const q = queryFor(pathname);
  const url = mallMeUrl(locale, q);
  const query = useQuery({ queryKey: ["mall-me", url], queryFn: () => fetchMe(url), staleTime: 0, gcTime: 0, refetchOnWindowFocus: false, retry: (n, e) => !(e instanceof SignedOut) && n < 1 });
  const signedOut = query.error instanceof SignedOut;
  const router = useRouter();
  useEffect(() => {
    // The session ended since the page was served: sign in again and come back here.
    if (signedOut) router.replace(`/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }, [signedOut, router]);
  const data = query.data;
  const { refetch } = query;
  const failed = query.isError && !signedOut;
  const value = useMemo<MallMeState>(() => ({ me: data ?? null, failed, retry: () => void refetch(), skew: data ? Date.parse(data.now) - data.receivedAt : 0 }), [data, failed, refetch]);
  return <MallMeContext.Provider value={value}>{children}</MallMeContext.Provider>;
}

export function useMallMe(): MallMeState {
  return useContext(MallMeContext);
}

/**
 * The server's time as of the last render: /api/mall/me's clock when it answered, and after that
 * the browser's clock corrected by the skew it showed. The component renders again when the next of
 * `boundaries` (ISO instants: a window opening or closing) passes, so a cached page changes state on
 * time without a request. Meaningless (the epoch) until /api/mall/me has answered.
 */
export function useServerNow(boundaries: readonly (string | null)[]): Date {
  const { me, skew } = useMallMe();
  // The browser's clock when a boundary passed (set by the timer, never read during render).
  const [clock, setClock] = useState<number | null>(null);
  const at = new Date(Math.max(me ? Date.parse(me.now) : 0, clock === null ? 0 : clock + skew));
  const next = boundaries
    .map((b) => (b ? Date.parse(b) : NaN))
    .filter((t) => t > at.getTime())
    .sort((a, b) => a - b)[0];
  const loaded = me !== null;
  useEffect(() => {
    if (!loaded || next === undefined) return;
    // setTimeout holds at most ~24.8 days; a later boundary re-arms after that.
    const id = window.setTimeout(() => setClock(Date.now()), Math.min(Math.max(0, next - (Date.now() + skew)) + 50, 2 ** 31 - 1));
    return () => window.clearTimeout(id);
  }, [loaded, next, skew]);
  return at;
}
