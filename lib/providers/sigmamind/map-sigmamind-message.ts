/**
 * Maps a SigmaMind chat's history into Parley messages, oldest first.
 *
 * The thread comes from `messages[]` (the full history, in the order SigmaMind returns it). Older
 * records carry only the `transcript` string; then each `role: text` line starts a message and the
 * lines after it (markdown spans several lines) continue it. When both are empty, `response[]`
 * (the last reply, as the create answer carries it) is all there is.
 *
 * SigmaMind gives no per-message timestamp, so `createdAt` is always null. Ids are the provider's
 * item ids, or `${chatId}:${index}` when an item has none or repeats one.
 *
 * @see https://docs.sigmamind.ai/api-reference/chats/get-chat
 */
import type { Message, MessageRole, ToolCall } from "@/lib/model/conversation";
import { sigmamindToolCallContentSchema, type SigmamindChat, type SigmamindChatItem } from "./wire-schemas";

/** Item types that carry a tool invocation as JSON `{name, arguments}` instead of text. */
const toolCallTypes: ReadonlySet<string> = new Set(["function_call", "tool_call"]);

/** SigmaMind's role words (and the speakers transcripts use) in Parley's roles. */
const roleWords: Readonly<Record<string, MessageRole>> = {
  user: "user",
  customer: "user",
  assistant: "assistant",
  agent: "assistant",
  ai: "assistant",
  bot: "assistant",
  system: "system",
  tool: "tool",
  function: "tool",
  developer: "developer",
  human_agent: "human_agent",
};

const transcriptSpeaker = new RegExp(`^(${Object.keys(roleWords).join("|")})\\s*:\\s?(.*)$`, "i");

/** A SigmaMind role word in Parley's roles; anything unrecognised is `unknown`. */
export function mapSigmamindRole(role: string | null | undefined): MessageRole {
  if (!role) return "unknown";
  return roleWords[role.trim().toLowerCase()] ?? "unknown";
}

function textOf(content: SigmamindChatItem["content"]): string {
  if (content === null || content === undefined) return "";
  return typeof content === "string" ? content : content.join("\n");
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A tool-call item's JSON content as a Parley tool call; unreadable content is kept as arguments. */
function toolCallOf(item: SigmamindChatItem, text: string): ToolCall {
  const parsed = sigmamindToolCallContentSchema.safeParse(parseJson(text));
  if (!parsed.success) return { id: item.id ?? null, name: "unknown", arguments: text, result: null };
  const { name, arguments: toolArguments } = parsed.data;
  return {
    id: item.id ?? null,
    name,
    arguments: typeof toolArguments === "string" ? toolArguments : JSON.stringify(toolArguments ?? {}),
    result: null,
  };
}

function message(id: string, role: MessageRole, providerRole: string | null, text: string): Message {
  return {
    id,
    role,
    providerRole,
    text,
    createdAt: null,
    toolCalls: [],
    toolCallId: null,
    sources: [],
    rating: null,
    cost: null,
  };
}

/** Maps `messages[]` (or `response[]`) items; ids stay unique within the thread. */
export function mapSigmamindItems(chatId: string, items: readonly SigmamindChatItem[]): Message[] {
  const seen = new Set<string>();
  return items.map((item, index) => {
    const providerId = item.id?.trim();
    const id = providerId && !seen.has(providerId) ? providerId : `${chatId}:${index}`;
    seen.add(id);
    const text = textOf(item.content);
    const providerRole = item.role ?? null;
    if (item.type && toolCallTypes.has(item.type)) {
      return {
        ...message(id, mapSigmamindRole(providerRole), providerRole, ""),
        toolCalls: [toolCallOf(item, text)],
      };
    }
    return message(id, mapSigmamindRole(providerRole), providerRole, text);
  });
}

/** Splits a transcript into messages at `role:` lines; other lines continue the message before. */
export function parseSigmamindTranscript(chatId: string, transcript: string): Message[] {
  const parts: { providerRole: string | null; lines: string[] }[] = [];
  for (const line of transcript.split(/\r?\n/)) {
    const speaker = transcriptSpeaker.exec(line);
    const current = parts.at(-1);
    if (speaker) parts.push({ providerRole: speaker[1] ?? null, lines: [speaker[2] ?? ""] });
    else if (current) current.lines.push(line);
    else if (line.trim() !== "") parts.push({ providerRole: null, lines: [line] });
  }
  return parts.map((part, index) =>
    message(
      `${chatId}:${index}`,
      mapSigmamindRole(part.providerRole),
      part.providerRole,
      part.lines.join("\n").trimEnd(),
    ),
  );
}

/** The whole thread of a chat, oldest first. */
export function mapSigmamindThread(chat: SigmamindChat): Message[] {
  if (chat.messages && chat.messages.length > 0) return mapSigmamindItems(chat.chatId, chat.messages);
  if (chat.transcript && chat.transcript.trim() !== "")
    return parseSigmamindTranscript(chat.chatId, chat.transcript);
  if (chat.response && chat.response.length > 0) return mapSigmamindItems(chat.chatId, chat.response);
  return [];
}
