import type { Metadata } from "next";
import { Suspense } from "react";
import { AccessDeniedNotice } from "@/components/conversations/list/access-denied-notice";
import { ConversationListPage } from "@/components/conversations/list/conversation-list-page";
import { ListSkeleton } from "@/components/conversations/list/list-skeleton";

export const metadata: Metadata = { title: "Conversations" };

type SearchParams = Record<string, string | string[] | undefined>;

/** The list's URL without `denied`, for the notice's Dismiss link. */
function withoutDenied(params: SearchParams): string {
  const kept = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (key !== "denied") for (const item of [value ?? []].flat()) kept.append(key, item);
  const query = kept.toString();
  return query ? `/conversations?${query}` : "/conversations";
}

/**
 * The conversation list. Everything on it is driven by the URL (view, filters, page, the open
 * conversation) and fetched in the browser, so the server only sends the frame; the Suspense
 * boundary is required by the URL-state hooks (they read `useSearchParams`). A person sent here
 * from a page their role may not open (`?denied=admin`) is told why.
 */
export default async function ConversationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  return (
    <div className="flex h-full min-h-0 flex-col">
      {params.denied === "admin" ? <AccessDeniedNotice dismissHref={withoutDenied(params)} /> : null}
      <div className="min-h-0 flex-1">
        <Suspense fallback={<ListSkeleton />}>
          <ConversationListPage />
        </Suspense>
      </div>
    </div>
  );
}
