"use client";
/**
 * Find-in-thread state: the query, the indexes of the loaded messages that contain it (text,
 * tool names, arguments and results), and which one is current. Matching is case-insensitive.
 */
import { useCallback, useMemo, useState } from "react";
import type { Message } from "@/lib/model/conversation";

function searchableText(message: Message): string {
  if (message.toolCalls.length === 0) return message.text;
  return [
    message.text,
    ...message.toolCalls.flatMap((call) => [call.name, call.arguments, call.result ?? ""]),
  ].join("\n");
}

export interface FindInThread {
  query: string;
  /** The trimmed query, "" when finding is off. */
  needle: string;
  setQuery: (query: string) => void;
  matches: number[];
  /** Position in `matches`, or -1. */
  current: number;
  /** Index of the current match in the messages, or undefined. */
  currentMessageIndex: number | undefined;
  next: () => void;
  previous: () => void;
}

export function useFindInThread(messages: Message[]): FindInThread {
  const [query, setQueryState] = useState("");
  const [pointer, setPointer] = useState(0);
  const needle = query.trim();
  const matches = useMemo(() => {
    if (!needle) return [];
    const lower = needle.toLocaleLowerCase();
    const found: number[] = [];
    messages.forEach((message, index) => {
      if (searchableText(message).toLocaleLowerCase().includes(lower)) found.push(index);
    });
    return found;
  }, [messages, needle]);
  const current = matches.length === 0 ? -1 : Math.min(pointer, matches.length - 1);

  const setQuery = useCallback((value: string) => {
    setQueryState(value);
    setPointer(0);
  }, []);
  const next = useCallback(() => {
    if (matches.length === 0) return;
    setPointer((value) => (Math.min(value, matches.length - 1) + 1) % matches.length);
  }, [matches.length]);
  const previous = useCallback(() => {
    if (matches.length === 0) return;
    setPointer((value) => (Math.min(value, matches.length - 1) - 1 + matches.length) % matches.length);
  }, [matches.length]);

  return {
    query,
    needle,
    setQuery,
    matches,
    current,
    currentMessageIndex: current >= 0 ? matches[current] : undefined,
    next,
    previous,
  };
}
