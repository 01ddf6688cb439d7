import { Skeleton } from "@/components/ui/skeleton";

export default function Loading() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-36 w-full" />
      <Skeleton className="h-20 w-full" />
    </div>
  );
}
