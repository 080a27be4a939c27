"use client";
/**
 * The sidebar's review views: "Mine" (assigned to me, archived too; the count is what is left to review) and
 * "To review" (what is unreviewed under the list's current filters; the count is how many).
 */
import { ClipboardCheckIcon, UserCheckIcon } from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { useListCount } from "@/lib/client/review";
import { cn } from "@/lib/utils";

/** URL parameters that belong to one page of the list, not to its filter. */
const notFilters = ["cursor", "open", "message", "reviewState"];

function Count({ query, label }: { query: string; label: string }) {
  const count = useListCount(query);
  const total = count.data?.total;
  if (total === undefined || total === null) return null;
  const text = `${total}${count.data?.isEstimate ? "+" : ""}`;
  return (
    <span className="text-muted-foreground ml-auto text-xs tabular-nums">
      {text}
      <span className="sr-only"> {label}</span>
    </span>
  );
}

function ViewLink({
  href,
  active,
  onNavigate,
  children,
}: {
  href: string;
  active: boolean;
  onNavigate?: () => void;
  children: ReactNode;
}) {
  return (
    <Link
      href={href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      className={cn(
        "hover:bg-accent hover:text-accent-foreground focus-visible:ring-ring/50 flex items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none focus-visible:ring-[3px]",
        active && "bg-accent text-accent-foreground font-medium",
      )}
    >
      {children}
    </Link>
  );
}

export function ReviewViewsNav({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const onList = pathname.startsWith("/conversations");
  const mineActive = onList && searchParams.getAll("assignee").join(",") === "me";
  const toReviewActive = onList && searchParams.get("reviewState") === "unreviewed";
  // "To review" keeps the list's other filters (one responder, last week…) when on the list.
  const filters = new URLSearchParams(onList ? searchParams.toString() : "");
  for (const key of notFilters) filters.delete(key);
  filters.set("reviewState", "unreviewed");
  const toReview = filters.toString();
  return (
    <>
      <li>
        <ViewLink onNavigate={onNavigate} href="/conversations?view=all&assignee=me" active={mineActive}>
          <UserCheckIcon className="size-4" aria-hidden />
          Mine
          <Count query="view=all&assignee=me&reviewState=unreviewed,in_review" label="left to review" />
        </ViewLink>
      </li>
      <li>
        <ViewLink onNavigate={onNavigate} href={`/conversations?${toReview}`} active={toReviewActive}>
          <ClipboardCheckIcon className="size-4" aria-hidden />
          To review
          <Count query={toReview} label="unreviewed" />
        </ViewLink>
      </li>
    </>
  );
}
