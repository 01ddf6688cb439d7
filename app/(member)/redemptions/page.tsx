import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MallTabs } from "@/components/mall/mall-tabs";
import { RedemptionList } from "@/components/mall/redemption-list";
import { redemptionsPage } from "@/components/mall/redemptions-data";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { newId } from "@/lib/ids";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("redemptions"))("title") };
}

// My redemptions: everything the member redeemed, newest first, with its status.
// `?before=` (a cursor) is the no-JavaScript "load more".
export default async function RedemptionsPage({ searchParams }: { searchParams: Promise<{ before?: string | string[] }> }) {
  const actor = await requirePage("member:use");
  const sp = await searchParams;
  const before = typeof sp.before === "string" && sp.before ? sp.before : null;
  const [t, page] = await Promise.all([getTranslations("redemptions"), redemptionsPage(actor.userId, before)]);
  const first = page ?? (await redemptionsPage(actor.userId, null))!;
  const startCursor = page ? before : null;
  return (
    <div className="flex flex-col gap-4">
      <MallTabs />
      <PageHeader title={t("title")} intro={t("intro")} />
      {startCursor ? (
        <p className="text-sm text-muted">
          <Link href="/redemptions" className="font-medium text-brand underline">
            {t("backToNewest")}
          </Link>
        </p>
      ) : null}
      {first.rows.length === 0 ? (
        <EmptyState title={t("empty")}>
          <div className="flex flex-col items-center gap-3">
            <p>{t("emptyHint")}</p>
            <LinkButton href="/mall">{t("browse")}</LinkButton>
          </div>
        </EmptyState>
      ) : (
        <RedemptionList key={startCursor ?? "first"} first={first} startCursor={startCursor} renderKey={newId()} />
      )}
    </div>
  );
}
