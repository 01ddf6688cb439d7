import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CouponList } from "@/components/mall/coupon-list";
import { couponsPage } from "@/components/mall/coupons-data";
import { MallTabs } from "@/components/mall/mall-tabs";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePage } from "@/lib/auth/guard";
import { newId } from "@/lib/ids";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("coupons"))("title") };
}

// The coupon wallet: every code the member got from the mall, valid / used / expired, with copy.
export default async function CouponsPage({ searchParams }: { searchParams: Promise<{ before?: string | string[] }> }) {
  const actor = await requirePage("member:use");
  const sp = await searchParams;
  const before = typeof sp.before === "string" && sp.before ? sp.before : null;
  const [t, page] = await Promise.all([getTranslations("coupons"), couponsPage(actor.userId, before)]);
  const first = page ?? (await couponsPage(actor.userId, null))!;
  const startCursor = page ? before : null;
  return (
    <div className="flex flex-col gap-4">
      <MallTabs />
      <PageHeader title={t("title")} intro={t("intro")} />
      {startCursor ? (
        <p className="text-sm text-muted">
          <Link href="/coupons" className="font-medium text-brand underline">
            {t("backToNewest")}
          </Link>
        </p>
      ) : null}
      {first.rows.length === 0 ? (
        <EmptyState title={t("empty")}>
          <div className="flex flex-col items-center gap-3">
            <p>{t("emptyHint")}</p>
            <LinkButton href="/mall/c/coupons">{t("browse")}</LinkButton>
          </div>
        </EmptyState>
      ) : (
        <CouponList key={startCursor ?? "first"} first={first} startCursor={startCursor} renderKey={newId()} />
      )}
    </div>
  );
}
