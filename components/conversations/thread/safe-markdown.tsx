"use client";
/**
 * Renders provider message text as markdown that cannot run anything. Provider content is
 * untrusted, so:
 * - raw HTML is shown as literal text (never parsed: no rehype-raw), then rehype-sanitize strips
 *   anything outside GitHub's safe schema;
 * - every URL passes `safeUrl`: only http(s) and mailto survive, everything else becomes "";
 * - links open in a new tab with `rel="noopener noreferrer"`; a link whose address was removed
 *   renders as plain text;
 * - images are never loaded (tracking pixels, CSP): their alt text is shown, with a link when the
 *   address is a web address;
 * - bidi overrides, embeddings and isolates are shown as markers (`⟨U+202E⟩`) instead of
 *   reordering the text, and the message is its own bidi isolate (`dir="auto"`), so a
 *   right-to-left message never reorders the page around it.
 * Parley's internal notes use the same renderer; their `<@userId>` mention tokens become names
 * (`mentions`, see components/notes/mention-plugin.ts) after sanitizing.
 */
import { memo, type ReactNode } from "react";
import Markdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import type { PluggableList } from "unified";
import { rehypeMentions } from "@/components/notes/mention-plugin";
import type { NoteMention } from "@/lib/model/notes";
import { revealBidiOverrides } from "@/lib/text/reveal-controls";
import { rehypeHighlight, rehypeMarkWords, remarkRawHtmlAsText } from "./markdown-plugins";

const SAFE_URL = /^(https?:\/\/|mailto:)/i;

/** Keeps http(s) and mailto addresses; anything else (javascript:, data:, relative) becomes "". */
export function safeUrl(url: string | null | undefined): string {
  const trimmed = (url ?? "").trim();
  return SAFE_URL.test(trimmed) ? trimmed : "";
}

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="text-primary rounded-sm underline underline-offset-2 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
    >
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

const components: Components = {
  a: ({ href, children }) => {
    const url = safeUrl(href);
    if (!url)
      return (
        <span className="underline decoration-dotted" title="Link removed: not a web address">
          {children}
        </span>
      );
    return <ExternalLink href={url}>{children}</ExternalLink>;
  },
  img: ({ src, alt }) => {
    const url = typeof src === "string" ? safeUrl(src) : "";
    const label = `[Image${alt ? `: ${alt}` : ""}]`;
    return (
      <span className="text-muted-foreground italic">
        {url ? <ExternalLink href={url}>{label}</ExternalLink> : label}
      </span>
    );
  },
  input: ({ checked }) => <span>{checked ? "☑ " : "☐ "}</span>,
  h1: ({ children }) => <p className="font-semibold">{children}</p>,
  h2: ({ children }) => <p className="font-semibold">{children}</p>,
  h3: ({ children }) => <p className="font-semibold">{children}</p>,
  h4: ({ children }) => <p className="font-semibold">{children}</p>,
  h5: ({ children }) => <p className="font-semibold">{children}</p>,
  h6: ({ children }) => <p className="font-semibold">{children}</p>,
  pre: ({ children }) => (
    <pre className="bg-muted my-2 overflow-x-auto rounded-md p-3 font-mono text-xs whitespace-pre-wrap">
      {children}
    </pre>
  ),
  code: ({ children, className }) => (
    <code className={className ? "font-mono" : "bg-muted rounded px-1 py-0.5 font-mono text-[0.9em]"}>
      {children}
    </code>
  ),
  table: ({ children }) => (
    <div className="my-2 overflow-x-auto">
      <table className="border-collapse text-left text-xs [&_td]:border [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:px-2 [&_th]:py-1">
        {children}
      </table>
    </div>
  ),
};

const remarkPlugins: PluggableList = [remarkGfm, remarkRawHtmlAsText];
const plainRehypePlugins: PluggableList = [rehypeSanitize];

/**
 * Markdown from a provider, sanitized; `highlight` marks find-in-thread matches, `searchNeedles`
 * the words of the list search that led to this message.
 */
export const SafeMarkdown = memo(function SafeMarkdown({
  text,
  highlight,
  searchNeedles,
  mentions,
}: {
  text: string;
  highlight?: string;
  searchNeedles?: readonly string[];
  /** A note's mentions: its `<@userId>` tokens are shown as the users' current names. */
  mentions?: readonly NoteMention[];
}) {
  let rehypePlugins: PluggableList = plainRehypePlugins;
  if (highlight || searchNeedles?.length || mentions) {
    rehypePlugins = [rehypeSanitize];
    if (mentions) rehypePlugins.push([rehypeMentions, { mentions }]);
    if (searchNeedles?.length) rehypePlugins.push([rehypeMarkWords, { needles: searchNeedles }]);
    if (highlight) rehypePlugins.push([rehypeHighlight, { query: highlight }]);
  }
  return (
    <div
      dir="auto"
      className="text-sm leading-relaxed break-words [overflow-wrap:anywhere] [&_blockquote]:border-l-2 [&_blockquote]:pl-3 [&_li]:my-0.5 [&_mark]:rounded-sm [&_mark]:bg-yellow-200 [&_mark]:text-black [&_ol]:list-decimal [&_ol]:pl-5 [&_p]:my-1 [&_ul]:list-disc [&_ul]:pl-5"
    >
      <Markdown
        remarkPlugins={remarkPlugins}
        rehypePlugins={rehypePlugins}
        urlTransform={safeUrl}
        components={components}
      >
        {revealBidiOverrides(text)}
      </Markdown>
    </div>
  );
});
