"use client";
/** A rendering failure inside the thread page: say so, offer Retry and the way back. */
import { TriangleAlertIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function ConversationError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="flex h-full flex-col">
      <h1 className="sr-only">Conversation</h1>
      <EmptyState
        role="alert"
        icon={<TriangleAlertIcon />}
        title="This conversation could not be shown"
        description={error.message || "Something went wrong while showing it."}
        action={
          <>
            <Button onClick={reset}>Retry</Button>
            <Button asChild variant="outline">
              <Link href="/conversations">Back to conversations</Link>
            </Button>
          </>
        }
      />
    </div>
  );
}
