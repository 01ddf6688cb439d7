import { Skeleton } from "@/components/ui/skeleton";

/** Placeholder reward cards (picture, two lines of name, price). */
export function CardSkeletons({ count, className = "" }: { count: number; className?: string }) {
  return Array.from({ length: count }, (_, i) => (
    <div key={i} className={`flex flex-col gap-2 rounded-2xl border border-border bg-surface p-2.5 ${className}`}>
      <Skeleton className="aspect-square w-full rounded-xl" />
      <Skeleton className="h-4 w-full" />
      <Skeleton className="h-4 w-2/3" />
      <Skeleton className="h-5 w-1/2" />
    </div>
  ));
}

export function TabsSkeleton() {
  return (
    <div className="flex gap-3 border-b border-border pb-2">
      {["w-16", "w-24", "w-16", "w-16"].map((w, i) => (
        <Skeleton key={i} className={`h-7 ${w}`} />
      ))}
    </div>
  );
}

/** A list of rows with a thumbnail (redemptions, coupons, addresses). */
export function RowSkeletons({ count }: { count: number }) {
  return (
    <div className="flex flex-col gap-3">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="flex items-center gap-3 rounded-2xl border border-border bg-surface p-3">
          <Skeleton className="h-16 w-16 shrink-0 rounded-xl" />
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-3 w-1/3" />
          </div>
          <Skeleton className="h-6 w-16 rounded-full" />
        </div>
      ))}
    </div>
  );
}
