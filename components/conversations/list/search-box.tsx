"use client";
/**
 * The search field: typing updates the URL's `q` after a 300 ms pause (one history entry, no
 * request per keystroke); Enter applies at once; Escape clears a non-empty field, else leaves it.
 * `/` focuses it (bound by the list's hotkeys through `ref`).
 */
import { SearchIcon } from "lucide-react";
import { useEffect, useRef, useState, type Ref } from "react";
import { Input } from "@/components/ui/input";
import { Kbd } from "@/components/ui/kbd";

const DEBOUNCE_MS = 300;

export interface SearchBoxProps {
  value: string;
  onSearch: (value: string) => void;
  description?: string | null;
  ref?: Ref<HTMLInputElement>;
}

export function SearchBox({ value, onSearch, description, ref }: SearchBoxProps) {
  const [draft, setDraft] = useState(value);
  const [synced, setSynced] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Follow the URL when it changes from elsewhere (Back, a chip, Reset all).
  if (synced !== value) {
    setSynced(value);
    setDraft(value);
  }

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function schedule(next: string, delay: number) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      if (next.trim() !== value) onSearch(next.trim());
    }, delay);
  }

  return (
    <form
      role="search"
      className="relative w-full max-w-sm min-w-56 flex-1"
      onSubmit={(event) => {
        event.preventDefault();
        schedule(draft, 0);
      }}
    >
      <SearchIcon
        aria-hidden="true"
        className="text-muted-foreground pointer-events-none absolute top-2 left-2.5 size-4"
      />
      <Input
        ref={ref}
        type="search"
        aria-label="Search conversations"
        aria-describedby={description ? "list-search-description" : undefined}
        placeholder="Search conversations"
        className="h-8 pr-8 pl-8"
        value={draft}
        maxLength={200}
        onChange={(event) => {
          setDraft(event.target.value);
          schedule(event.target.value, DEBOUNCE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key === "Escape" && draft !== "") {
            event.preventDefault();
            setDraft("");
            schedule("", 0);
          }
        }}
      />
      <Kbd aria-hidden="true" className="absolute top-1.5 right-2">
        /
      </Kbd>
      {description ? (
        <span id="list-search-description" className="sr-only">
          {description}
        </span>
      ) : null}
    </form>
  );
}
