"use client";
/**
 * Inline rename: the title becomes a field with Save and Cancel. Enter saves, Escape cancels
 * (the Escape does not also leave the page). An empty title goes back to the provider's own.
 */
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { TITLE_MAX_LENGTH_CLIENT } from "./title-limits";

export interface TitleEditorProps {
  initialTitle: string;
  /** Where the new title will be stored, e.g. "Stored in Zaia". */
  description: string;
  onSave: (title: string) => void;
  onCancel: () => void;
}

export function TitleEditor({ initialTitle, description, onSave, onCancel }: TitleEditorProps) {
  const [value, setValue] = useState(initialTitle);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, []);

  return (
    <form
      className="flex min-w-0 flex-1 flex-wrap items-center gap-2"
      aria-label="Rename conversation"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(value.trim());
      }}
    >
      <label htmlFor={inputId} className="sr-only">
        Conversation title
      </label>
      <Input
        ref={inputRef}
        id={inputId}
        value={value}
        maxLength={TITLE_MAX_LENGTH_CLIENT}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") {
            event.preventDefault();
            onCancel();
          }
        }}
        aria-describedby={`${inputId}-hint`}
        className="h-8 min-w-40 flex-1 text-base font-semibold"
      />
      <span id={`${inputId}-hint`} className="sr-only">
        {description}. Leave empty to use the provider&apos;s title. Enter saves, Escape cancels.
      </span>
      <Button type="submit" size="sm">
        Save
      </Button>
      <Button variant="outline" size="sm" onClick={onCancel}>
        Cancel
      </Button>
    </form>
  );
}
