"use client";
/**
 * The keyboard cursor of the list (roving focus). It follows a row by key, so a refetch keeps it
 * on the same conversation; when that row leaves the page (archived from the inbox, say) it stays
 * at the same position, on the row that took its place, and keeps the focus there instead of
 * letting it fall to the page.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Conversation } from "@/lib/conversations/model";
import { rowKey } from "./format";

export function useRowCursor(rows: Conversation[]) {
  const [cursor, setCursor] = useState<{ key: string | null; index: number }>({ key: null, index: -1 });
  const elements = useRef(new Map<number, HTMLTableRowElement>());
  const focusRequested = useRef(false);
  const hadFocus = useRef(false);

  const found = cursor.key === null ? -1 : rows.findIndex((row) => rowKey(row) === cursor.key);
  const cursorIndex = found >= 0 ? found : cursor.key !== null && rows.length > 0 ? Math.min(cursor.index, rows.length - 1) : -1;
  const current = cursorIndex >= 0 ? (rows[cursorIndex] ?? null) : null;

  const moveTo = useCallback(
    (index: number, options: { focus?: boolean } = {}) => {
      const row = rows[index];
      if (!row) return;
      if (options.focus) focusRequested.current = true;
      setCursor({ key: rowKey(row), index });
    },
    [rows],
  );

  /** Puts the cursor on a row by key (e.g. the conversation opened from the URL). */
  const moveToKey = useCallback(
    (key: string) => {
      const index = rows.findIndex((row) => rowKey(row) === key);
      if (index >= 0) setCursor({ key, index });
    },
    [rows],
  );

  const focusCursor = useCallback(() => {
    if (cursorIndex >= 0) elements.current.get(cursorIndex)?.focus();
    else elements.current.get(0)?.focus();
  }, [cursorIndex]);

  useLayoutEffect(() => {
    const lostFocus = hadFocus.current && (document.activeElement === null || document.activeElement === document.body);
    if (!focusRequested.current && !lostFocus) return;
    focusRequested.current = false;
    const element = elements.current.get(cursorIndex);
    if (element && !element.contains(document.activeElement)) element.focus();
  }, [cursorIndex, rows]);

  useEffect(() => {
    const onFocusIn = (event: FocusEvent) => {
      hadFocus.current = [...elements.current.values()].some((element) => event.target instanceof Node && element.contains(event.target));
    };
    document.addEventListener("focusin", onFocusIn);
    return () => document.removeEventListener("focusin", onFocusIn);
  }, []);

  const registerRow = useCallback((index: number, element: HTMLTableRowElement | null) => {
    if (element) elements.current.set(index, element);
    else elements.current.delete(index);
  }, []);

  return { cursorIndex, current, moveTo, moveToKey, focusCursor, registerRow };
}
