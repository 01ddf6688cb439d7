import { PageHeader } from "@/components/ui/page-header";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { historyPage } from "@/components/member/history-data";
import { HISTORY_FILTERS, historyHref, parseFilter, type HistoryFilter } from "@/components/member/history-filter";
import { HistoryList } from "@/components/member/history-list";
import { LinkButton } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePage } from "@/lib/auth/guard";
import { newId } from "@/lib/ids";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("member.history"))("title") };
}

// Points history: every ledger entry with its reason and explanation, filterable by type.
// `?filter=` picks a type; `?before=` (a cursor) is the no-JavaScript "load more".
export default async function HistoryPage({ searchParams }: { searchParams: Promise<{ filter?: string | string[]; before?: string | string[] }> }) {
  const actor = await requirePage("member:use");
  const sp = await searchParams;
  const filter = parseFilter(sp.filter);
  const before = typeof sp.before === "string" && sp.before ? sp.before : null;
  const [t, page] = await Promise.all([getTranslations("member.history"), historyPage(actor.userId, filter, before)]);
  // A cursor we didn't issue: show the newest entries instead of an error.
  const first = page ?? (await historyPage(actor.userId, filter, null))!;
  const startCursor = page ? before : null;

  const chips: { key: HistoryFilter | null; label: string }[] = [{ key: null, label: t("all") }, ...HISTORY_FILTERS.map((f) => ({ key: f, label: t(`filters.${f}`) }))];
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} intro={t("intro")} />
      <nav aria-label={t("filterLabel")}>
        <ul className="flex flex-wrap gap-2">
          {chips.map((c) => {
            const active = c.key === filter;
            return (
              <li key={c.key ?? "all"} className="shrink-0">
                <Link
                  href={historyHref(c.key)}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "inline-flex min-h-10 items-center rounded-full border px-3.5 text-sm",
                    active ? "border-brand bg-brand-soft font-semibold text-brand" : "border-border bg-surface text-fg hover:bg-surface-2",
                  )}
                >
                  {active ? <span aria-hidden className="mr-1">✓</span> : null}
                  {c.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {startCursor ? (
        <p className="text-sm text-muted">
          {t("olderView")}{" "}
          <Link href={historyHref(filter)} className="font-medium text-brand underline">
            {t("backToNewest")}
          </Link>
        </p>
      ) : null}
      {first.entries.length === 0 ? (
        <EmptyState title={filter ? t("emptyFiltered", { filter: t(`filters.${filter}`) }) : t("empty")}>
          {filter ? (
            <div className="flex flex-col items-center gap-3">
              <p>{t("emptyFilteredHint")}</p>
              <LinkButton href="/history" variant="secondary">
                {t("showAll")}
              </LinkButton>
            </div>
          ) : (
            t("emptyHint")
          )}
        </EmptyState>
      ) : (
        <section className="rounded-2xl border border-border bg-surface px-4 sm:px-6">
          <HistoryList key={`${filter}:${startCursor}`} filter={filter} first={first} startCursor={startCursor} renderKey={newId()} />
        </section>
      )}
    </div>
  );
}
