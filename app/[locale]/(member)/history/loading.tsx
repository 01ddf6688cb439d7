import { EntrySkeletons } from "@/components/member/entry-skeletons";
import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <Skeleton className="h-7 w-40" />
      <div className="flex flex-wrap gap-2">
        {[0, 1, 2, 3, 4, 5, 6].map((i) => (
          <Skeleton key={i} className="h-10 w-16 rounded-full" />
        ))}
      </div>
      <div className="flex flex-col gap-4 rounded-2xl border border-border bg-surface p-4">
        <EntrySkeletons count={6} />
      </div>
    </div>
  );
}
