"use client";
/**
 * "Delete at provider…" (admins, connections that support it): an alert dialog that says the
 * deletion cannot be undone and asks for the conversation id, typed exactly, before the button
 * is enabled. On success the caller leaves the thread; on failure the provider's reason is shown
 * in the dialog.
 */
import { UntrustedText } from "@/components/ui/untrusted-text";
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogFooter,
} from "@/components/ui/alert-dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Spinner } from "@/components/ui/spinner";
import { providerLabels } from "@/lib/model/constants";
import type { ConversationDetail } from "@/lib/model/conversation";
import { deleteAtProviderRequest } from "@/lib/client/conversation-queries";

export interface DeleteAtProviderDialogProps {
  conversation: ConversationDetail;
  /** "hard" removes it for good, "soft" marks it removed at the provider. */
  kind: "hard" | "soft";
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDeleted: () => void;
}

export function DeleteAtProviderDialog({
  conversation,
  kind,
  open,
  onOpenChange,
  onDeleted,
}: DeleteAtProviderDialogProps) {
  const [typed, setTyped] = useState("");
  const inputId = useId();
  const provider = providerLabels[conversation.provider];
  const mutation = useMutation({
    mutationFn: () => deleteAtProviderRequest(conversation.connectionId, conversation.id, typed),
    onSuccess: () => {
      onOpenChange(false);
      onDeleted();
    },
  });
  const matches = typed === conversation.id;

  function changeOpen(next: boolean) {
    if (mutation.isPending) return;
    if (!next) {
      setTyped("");
      mutation.reset();
    }
    onOpenChange(next);
  }

  return (
    <AlertDialog open={open} onOpenChange={changeOpen}>
      <AlertDialogContent
        title={`Delete this conversation at ${provider}?`}
        description={
          <>
            This cannot be undone. {provider}{" "}
            {kind === "hard" ? "deletes the conversation for good" : "removes the conversation"}, for everyone
            using <UntrustedText text={conversation.connectionName} />, not only in Parley. Moving it to trash
            instead can be undone.
          </>
        }
      >
        <form
          className="grid gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            if (matches && !mutation.isPending) mutation.mutate();
          }}
        >
          <Label htmlFor={inputId}>Type the conversation id to confirm</Label>
          <code
            id={`${inputId}-id`}
            className="bg-muted rounded px-2 py-1 font-mono text-xs break-all select-all"
          >
            {conversation.id}
          </code>
          <Input
            id={inputId}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${inputId}-id`}
          />
          {mutation.isError ? (
            <p role="alert" className="text-destructive text-sm">
              {mutation.error.message}
            </p>
          ) : null}
        </form>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={mutation.isPending}>Cancel</AlertDialogCancel>
          <AlertDialogAction
            variant="destructive"
            disabled={!matches || mutation.isPending}
            onClick={(event) => {
              event.preventDefault();
              if (matches) mutation.mutate();
            }}
          >
            {mutation.isPending ? <Spinner label="Deleting" /> : null}
            Delete at {provider}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
