import { Skeleton } from "./skeleton";

/** The loading state of a page inside the shell: title, a big card, a small card. */
export function PageSkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-36 w-full" />
      <Skeleton className="h-20 w-full" />
    </div>
  );
}
