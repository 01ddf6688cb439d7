import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CouponList } from "@/components/mall/coupon-list";
import { couponsPage } from "@/components/mall/coupons-data";
import { beforeCursor, MemberListPage } from "@/components/mall/member-list-page";
import { requirePage } from "@/lib/auth/guard";
import { newId } from "@/lib/ids";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("coupons"))("title") };
}

// The coupon wallet: every code the member got from the mall, valid / used / expired, with copy.
export default async function CouponsPage({ searchParams }: { searchParams: Promise<{ before?: string | string[] }> }) {
  const actor = await requirePage("member:use");
  return (
    <MemberListPage
      namespace="coupons"
      path="/coupons"
      browseHref="/mall/c/coupons"
      before={beforeCursor(await searchParams)}
      load={(cursor) => couponsPage(actor.userId, cursor)}
      list={(first, startCursor) => <CouponList key={startCursor ?? "first"} first={first} startCursor={startCursor} renderKey={newId()} />}
    />
  );
}
