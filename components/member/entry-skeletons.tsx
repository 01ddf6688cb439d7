import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder rows shaped like ledger entries (title, explanation, date; points on the right). */
export function EntrySkeletons({ count }: { count: number }) {
  return Array.from({ length: count }, (_, i) => (
    <div key={i} className="flex items-start gap-3">
      <div className="flex flex-1 flex-col gap-2">
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-3 w-24" />
      </div>
      <Skeleton className="h-6 w-16" />
    </div>
  ));
}
