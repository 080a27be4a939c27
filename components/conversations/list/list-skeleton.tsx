import { Skeleton } from "@/components/ui/skeleton";

/** The list's frame while its code or first page loads: heading, toolbar and placeholder rows. */
export function ListSkeleton() {
  return (
    <div className="flex h-full flex-col" aria-busy="true">
      <span className="sr-only" role="status">
        Loading conversations…
      </span>
      <div className="flex flex-col gap-3 border-b px-4 pt-4 pb-3" aria-hidden="true">
        <Skeleton className="h-7 w-32" />
        <div className="flex flex-wrap gap-2">
          <Skeleton className="h-8 w-64" />
          {Array.from({ length: 7 }, (_, index) => (
            <Skeleton key={index} className="h-8 w-24" />
          ))}
        </div>
      </div>
      <div className="flex flex-col gap-3 px-4 pt-4" aria-hidden="true">
        {Array.from({ length: 10 }, (_, index) => (
          <Skeleton key={index} className="h-9 w-full" />
        ))}
      </div>
    </div>
  );
}
