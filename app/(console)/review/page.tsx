import type { Metadata } from "next";
import { Suspense } from "react";
import { ReviewPage } from "@/components/review/review-page";
import { Skeleton } from "@/components/ui/skeleton";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

/**
 * The Review page (admins only; staff are redirected): review progress per reviewer and per
 * responder over the list's filter, driven by the same URL state as the list and Costs.
 */
export default async function ReviewRoute() {
  await requireAdminPage();
  return (
    <Suspense fallback={<Skeleton className="m-4 h-40" />}>
      <ReviewPage />
    </Suspense>
  );
}
