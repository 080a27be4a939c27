"use client";
/**
 * Whether an element is at least `minWidth` pixels wide, followed with a ResizeObserver. The
 * thread decides from its own width, not the window's, because the same view is shown as a full
 * page and as a narrow panel beside the list.
 */
import { useEffect, useState, type RefObject } from "react";

export function useIsWide(ref: RefObject<HTMLElement | null>, minWidth: number): boolean {
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver((entries) => {
      const width = entries[0]?.contentRect.width ?? element.clientWidth;
      setWide(width >= minWidth);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, minWidth]);
  return wide;
}
