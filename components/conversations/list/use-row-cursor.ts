"use client";
/**
 * The keyboard cursor of the list (roving focus). It follows a row by key, so a refetch keeps it
 * on the same conversation; when that row leaves the page (archived from the inbox, say) it stays
 * at the same position, on the row that took its place, and keeps the focus there instead of
 * letting it fall to the page.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Conversation } from "@/lib/model/conversation";
import { rowKey } from "./format";

export function useRowCursor(rows: Conversation[]) {
  const [cursor, setCursor] = useState<{ key: string | null; index: number }>({ key: null, index: -1 });
  // Each request to focus the cursor row bumps this, so the focus happens even when the cursor
  // does not move (closing a rename on the same row).
  const [focusRequest, setFocusRequest] = useState(0);
  const handledRequest = useRef(0);
  const elements = useRef(new Map<number, HTMLTableRowElement>());
  const hadFocus = useRef(false);

  const found = cursor.key === null ? -1 : rows.findIndex((row) => rowKey(row) === cursor.key);
  const cursorIndex =
    found >= 0
      ? found
      : cursor.key !== null && rows.length > 0
        ? Math.min(cursor.index, rows.length - 1)
        : -1;
  const current = cursorIndex >= 0 ? (rows[cursorIndex] ?? null) : null;

  const moveTo = useCallback(
    (index: number, options: { focus?: boolean } = {}) => {
      const row = rows[index];
      if (!row) return;
      if (options.focus) setFocusRequest((request) => request + 1);
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
    const requested = focusRequest !== handledRequest.current;
    handledRequest.current = focusRequest;
    const active = document.activeElement;
    const lostFocus = hadFocus.current && (active === null || active === document.body);
    if (!requested && !lostFocus) return;
    const element = elements.current.get(cursorIndex);
    if (element && !element.contains(active)) element.focus({ preventScroll: !requested });
  }, [cursorIndex, rows, focusRequest]);

  // Whether the keyboard was in the table: only then does a row that disappears hand its focus
  // to the row that takes its place. Clicking elsewhere on the page ends that.
  useEffect(() => {
    const inRows = (target: EventTarget | null) =>
      target instanceof Node && [...elements.current.values()].some((element) => element.contains(target));
    const onFocusIn = (event: FocusEvent) => {
      hadFocus.current = inRows(event.target);
    };
    const onPointerDown = (event: PointerEvent) => {
      if (!inRows(event.target)) hadFocus.current = false;
    };
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("pointerdown", onPointerDown);
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("pointerdown", onPointerDown);
    };
  }, []);

  const registerRow = useCallback((index: number, element: HTMLTableRowElement | null) => {
    if (element) elements.current.set(index, element);
    else elements.current.delete(index);
  }, []);

  return { cursorIndex, current, moveTo, moveToKey, focusCursor, registerRow };
}
