"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { BalanceStrip } from "./balance-strip";
import { LoadFailed } from "./load-failed";
import { useMallMe } from "./personal";
import { Shelf } from "./shelf";
import { CardSkeletons } from "./skeletons";

// The mall home's personal parts on the cached page, from /api/mall/me: the member's points and
// discount, what they can afford now and their tier's exclusives. Skeletons until it answers.

export function MallBalance() {
  const t = useTranslations("mall");
  const { me, failed } = useMallMe();
  if (failed) return <LoadFailed />;
  if (!me) {
    return (
      <div aria-busy="true">
        <span className="sr-only">{t("loadingPersonal")}</span>
        <Skeleton className="h-14 w-full rounded-2xl" />
      </div>
    );
  }
  return <BalanceStrip points={me.position.availablePoints} discount={me.discount} />;
}

function ShelfSkeleton({ id }: { id: string }) {
  return (
    <div className="flex flex-col gap-2" aria-busy="true" data-testid={`shelf-${id}-loading`}>
      <Skeleton className="h-5 w-32" />
      <div className="flex gap-3 overflow-hidden">
        <CardSkeletons count={5} className="w-40 shrink-0 md:w-44" />
      </div>
    </div>
  );
}

export function AffordableShelf() {
  const t = useTranslations("mall.shelves");
  const { me } = useMallMe();
  if (!me?.shelves) return <ShelfSkeleton id="affordable" />;
  return (
    <Shelf
      id="affordable"
      title={t("affordable")}
      cards={me.shelves.affordable}
      seeAll="/mall/search?sort=points-desc&affordable=1"
      seeAllLabel={t("seeAll")}
      empty={
        <EmptyState title={t("affordableEmpty")}>
          <Link href="/how-to-earn" className="font-medium text-brand underline">
            {t("earnMore")}
          </Link>
        </EmptyState>
      }
    />
  );
}

export function ExclusiveShelf() {
  const t = useTranslations("mall.shelves");
  const { me } = useMallMe();
  if (!me?.shelves) return <ShelfSkeleton id="exclusive" />;
  return <Shelf id="exclusive" title={t("exclusive", { tier: me.tierName })} cards={me.shelves.exclusive} />;
}
