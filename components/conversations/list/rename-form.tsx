"use client";
/**
 * Inline rename: a text field with Save and Cancel. Enter saves, Escape cancels (and is consumed
 * here, so it does not also close the open conversation). An empty title goes back to the
 * provider's own title.
 */
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { TITLE_MAX_LENGTH } from "@/lib/model/constants";

export interface RenameFormProps {
  /** The conversation's current name, for the field's label. */
  name: string;
  initialTitle: string;
  /** Where the title will be stored, e.g. "in Zaia" or "in Parley". */
  home: string;
  onSave: (title: string | null) => void;
  onCancel: () => void;
}

export function RenameForm({ name, initialTitle, home, onSave, onCancel }: RenameFormProps) {
  const [value, setValue] = useState(initialTitle);
  const id = useId();
  return (
    <form
      className="flex min-w-0 items-center gap-1"
      onSubmit={(event) => {
        event.preventDefault();
        const title = value.trim();
        onSave(title === "" ? null : title);
      }}
      onClick={(event) => event.stopPropagation()}
    >
      <Input
        autoFocus
        aria-label={`New title for ${name}`}
        aria-describedby={`${id}-hint`}
        value={value}
        maxLength={TITLE_MAX_LENGTH}
        className="h-8 min-w-32"
        onChange={(event) => setValue(event.target.value)}
        onFocus={(event) => event.target.select()}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        }}
      />
      <span id={`${id}-hint`} className="sr-only">
        Saved {home}. Leave empty to use the provider&apos;s title. Enter saves, Escape cancels.
      </span>
      <Button type="submit" size="sm" className="h-8">
        Save
      </Button>
      <Button type="button" variant="ghost" size="sm" className="h-8" onClick={onCancel}>
        Cancel
      </Button>
    </form>
  );
}
