"use client";
/**
 * The note composer: a labelled textarea (markdown) where `@` opens a completion of Parley's
 * active users (arrow keys, Enter or Tab to choose, Escape to close; the textarea names the
 * highlighted option with `aria-activedescendant`, as a textbox with list autocompletion may —
 * a `<textarea>` may not take the combobox role), and Ctrl/⌘+Enter saves. People write `@Name`; the chosen users' names become
 * `<@userId>` tokens when saved (`draftToBody`), so a later rename still resolves.
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import { useUserDirectory } from "@/lib/client/notes";
import { draftToBody, mentionQueryAt, NOTE_MAX_LENGTH, type DirectoryUser } from "@/lib/model/notes";
import { fold } from "@/lib/text/search-folding";
import { cn } from "@/lib/utils";

const MAX_SUGGESTIONS = 8;

export interface NoteComposerProps {
  label: string;
  initialText?: string;
  initialChosen?: readonly DirectoryUser[];
  submitLabel: string;
  pending: boolean;
  /** Saves the body (with mention tokens); resolves true when saved, so the composer empties. */
  onSubmit: (body: string) => Promise<boolean>;
  onCancel?: () => void;
  textareaRef?: React.RefObject<HTMLTextAreaElement | null>;
  autoFocus?: boolean;
}

export function NoteComposer({
  label,
  initialText = "",
  initialChosen = [],
  submitLabel,
  pending,
  onSubmit,
  onCancel,
  textareaRef,
  autoFocus,
}: NoteComposerProps) {
  const id = useId();
  const listId = `${id}-mentions`;
  const hintId = `${id}-hint`;
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = textareaRef ?? ownRef;
  const [text, setText] = useState(initialText);
  const [chosen, setChosen] = useState<DirectoryUser[]>([...initialChosen]);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const directory = useUserDirectory(query !== null);
  const suggestions = useMemo(() => {
    if (!query) return [];
    const needle = fold(query.query).folded;
    return (directory.data ?? [])
      .filter((user) => {
        const name = fold(user.name).folded;
        return name.startsWith(needle) || name.split(/\s+/).some((word) => word.startsWith(needle));
      })
      .slice(0, MAX_SUGGESTIONS);
  }, [directory.data, query]);
  const open = query !== null && suggestions.length > 0;
  const activeIndex = Math.min(active, Math.max(0, suggestions.length - 1));

  function track(value: string, caret: number) {
    const next = mentionQueryAt(value, caret);
    setQuery(next);
    if (next?.query !== query?.query) setActive(0);
  }

  function choose(user: DirectoryUser) {
    const textarea = ref.current;
    if (!query || !textarea) return;
    const caret = textarea.selectionStart;
    const inserted = `@${user.name} `;
    const next = text.slice(0, query.start) + inserted + text.slice(caret);
    setText(next);
    setChosen((previous) => [...previous.filter((item) => item.id !== user.id), user]);
    setQuery(null);
    const position = query.start + inserted.length;
    requestAnimationFrame(() => {
      textarea.focus();
      textarea.setSelectionRange(position, position);
    });
  }

  async function submit() {
    const body = draftToBody(text, chosen).trim();
    if (!body || pending) return;
    if (await onSubmit(body)) {
      setText("");
      setChosen([]);
      setQuery(null);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive((activeIndex + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === "Enter" && !event.ctrlKey && !event.metaKey) || event.key === "Tab") {
        const user = suggestions[activeIndex];
        if (user) {
          event.preventDefault();
          choose(user);
          return;
        }
      }
      if (event.key === "Escape") {
        event.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
      return;
    }
    if (event.key === "Escape" && (onCancel || text)) {
      // Keep the thread open: Escape here cancels the edit or leaves the field, never the thread.
      event.preventDefault();
      if (onCancel) onCancel();
      else ref.current?.blur();
    }
  }

  const tooLong = text.length > NOTE_MAX_LENGTH;
  return (
    <form
      className="space-y-1.5"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={id} className="text-muted-foreground block text-xs font-medium">
        {label}
      </label>
      <div className="relative">
        <textarea
          id={id}
          ref={ref}
          value={text}
          rows={3}
          autoFocus={autoFocus}
          aria-autocomplete="list"
          aria-controls={open ? listId : undefined}
          aria-activedescendant={open ? `${listId}-${activeIndex}` : undefined}
          aria-describedby={hintId}
          aria-invalid={tooLong || undefined}
          onChange={(event) => {
            setText(event.target.value);
            track(event.target.value, event.target.selectionStart);
          }}
          onSelect={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart)}
          onBlur={() => setQuery(null)}
          onKeyDown={onKeyDown}
          className="border-input bg-background focus-visible:ring-ring/50 w-full resize-y rounded-md border px-2 py-1.5 text-sm outline-none focus-visible:ring-[3px]"
        />
        {open ? (
          <ul
            id={listId}
            role="listbox"
            aria-label="People to mention"
            className="bg-popover text-popover-foreground absolute inset-x-0 top-full z-20 mt-1 max-h-48 overflow-auto rounded-md border p-1 text-sm shadow-md"
          >
            {suggestions.map((user, index) => (
              <li
                key={user.id}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(user);
                }}
                className={cn(
                  "cursor-pointer rounded-sm px-2 py-1",
                  index === activeIndex && "bg-accent text-accent-foreground",
                )}
              >
                <bdi>{user.name}</bdi>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="flex items-center justify-between gap-2">
        <p id={hintId} className={cn("text-muted-foreground text-xs", tooLong && "text-destructive")}>
          {tooLong ? (
            `At most ${NOTE_MAX_LENGTH.toLocaleString("en")} characters.`
          ) : (
            <>
              Markdown; <Kbd>@</Kbd> mentions; <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> saves.
            </>
          )}
        </p>
        <div className="flex gap-1">
          {onCancel ? (
            <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" size="sm" disabled={pending || tooLong || !text.trim()}>
            {submitLabel}
          </Button>
        </div>
      </div>
    </form>
  );
}
