"use client";
/**
 * Asks before a saved view is deleted: names the view, says that a shared one goes for everyone,
 * and starts on Cancel (an alert dialog), so Enter never deletes by accident.
 */
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogFooter,
} from "@/components/ui/alert-dialog";
import { untrustedLabel } from "@/components/ui/untrusted-text";
import { useSavedViewMutations } from "@/lib/client/saved-views";
import type { SavedView } from "@/lib/model/saved-views";

/** The sentence under the question: who loses the view. */
export function deleteViewDescription(view: Pick<SavedView, "shared">): string {
  return view.shared
    ? "This view is shared: everyone loses it from their sidebar. This cannot be undone."
    : "It leaves your sidebar; the conversations in it are not changed. This cannot be undone.";
}

export function DeleteViewDialog({
  view,
  open,
  onClose,
}: {
  /** The view asked about; kept while the dialog closes, so focus can go back where it belongs. */
  view: SavedView | null;
  open: boolean;
  onClose: () => void;
}) {
  const { remove } = useSavedViewMutations();
  const name = view ? untrustedLabel(view.name) : "";
  return (
    <AlertDialog
      open={open}
      onOpenChange={(next) => {
        if (!next && !remove.isPending) onClose();
      }}
    >
      {view ? (
        <AlertDialogContent
          title={`Delete the view “${name}”?`}
          description={deleteViewDescription(view)}
          onCloseAutoFocus={(event) => {
            // Back to the view's menu button when the view stays (Cancel, Escape); once it is
            // deleted, to the first saved view left (else where Radix puts it).
            const target =
              document.querySelector<HTMLElement>(`[data-view-actions="${CSS.escape(view.id)}"]`) ??
              document.querySelector<HTMLElement>('ul[aria-label="Saved views"] a');
            if (target) {
              event.preventDefault();
              target.focus();
            }
          }}
        >
          <AlertDialogFooter>
            <AlertDialogCancel disabled={remove.isPending}>Cancel</AlertDialogCancel>
            <AlertDialogAction
              variant="destructive"
              disabled={remove.isPending}
              onClick={(event) => {
                event.preventDefault();
                remove.mutate(view.id, {
                  onSuccess: () => {
                    toast(`View “${name}” deleted.`);
                    onClose();
                  },
                  onError: (error) => {
                    toast.error(error.message);
                    onClose();
                  },
                });
              }}
            >
              {remove.isPending ? "Deleting…" : "Delete view"}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      ) : null}
    </AlertDialog>
  );
}
