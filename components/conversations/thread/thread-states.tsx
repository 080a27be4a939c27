/**
 * What the thread shows before and instead of a conversation: a skeleton while loading, a clear
 * "not found" with the way back, and a provider failure with the provider's message and Retry.
 */
import { ArrowLeftIcon, SearchXIcon, TriangleAlertIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { ApiRequestError } from "@/lib/client/api-client";

export function ThreadSkeleton() {
  return (
    <div className="flex h-full flex-col" aria-busy="true">
      <div className="space-y-3 border-b p-3">
        <Skeleton className="h-6 w-40" />
        <Skeleton className="h-7 w-2/3" />
        <Skeleton className="h-8 w-96 max-w-full" />
      </div>
      <div className="flex-1 space-y-3 p-3">
        <Spinner label="Loading the conversation" />
        <Skeleton className="h-16 w-3/4" />
        <Skeleton className="ml-auto h-20 w-3/4" />
        <Skeleton className="h-16 w-2/3" />
      </div>
    </div>
  );
}

export interface ThreadErrorProps {
  error: Error;
  variant: "page" | "panel";
  listHref: string;
  onRetry: () => void;
  onClose?: () => void;
  isRetrying: boolean;
}

function BackAction({
  variant,
  listHref,
  onClose,
}: Pick<ThreadErrorProps, "variant" | "listHref" | "onClose">) {
  if (variant === "panel")
    return (
      <Button variant="outline" onClick={onClose}>
        <XIcon aria-hidden /> Close conversation
      </Button>
    );
  return (
    <Button asChild variant="outline">
      <Link href={listHref}>
        <ArrowLeftIcon aria-hidden /> Back to conversations
      </Link>
    </Button>
  );
}

export function ThreadError({ error, variant, listHref, onRetry, onClose, isRetrying }: ThreadErrorProps) {
  const titleAs = variant === "page" ? "h2" : "h3";
  if (error instanceof ApiRequestError && error.status === 404)
    return (
      <EmptyState
        icon={<SearchXIcon />}
        titleAs={variant === "page" ? "h2" : "h3"}
        title="Conversation not found"
        description={`${error.message} It may have been deleted at the provider, or the link is wrong.`}
        action={<BackAction variant={variant} listHref={listHref} onClose={onClose} />}
      />
    );
  return (
    <EmptyState
      role="alert"
      icon={<TriangleAlertIcon />}
      titleAs={titleAs}
      title="The conversation could not be loaded"
      description={error.message}
      action={
        <>
          <Button onClick={onRetry} disabled={isRetrying}>
            {isRetrying ? <Spinner label="Retrying" /> : null}
            Retry
          </Button>
          <BackAction variant={variant} listHref={listHref} onClose={onClose} />
        </>
      }
    />
  );
}
