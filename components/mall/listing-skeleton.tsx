import { Skeleton } from "@/components/ui/skeleton";
import { CardSkeletons, TabsSkeleton } from "./skeletons";

/** A listing's shape while it loads: title, search, chips and a grid of cards. */
export function ListingSkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <TabsSkeleton />
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-7 w-40" />
      <Skeleton className="h-11 w-full" />
      <div className="flex gap-2 overflow-hidden">
        {[0, 1, 2, 3, 4].map((i) => (
          <Skeleton key={i} className="h-10 w-24 shrink-0 rounded-full" />
        ))}
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        <CardSkeletons count={8} />
      </div>
    </div>
  );
}
