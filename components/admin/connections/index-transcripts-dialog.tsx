"use client";
/**
 * Whether sync keeps a connection's transcripts (message text) in Parley's index, or metadata
 * only (titles, contacts, responders, times) for accounts that must not keep customer text at
 * rest. Switching it off purges the stored text at once; search then says it did not cover that
 * connection's messages. Switching it on reads the transcripts again on the next syncs.
 */
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { untrustedLabel } from "@/components/ui/untrusted-text";
import { updateConnection, type ConnectionView } from "@/lib/client/connections";
import { FormError, errorText } from "../form-error";

export function IndexTranscriptsDialogContent({
  connection,
  onSaved,
  onCloseAutoFocus,
}: {
  connection: ConnectionView;
  onSaved: (connection: ConnectionView) => void;
  onCloseAutoFocus: (event: Event) => void;
}) {
  const [enabled, setEnabled] = useState(connection.indexTranscripts);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      onSaved(await updateConnection(connection.id, { indexTranscripts: enabled }));
    } catch (failure) {
      setError(errorText(failure));
      setSaving(false);
    }
  }

  return (
    <DialogContent
      title={`Transcripts of “${untrustedLabel(connection.name)}”`}
      description="What Parley's index keeps of this connection's conversations."
      onCloseAutoFocus={onCloseAutoFocus}
    >
      <form onSubmit={(event) => void onSubmit(event)} className="grid gap-4">
        <div className="flex items-start gap-3">
          <Switch
            id="index-transcripts"
            checked={enabled}
            onCheckedChange={setEnabled}
            aria-describedby="index-transcripts-hint"
          />
          <div className="grid gap-1">
            <Label htmlFor="index-transcripts">Index transcripts</Label>
            <p id="index-transcripts-hint" className="text-muted-foreground text-sm">
              {enabled
                ? "Message text is kept in the index, so search finds what customers and agents said."
                : "Metadata only: titles, contacts, responders and times. Saving deletes the message text already stored; search will not cover this connection's messages. Threads are still read live from the provider."}
            </p>
          </div>
        </div>
        <FormError message={error} />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={saving || enabled === connection.indexTranscripts}>
            {saving ? "Saving…" : "Save"}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
