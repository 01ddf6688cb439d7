import Link from "next/link";
import type { ReactNode } from "react";
import { LinkButton } from "./button";
import { cn } from "./cn";

/**
 * A keyset list's links: back to the newest page and on to the next (older) one. Renders nothing
 * when there is neither. Used as a DataTable footer.
 */
export function KeysetPager({ newest, next }: { newest?: { href: string; label: string } | null; next?: { href: string; label: string } | null }) {
  if (!newest && !next) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {newest ? (
        <LinkButton href={newest.href} variant="secondary">
          {newest.label}
        </LinkButton>
      ) : null}
      {next ? (
        <LinkButton href={next.href} variant="secondary" rel="next">
          {next.label}
        </LinkButton>
      ) : null}
    </div>
  );
}

/** A queue's status filter: one link per status, the current one marked for readers and screen readers. */
export function StatusTabs({ label, tabs }: { label: string; tabs: { href: string; label: ReactNode; current: boolean }[] }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-2">
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={cn("inline-flex min-h-11 items-center rounded-lg border px-3 text-sm", tab.current ? "border-brand font-semibold text-brand" : "border-border")}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
