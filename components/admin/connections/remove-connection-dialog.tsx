"use client";

import { untrustedLabel } from "@/components/ui/untrusted-text";
import { useState } from "react";
import {
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogFooter,
} from "@/components/ui/alert-dialog";
import { removeConnection, type ConnectionView } from "@/lib/client/connections";
import { FormError, errorText } from "../form-error";

/**
 * Confirms removing a connection and says exactly what goes with it: the key, its rows in Parley's
 * index (conversations and transcripts) and Parley's moderation overlay for its conversations. The
 * audit rows stay; nothing is deleted at the provider.
 */
export function RemoveConnectionDialogContent({
  connection,
  onRemoved,
  onCloseAutoFocus,
}: {
  connection: ConnectionView;
  onRemoved: () => void;
  onCloseAutoFocus: (event: Event) => void;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function remove() {
    setPending(true);
    setError(null);
    try {
      await removeConnection(connection.id);
      onRemoved();
    } catch (failure) {
      setError(errorText(failure));
      setPending(false);
    }
  }

  return (
    <AlertDialogContent
      title={`Remove “${untrustedLabel(connection.name)}”?`}
      description="Parley forgets this connection and its stored key, and its conversations leave every list."
      onCloseAutoFocus={onCloseAutoFocus}
    >
      <ul className="text-muted-foreground list-disc space-y-1 pl-5 text-sm">
        <li>
          Its indexed conversations and transcripts are purged from Parley&apos;s database (the index that
          serves the list and search).
        </li>
        <li>
          Its moderation overlay (important/archived/trash/titles kept in Parley) is deleted; audit rows are
          kept.
        </li>
        <li>Nothing is deleted at the provider: adding the key again shows the conversations again.</li>
      </ul>
      <FormError message={error} />
      <AlertDialogFooter>
        <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
        <AlertDialogAction
          variant="destructive"
          disabled={pending}
          onClick={(event) => {
            event.preventDefault();
            void remove();
          }}
        >
          {pending ? "Removing…" : "Remove connection"}
        </AlertDialogAction>
      </AlertDialogFooter>
    </AlertDialogContent>
  );
}
