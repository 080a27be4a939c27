/**
 * A thread as a file: Markdown (for reading and pasting) or JSON (Parley's model). Provider text is
 * untrusted: in Markdown every character that could start markup (emphasis, links, images, HTML,
 * headings, lists, quotes, tables, code) is escaped, so any renderer shows the text as it was
 * written; tool calls and results sit in fences longer than any run of backticks they hold.
 */
import { providerLabels } from "@/lib/model/constants";
import type { ConversationDetail, Message } from "@/lib/model/conversation";
import type { ThreadExportFormat } from "@/lib/model/export";

const roleLabels: Record<Message["role"], string> = {
  user: "User",
  assistant: "Assistant",
  system: "System",
  tool: "Tool",
  developer: "Developer",
  human_agent: "Human agent",
  unknown: "Unknown",
};

/** Characters that are markup anywhere in a line (CommonMark and GitHub's extensions). */
const INLINE_MARKUP = /[\\`*_[\]<>&|~!#]/g;

/**
 * One line of untrusted text as Markdown that renders as that text: inline markup characters are
 * backslash-escaped (any ASCII punctuation may be), and so are the marks that open a block at the
 * start of a line (list items, ordered lists, setext underlines, thematic breaks). Leading spaces
 * are kept as non-breaking ones, so an indent never turns the line into a code block. (A bare
 * `https://…` may still be shown as a link by renderers that link bare addresses, as GitHub does
 * in plain text; its text stays the same.)
 */
export function escapeMarkdownLine(line: string): string {
  const escaped = line.replace(INLINE_MARKUP, (character) => `\\${character}`);
  const indent = /^[ \t]*/.exec(escaped)?.[0] ?? "";
  const rest = escaped
    .slice(indent.length)
    .replace(/^([-+=])/, "\\$1")
    .replace(/^(\d{1,9})([.)])/, "$1\\$2");
  return `${"\u00a0".repeat(indent.replace(/\t/g, "  ").length)}${rest}`;
}

/**
 * Untrusted text as Markdown: each line escaped, line breaks kept (two trailing spaces: a hard
 * break that no bare address can swallow, as it would a trailing backslash), blank lines kept as
 * paragraph breaks.
 */
export function escapeMarkdown(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return lines
    .map((line, index) => {
      if (line.trim() === "") return "";
      const escaped = escapeMarkdownLine(line);
      const next = lines[index + 1];
      const breaks = escaped.trim() !== "" && next !== undefined && next.trim() !== "";
      return breaks ? `${escaped}  ` : escaped;
    })
    .join("\n");
}

/** A fence longer than any run of backticks in `text`, so the text cannot close it. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
}

export function threadMarkdown(
  conversation: ConversationDetail,
  messages: readonly Message[],
  url: string,
): string {
  const text = escapeMarkdown;
  const lines = [
    `# ${text(conversation.title ?? `Conversation ${conversation.id}`)}`,
    "",
    `- Connection: ${text(conversation.connectionName)} (${providerLabels[conversation.provider]})`,
    `- Conversation id: ${text(conversation.id)}`,
    ...(conversation.status ? [`- Status: ${text(conversation.status)}`] : []),
    ...(conversation.createdAt ? [`- Started: ${conversation.createdAt}`] : []),
    ...(conversation.lastActivityAt ? [`- Last activity: ${conversation.lastActivityAt}`] : []),
    `- Cost: ${conversation.cost?.usd != null ? `${conversation.cost.usd} USD` : "unknown"}`,
    `- Messages: ${messages.length}`,
    `- In Parley: <${url}>`,
    "",
  ];
  for (const message of messages) {
    const role =
      message.role === "unknown" && message.providerRole
        ? text(message.providerRole)
        : roleLabels[message.role];
    lines.push(`## ${role}${message.createdAt ? ` · ${text(message.createdAt)}` : ""}`, "");
    if (message.text) lines.push(text(message.text), "");
    for (const call of message.toolCalls) {
      lines.push(`**Tool call: ${text(call.name)}**`, "", fenced(call.arguments), "");
      if (call.result !== null) lines.push("**Result**", "", fenced(call.result), "");
    }
    for (const source of message.sources)
      lines.push(`- Source: ${text([source.title, source.url].filter(Boolean).join(" — "))}`);
    if (message.sources.length > 0) lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}

export function threadJson(
  conversation: ConversationDetail,
  messages: readonly Message[],
  url: string,
): string {
  return `${JSON.stringify({ conversation, url, messages }, null, 2)}\n`;
}

export const threadContentTypes: Record<ThreadExportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/** A file name from the conversation's id: letters, digits, dot, dash and underscore only. */
export function threadFileName(
  conversation: Pick<ConversationDetail, "id">,
  format: ThreadExportFormat,
): string {
  const safe = conversation.id.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80) || "conversation";
  return `parley-conversation-${safe}.${format}`;
}
