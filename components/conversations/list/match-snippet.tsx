"use client";
/**
 * Where a search matched a conversation, under its title: the field, and a snippet of its text
 * with the matched words in `<mark>`. The snippet and its ranges come from the API; the ranges
 * only cut the text into segments rendered as React text (`highlightSegments`), never as HTML,
 * and invisible controls are shown as markers like every other provider text. A match inside a
 * message links to the thread at that message (`?message=<id>`); a plain click opens it beside
 * the list.
 */
import { Fragment } from "react";
import { revealControls } from "@/lib/text/reveal-controls";
import { highlightSegments } from "@/lib/text/search-folding";
import type { Conversation, Match } from "@/lib/model/conversation";

const fieldLabels: Record<Match["field"], string> = {
  title: "Title",
  contact: "Contact",
  responder: "Responder",
  message: "Message",
  note: "Note",
};

/** The match worth showing: the first one inside a message, else the first one. */
export function primaryMatch(conversation: Conversation): Match | null {
  const matches = conversation.matches ?? [];
  return matches.find((match) => match.field === "message" && match.messageId) ?? matches[0] ?? null;
}

function SnippetText({ match }: { match: Match }) {
  return (
    <bdi dir="auto">
      {highlightSegments(match.snippet, match.highlights).map((segment, index) =>
        segment.marked ? (
          <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-black">
            {revealControls(segment.text)}
          </mark>
        ) : (
          <Fragment key={index}>{revealControls(segment.text)}</Fragment>
        ),
      )}
    </bdi>
  );
}

export function MatchSnippet({
  match,
  href,
  tabbable,
  onOpen,
}: {
  match: Match;
  /** The thread at the matched message, for a message match. */
  href: string | null;
  tabbable: boolean;
  onOpen: () => void;
}) {
  const label = <span className="text-muted-foreground font-medium">{fieldLabels[match.field]}: </span>;
  if (!href || !match.messageId)
    return (
      <span className="line-clamp-2 text-xs" data-testid="match-snippet">
        {label}
        <SnippetText match={match} />
      </span>
    );
  return (
    <a
      href={href}
      tabIndex={tabbable ? 0 : -1}
      data-testid="match-snippet"
      title="Open the thread at this message"
      className="line-clamp-2 rounded-sm text-xs outline-none hover:underline focus-visible:underline"
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        onOpen();
      }}
    >
      {label}
      <SnippetText match={match} />
    </a>
  );
}
