/**
 * The parts of a message besides its text: tool calls (collapsible, arguments and result
 * pretty-printed as text), a tool result, sources/citations (links, web addresses only), the
 * answer rating and the message's cost.
 */
import { ThumbsDownIcon, ThumbsUpIcon, WrenchIcon } from "lucide-react";
import type { Cost, Source, ToolCall } from "@/lib/model/conversation";
import { UntrustedText } from "@/components/ui/untrusted-text";
import { revealBidiOverrides } from "@/lib/text/reveal-controls";
import { formatTokens, formatUsd, prettyJson } from "./format";
import { safeUrl } from "./safe-markdown";

const preClass =
  "bg-muted mt-1 max-h-80 overflow-auto rounded-md p-2 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere]";
const summaryClass =
  "flex cursor-pointer items-center gap-1.5 rounded-sm text-xs font-medium outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50";

export function ToolCallBlock({ call }: { call: ToolCall }) {
  return (
    <details className="bg-card mt-2 rounded-md border p-2" data-testid="tool-call">
      <summary className={summaryClass}>
        <WrenchIcon className="size-3.5" aria-hidden />
        Tool call: <UntrustedText text={call.name} className="font-mono" />
      </summary>
      <div className="mt-1 text-xs">
        <p className="text-muted-foreground">Arguments</p>
        <pre className={preClass} dir="auto">
          {revealBidiOverrides(prettyJson(call.arguments)) || "(none)"}
        </pre>
        {call.result !== null ? (
          <>
            <p className="text-muted-foreground mt-2">Result</p>
            <pre className={preClass} dir="auto">
              {revealBidiOverrides(prettyJson(call.result))}
            </pre>
          </>
        ) : null}
        {call.id ? <p className="text-muted-foreground mt-1">Call id: {call.id}</p> : null}
      </div>
    </details>
  );
}

export function ToolResultBlock({ text, toolCallId }: { text: string; toolCallId: string | null }) {
  return (
    <details className="bg-card mt-1 rounded-md border p-2" open={text.length < 400}>
      <summary className={summaryClass}>Tool result{toolCallId ? ` for call ${toolCallId}` : ""}</summary>
      <pre className={preClass} dir="auto">
        {revealBidiOverrides(prettyJson(text))}
      </pre>
    </details>
  );
}

export function SourceList({ sources }: { sources: Source[] }) {
  return (
    <div className="mt-2">
      <p className="text-muted-foreground text-xs font-medium">Sources</p>
      <ul className="mt-1 space-y-0.5 text-xs">
        {sources.map((source, index) => {
          const url = safeUrl(source.url);
          const title = source.title || source.url || "Untitled source";
          return (
            <li
              key={`${index}-${source.url ?? ""}`}
              className="flex min-w-0 gap-1.5 [overflow-wrap:anywhere]"
            >
              {source.type ? <span className="text-muted-foreground shrink-0">{source.type}:</span> : null}
              {url ? (
                <a
                  href={url}
                  target="_blank"
                  rel="noopener noreferrer"
                  className="text-primary min-w-0 rounded-sm underline underline-offset-2 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
                  {title}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              ) : (
                <span className="min-w-0">{title}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

export function RatingNote({ rating }: { rating: number }) {
  if (rating > 0)
    return (
      <p className="text-success mt-2 flex items-center gap-1 text-xs font-medium">
        <ThumbsUpIcon className="size-3.5" aria-hidden /> Rated helpful
      </p>
    );
  if (rating < 0)
    return (
      <p className="text-destructive mt-2 flex items-center gap-1 text-xs font-medium">
        <ThumbsDownIcon className="size-3.5" aria-hidden /> Rated not helpful
      </p>
    );
  return <p className="text-muted-foreground mt-2 text-xs">Rating: {rating}</p>;
}

/** "$0.0040 · 131 in · 208 out tokens" for one message. */
export function costText(cost: Cost): string {
  const tokens = formatTokens(cost);
  return [cost.usd !== null ? formatUsd(cost.usd) : null, tokens].filter(Boolean).join(" · ");
}
