import { TabsSkeleton } from "@/components/mall/skeletons";
import { Skeleton } from "@/components/ui/skeleton";

// The confirm step's shape while it loads: the reward beside the form.
export default function Loading() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <TabsSkeleton />
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-7 w-48" />
      <div className="grid gap-4 md:grid-cols-[1fr_1.4fr]">
        <Skeleton className="h-28 w-full rounded-2xl" />
        <Skeleton className="h-96 w-full rounded-2xl" />
      </div>
    </div>
  );
}
