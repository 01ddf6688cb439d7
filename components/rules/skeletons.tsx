import { Skeleton } from "@/components/ui/skeleton";

/** The rules overview while it loads: the title and a table of rule rows. */
export function RulesListSkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <Skeleton className="h-7 w-32" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="flex flex-col gap-3 rounded-2xl border border-border p-4 sm:p-6">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="grid grid-cols-[2fr_1fr_2fr_4fr] gap-3">
            <Skeleton className="h-10" />
            <Skeleton className="h-5" />
            <Skeleton className="h-5" />
            <Skeleton className="h-5" />
          </div>
        ))}
      </div>
    </div>
  );
}

/** One rule while it loads: the title, the draft form, the preview, the history. */
export function RuleEditorSkeleton() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true">
      <Skeleton className="h-4 w-20" />
      <Skeleton className="h-7 w-48" />
      <div className="flex flex-col gap-3 rounded-2xl border border-border p-4 sm:p-6">
        <Skeleton className="h-6 w-24" />
        <div className="grid gap-3 sm:grid-cols-3">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-16" />
          ))}
        </div>
      </div>
      <Skeleton className="h-48 w-full" />
      <Skeleton className="h-32 w-full" />
    </div>
  );
}
