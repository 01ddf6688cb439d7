import { Skeleton } from "@/components/ui/skeleton";
import { TabsSkeleton } from "./skeletons";

/** A reward page's shape while it loads: picture beside name, price, facts and the button. */
export function DetailSkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <TabsSkeleton />
      <Skeleton className="h-4 w-24" />
      <div className="grid gap-5 md:grid-cols-2">
        <Skeleton className="aspect-square w-full rounded-xl" />
        <div className="flex flex-col gap-3">
          <Skeleton className="h-7 w-3/4" />
          <Skeleton className="h-9 w-1/2" />
          <Skeleton className="h-20 w-full rounded-2xl" />
          <Skeleton className="h-11 w-full sm:w-32" />
          <Skeleton className="h-24 w-full" />
        </div>
      </div>
    </div>
  );
}
