"use client";
/**
 * The dialog that names a saved view: saving the current list (with "share with everyone" for
 * admins) or renaming an existing view.
 */
import { useState, type FormEvent } from "react";
import { FormField } from "@/components/admin/form-field";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { SAVED_VIEW_NAME_MAX } from "@/lib/model/list-query-string";

export interface SavedViewDialogProps {
  mode: "save" | "rename";
  initialName: string;
  /** Offer "share with everyone" (admins saving a view). */
  canShare: boolean;
  pending: boolean;
  error: string | null;
  onSubmit: (value: { name: string; shared: boolean }) => void;
  onOpenChange: (open: boolean) => void;
}

export function SavedViewDialog({
  mode,
  initialName,
  canShare,
  pending,
  error,
  onSubmit,
  onOpenChange,
}: SavedViewDialogProps) {
  const [name, setName] = useState(initialName);
  const [shared, setShared] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) onSubmit({ name: name.trim(), shared });
  };
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent
        title={mode === "save" ? "Save view" : "Rename view"}
        description={
          mode === "save"
            ? "Keeps the list's filters, search and sort under a name in the sidebar."
            : "The view keeps its filters."
        }
      >
        <form onSubmit={submit} className="grid gap-4">
          <FormField id="saved-view-name" label="Name" error={error}>
            {(control) => (
              <Input
                {...control}
                value={name}
                maxLength={SAVED_VIEW_NAME_MAX}
                autoComplete="off"
                onChange={(event) => setName(event.target.value)}
              />
            )}
          </FormField>
          {mode === "save" && canShare ? (
            <div className="flex items-center gap-2">
              <Checkbox
                id="saved-view-shared"
                checked={shared}
                onCheckedChange={(checked) => setShared(checked === true)}
              />
              <Label htmlFor="saved-view-shared">Share with everyone</Label>
            </div>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending || !name.trim()}>
              {mode === "save" ? "Save view" : "Rename"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
