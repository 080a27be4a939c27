import type { Metadata } from "next";
import { ThreadView } from "@/components/conversations/thread/thread-view";

export const metadata: Metadata = { title: "Conversation" };

/**
 * One conversation on its own page. The query string carries the list's state (filters, page),
 * so Previous / Next and the way back follow the list the user came from; `?message=<id>` scrolls
 * to one message. Everything is fetched in the browser through React Query (the same cache the
 * list panel uses), so the server renders only the frame.
 */
export default async function ConversationPage({
  params,
}: {
  params: Promise<{ connectionId: string; conversationId: string }>;
}) {
  const { connectionId, conversationId } = await params;
  return (
    <ThreadView
      variant="page"
      connectionId={decodeURIComponent(connectionId)}
      conversationId={decodeURIComponent(conversationId)}
    />
  );
}
