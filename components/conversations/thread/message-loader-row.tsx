/** The last row of a thread with more pages: a spinner while loading, a button otherwise, Retry on failure. */
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

export function MessageLoaderRow({
  loading,
  error,
  onLoadMore,
  onRetry,
}: {
  loading: boolean;
  error: Error | null;
  onLoadMore: () => void;
  onRetry: () => void;
}) {
  if (error)
    return (
      <div
        role="alert"
        className="text-destructive flex flex-wrap items-center justify-center gap-2 py-3 text-sm"
      >
        Could not load more messages: {error.message}
        <Button variant="outline" size="sm" onClick={onRetry}>
          Retry
        </Button>
      </div>
    );
  if (loading)
    return (
      <div className="text-muted-foreground flex items-center justify-center gap-2 py-3 text-sm">
        <Spinner label="Loading more messages" /> Loading more messages…
      </div>
    );
  return (
    <div className="flex justify-center py-3">
      <Button variant="outline" size="sm" onClick={onLoadMore}>
        Load more messages
      </Button>
    </div>
  );
}
