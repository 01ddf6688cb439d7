import { RowSkeletons, TabsSkeleton } from "@/components/mall/skeletons";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <TabsSkeleton />
      <Skeleton className="h-7 w-40" />
      <RowSkeletons count={6} />
    </div>
  );
}
