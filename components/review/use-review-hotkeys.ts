"use client";
/**
 * The review pass's keys in an open conversation (`reviewShortcuts` in
 * `components/conversations/keyboard/shortcuts.ts`): take it, score (1–5 or p/f, in the mode an
 * admin chose; keys of the other mode do nothing), mark reviewed, next unreviewed.
 */
import { reviewShortcutById } from "@/components/conversations/keyboard/shortcuts";
import { useHotkeys, type HotkeyMap } from "@/lib/hooks/use-hotkeys";
import type { Score, ScoreMode } from "@/lib/model/review-labels";

/**
 * Whether a dialog, popover or sheet other than the one holding the review controls (the open
 * conversation's sheet on a narrow screen) owns the keyboard.
 */
function overlayOwnsKeys(): boolean {
  const open = document.querySelectorAll(
    '[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"]',
  );
  return [...open].some((overlay) => !overlay.querySelector("[data-review-controls]"));
}

export function useReviewHotkeys({
  enabled,
  mode,
  onTake,
  onScore,
  onReviewed,
  onNext,
}: {
  enabled: boolean;
  mode: ScoreMode;
  onTake: () => void;
  onScore: (score: Score) => void;
  onReviewed: () => void;
  onNext: () => void;
}): void {
  const map: HotkeyMap = {};
  for (const key of reviewShortcutById("take").keys) map[key] = onTake;
  for (const key of reviewShortcutById("reviewed").keys) map[key] = onReviewed;
  for (const key of reviewShortcutById("nextUnreviewed").keys) map[key] = onNext;
  if (mode === "five")
    for (const key of reviewShortcutById("score").keys) map[key] = () => onScore(Number(key));
  else {
    for (const key of reviewShortcutById("pass").keys) map[key] = () => onScore("pass");
    for (const key of reviewShortcutById("fail").keys) map[key] = () => onScore("fail");
  }
  const guarded: HotkeyMap = Object.fromEntries(
    Object.entries(map).map(([key, handler]) => [
      key,
      (event: KeyboardEvent) => {
        if (!overlayOwnsKeys()) handler(event);
      },
    ]),
  );
  useHotkeys(guarded, { enabled });
}
