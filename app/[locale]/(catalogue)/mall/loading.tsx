import { CardSkeletons, TabsSkeleton } from "@/components/mall/skeletons";
import { Skeleton } from "@/components/ui/skeleton";

// The mall home's shape while it loads: tabs, balance, search, a banner, chips and two shelves.
export default function Loading() {
  return (
    <div className="flex flex-col gap-5" aria-busy="true">
      <TabsSkeleton />
      <Skeleton className="h-14 w-full rounded-2xl" />
      <Skeleton className="h-11 w-full" />
      <Skeleton className="h-32 w-full rounded-2xl sm:w-96" />
      <div className="flex gap-2 overflow-hidden">
        {[0, 1, 2, 3, 4, 5].map((i) => (
          <Skeleton key={i} className="h-10 w-20 shrink-0 rounded-full" />
        ))}
      </div>
      {[0, 1].map((s) => (
        <div key={s} className="flex flex-col gap-2">
          <Skeleton className="h-5 w-32" />
          <div className="flex gap-3 overflow-hidden">
            <CardSkeletons count={5} className="w-40 shrink-0 md:w-44" />
          </div>
        </div>
      ))}
    </div>
  );
}
