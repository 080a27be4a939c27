import type { Metadata } from "next";
import { Suspense } from "react";
import { ConversationListPage } from "@/components/conversations/list/conversation-list-page";
import { ListSkeleton } from "@/components/conversations/list/list-skeleton";

export const metadata: Metadata = { title: "Conversations" };

/**
 * The conversation list. Everything on it is driven by the URL (view, filters, page, the open
 * conversation) and fetched in the browser, so the server only sends the frame; the Suspense
 * boundary is required by the URL-state hooks (they read `useSearchParams`).
 */
export default function ConversationsPage() {
  return (
    <Suspense fallback={<ListSkeleton />}>
      <ConversationListPage />
    </Suspense>
  );
}
