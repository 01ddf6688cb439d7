import { Skeleton } from "@/components/ui/skeleton";
import { TabsSkeleton } from "./skeletons";

/** The address pages' shape while they load. */
export function AddressesSkeleton({ form = false }: { form?: boolean }) {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <TabsSkeleton />
      <Skeleton className="h-7 w-40" />
      {form ? (
        <div className="flex max-w-lg flex-col gap-4 rounded-2xl border border-border bg-surface p-4">
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i} className="flex flex-col gap-1">
              <Skeleton className="h-4 w-24" />
              <Skeleton className="h-11 w-full" />
            </div>
          ))}
          <Skeleton className="h-11 w-32" />
        </div>
      ) : (
        <div className="grid gap-3 md:grid-cols-2">
          {[0, 1].map((i) => (
            <Skeleton key={i} className="h-36 w-full rounded-2xl" />
          ))}
        </div>
      )}
    </div>
  );
}
