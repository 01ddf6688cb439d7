import type { ReactNode } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MallTabs } from "@/components/mall/mall-tabs";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

/** The `?before=` cursor of a member list page (the no-JavaScript "load more"), or null. */
export function beforeCursor(sp: { before?: string | string[] }): string | null {
  return typeof sp.before === "string" && sp.before ? sp.before : null;
}

/**
 * The frame the member's mall lists share (my redemptions, my coupons): tabs, header, a way back to
 * the newest page when opened at a cursor, the empty state with a way into the mall, and the list.
 * A cursor that no longer exists (the page came back null) falls back to the first page.
 */
export async function MemberListPage<P extends { rows: unknown[] }>({
  namespace,
  path,
  browseHref,
  before,
  load,
  list,
}: {
  /** Message namespace with title, intro, backToNewest, empty, emptyHint, browse. */
  namespace: "coupons" | "redemptions";
  path: string;
  browseHref: string;
  before: string | null;
  load: (cursor: string | null) => Promise<P | null>;
  list: (first: P, startCursor: string | null) => ReactNode;
}) {
  const [t, page] = await Promise.all([getTranslations(namespace), load(before)]);
  const first = page ?? (await load(null))!;
  const startCursor = page ? before : null;
  return (
    <div className="flex flex-col gap-4">
      <MallTabs />
      <PageHeader title={t("title")} intro={t("intro")} />
      {startCursor ? (
        <p className="text-sm text-muted">
          <Link href={path} className="font-medium text-brand underline">
            {t("backToNewest")}
          </Link>
        </p>
      ) : null}
      {first.rows.length === 0 ? (
        <EmptyState title={t("empty")}>
          <div className="flex flex-col items-center gap-3">
            <p>{t("emptyHint")}</p>
            <LinkButton href={browseHref}>{t("browse")}</LinkButton>
          </div>
        </EmptyState>
      ) : (
        list(first, startCursor)
      )}
    </div>
  );
}
