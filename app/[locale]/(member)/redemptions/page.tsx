import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { beforeCursor, MemberListPage } from "@/components/mall/member-list-page";
import { RedemptionList } from "@/components/mall/redemption-list";
import { redemptionsPage } from "@/components/mall/redemptions-data";
import { requirePage } from "@/lib/auth/guard";
import { newId } from "@/lib/ids";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("redemptions"))("title") };
}

// My redemptions: everything the member redeemed, newest first, with its status.
// `?before=` (a cursor) is the no-JavaScript "load more".
export default async function RedemptionsPage({ searchParams }: { searchParams: Promise<{ before?: string | string[] }> }) {
  const actor = await requirePage("member:use");
  return (
    <MemberListPage
      namespace="redemptions"
      path="/redemptions"
      browseHref="/mall"
      before={beforeCursor(await searchParams)}
      load={(cursor) => redemptionsPage(actor.userId, cursor)}
      list={(first, startCursor) => <RedemptionList key={startCursor ?? "first"} first={first} startCursor={startCursor} renderKey={newId()} />}
    />
  );
}
