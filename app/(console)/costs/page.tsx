import type { Metadata } from "next";
import { Suspense } from "react";
import { CostsPage } from "@/components/costs/costs-page";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Costs" };

/**
 * The Costs page (staff and admins): driven by the same URL state as the conversation list, so a
 * link from the list keeps its filters; fetched in the browser, hence the Suspense boundary the
 * URL-state hooks need.
 */
export default function CostsRoute() {
  return (
    <Suspense fallback={<Skeleton className="m-4 h-40" />}>
      <CostsPage />
    </Suspense>
  );
}
