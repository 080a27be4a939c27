/**
 * The one way Parley writes a time, everywhere (list, thread, history, admin): a short relative
 * time for reading at a glance ("3 h ago", "12 d ago") and the exact local time for when it
 * matters ("Nov 20, 2026, 11:53:35 AM"). `components/ui/time-ago.tsx` shows both: the relative
 * time, with the exact one on hover and keyboard focus.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 min ago", "3 h ago", "12 d ago", "4 mo ago", "2 y ago"; null when unreadable. */
export function formatRelativeTime(iso: string | null | undefined, now: number = Date.now()): string | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const elapsed = now - time;
  if (elapsed < -MINUTE) return "in the future";
  if (elapsed < MINUTE) return "just now";
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  if (elapsed < 30 * DAY) return `${Math.floor(elapsed / DAY)} d ago`;
  if (elapsed < 365 * DAY) return `${Math.floor(elapsed / (30 * DAY))} mo ago`;
  return `${Math.floor(elapsed / (365 * DAY))} y ago`;
}

const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** The exact time in the reader's locale and time zone; null when missing or unreadable. */
export function formatExactTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : exactFormat.format(time);
}
