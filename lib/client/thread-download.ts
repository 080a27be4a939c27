/**
 * A thread downloaded from its view, as Markdown (for reading and pasting) or JSON (Parley's
 * model). Every page of the thread is read through the messages API first, so the file holds the
 * whole conversation, not only what the view has scrolled through.
 */
import { apiFetch } from "@/lib/client/api-client";
import type { ConversationDetail, Message, MessagePage, ThreadPage } from "@/lib/model/conversation";
import { providerLabels } from "@/lib/model/constants";

const PAGE = 1000;

const threadPath = (connectionId: string, conversationId: string) =>
  `/api/conversations/${encodeURIComponent(connectionId)}/${encodeURIComponent(conversationId)}`;

export async function fetchWholeThread(
  connectionId: string,
  conversationId: string,
  signal?: AbortSignal,
): Promise<{ conversation: ConversationDetail; messages: Message[] }> {
  const path = threadPath(connectionId, conversationId);
  const first = await apiFetch<ThreadPage>(`${path}?limit=${PAGE}`, { signal });
  const messages = [...first.messages];
  let cursor = first.nextCursor;
  while (cursor) {
    const page: MessagePage = await apiFetch<MessagePage>(
      `${path}/messages?limit=${PAGE}&cursor=${encodeURIComponent(cursor)}`,
      { signal },
    );
    messages.push(...page.messages);
    cursor = page.nextCursor;
  }
  return { conversation: first.conversation, messages };
}

const roleLabels: Record<Message["role"], string> = {
  user: "User",
  assistant: "Assistant",
  system: "System",
  tool: "Tool",
  developer: "Developer",
  human_agent: "Human agent",
  unknown: "Unknown",
};

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
  const lines = [
    `# ${conversation.title ?? `Conversation ${conversation.id}`}`,
    "",
    `- Connection: ${conversation.connectionName} (${providerLabels[conversation.provider]})`,
    `- Conversation id: ${conversation.id}`,
    ...(conversation.status ? [`- Status: ${conversation.status}`] : []),
    ...(conversation.createdAt ? [`- Started: ${conversation.createdAt}`] : []),
    ...(conversation.lastActivityAt ? [`- Last activity: ${conversation.lastActivityAt}`] : []),
    `- Cost: ${conversation.cost?.usd != null ? `${conversation.cost.usd} USD` : "unknown"}`,
    `- In Parley: ${url}`,
    "",
  ];
  for (const message of messages) {
    const role =
      message.role === "unknown" && message.providerRole ? message.providerRole : roleLabels[message.role];
    lines.push(`## ${role}${message.createdAt ? ` · ${message.createdAt}` : ""}`, "");
    if (message.text) lines.push(message.text, "");
    for (const call of message.toolCalls) {
      lines.push(`**Tool call: ${call.name}**`, "", fenced(call.arguments), "");
      if (call.result !== null) lines.push("**Result**", "", fenced(call.result), "");
    }
    for (const source of message.sources)
      lines.push(`- Source: ${[source.title, source.url].filter(Boolean).join(" — ")}`);
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

/** A file name from the conversation's id: letters, digits, dot, dash and underscore only. */
export function threadFileName(
  conversation: Pick<ConversationDetail, "id">,
  extension: "md" | "json",
): string {
  const safe = conversation.id.replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80) || "conversation";
  return `parley-conversation-${safe}.${extension}`;
}
