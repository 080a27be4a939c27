/**
 * A Cozmox conversation's whole thread from the chat index's kept messages (see
 * `cozmox-chat-index.ts`), for list pages that carry transcripts. It is built by the same
 * functions, with the same ids and order, as `listMessages` builds it from the chats it reads:
 * a chain's thread is its latest chat's history (never chat by chat, so nothing is counted twice),
 * a session's is each chat's turn, oldest first.
 *
 * undefined whenever the index cannot vouch for the whole thread: a chat without kept messages
 * (read before sync asked for them, or a chain's earlier chat that became its latest), a session
 * whose oldest chats may lie past the index's bound, or a session whose chats add no message
 * (`listMessages` answers that one `not_found`). Sync then reads the thread with `listMessages`.
 */
import type { Message } from "@/lib/model/conversation";
import { assembleCozmoxChainHistory } from "./assemble-cozmox-chain";
import { linkToolResults, mapCozmoxTurn } from "./assemble-cozmox-thread";
import type { CozmoxConversationEntry } from "./cozmox-chat-index";

export function cozmoxListTranscript(
  entry: CozmoxConversationEntry,
  chatsComplete: boolean,
): Message[] | undefined {
  if (entry.ref.kind === "chain") {
    const latest = entry.chats.at(-1);
    if (latest?.thread?.kind !== "history") return undefined;
    return assembleCozmoxChainHistory(entry.id, latest.thread.messages, latest.createdAt, entry.chats);
  }
  if (!chatsComplete) return undefined;
  const messages: Message[] = [];
  for (const chat of entry.chats) {
    if (chat.thread?.kind !== "turn") return undefined;
    messages.push(...mapCozmoxTurn(chat.thread, chat, entry.id, messages.length));
  }
  return messages.length === 0 ? undefined : linkToolResults(messages);
}
