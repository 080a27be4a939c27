/**
 * Delete at the provider for a Cozmox conversation: seed 002's `DELETE /chat/{id}` for every chat
 * of it (a hard delete; Cozmox answers with the deleted chat). A chat already gone (404) counts as
 * deleted. When some deletes fail, the error says exactly which chats are gone and which remain,
 * in its message (what the API answers) and in `details.partial` (what the audit row records);
 * deleting again retries the rest.
 *
 * A session's chats are listed from Cozmox itself (`GET /chat?sessionId=`), a chain's from a
 * fresh read of the chat index, so a chat added a moment ago is not left behind. The session
 * itself is left as it is: seed 002 documents chats, and an empty session lists nothing.
 *
 * @see https://docs.cozmox.cloud/api-reference/chats/delete-chat (seed 002)
 */
import type { ProviderContext } from "@/lib/providers/contract";
import { isProviderError, ProviderError } from "@/lib/providers/errors";
import { COZMOX_MAX_LIMIT, deleteChat, listChats } from "./client";
import { findCozmoxConversation, forgetCozmoxChats } from "./cozmox-chat-index";
import { parseCozmoxConversationId } from "./group-cozmox-chats";

/** Deletes in flight at once: quick for a long session without flooding the provider. */
const DELETE_CONCURRENCY = 4;
/** Ids named in the error's message; the audit row keeps them all. */
const IDS_IN_MESSAGE = 10;
/** A ceiling on one session's chats (the thread reader's too). */
const MAX_SESSION_PAGES = 20;

async function sessionChatIds(context: ProviderContext, sessionId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page <= MAX_SESSION_PAGES; page++) {
    const { results } = await listChats(context, {
      sessionId,
      sortOrder: "ASC",
      page,
      limit: COZMOX_MAX_LIMIT,
    });
    ids.push(...results.map((chat) => chat.id));
    if (results.length < COZMOX_MAX_LIMIT) break;
  }
  return ids;
}

async function chatIdsOf(context: ProviderContext, id: string): Promise<string[]> {
  const ref = parseCozmoxConversationId(id);
  if (ref.kind === "session") return sessionChatIds(context, ref.sessionId);
  return (await findCozmoxConversation(context, id)).chats.map((chat) => chat.id);
}

type Outcome = { id: string; gone: true } | { id: string; gone: false; error: ProviderError };

async function deleteOne(context: ProviderContext, id: string): Promise<Outcome> {
  try {
    await deleteChat(context, id);
    return { id, gone: true };
  } catch (error) {
    if (!isProviderError(error)) throw error;
    return error.code === "not_found" ? { id, gone: true } : { id, gone: false, error };
  }
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of `items` in the result. */
async function inBatches<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

const listIds = (ids: readonly string[]): string =>
  ids.length <= IDS_IN_MESSAGE
    ? ids.join(", ")
    : `${ids.slice(0, IDS_IN_MESSAGE).join(", ")} and ${ids.length - IDS_IN_MESSAGE} more`;

export async function deleteCozmoxConversation(context: ProviderContext, id: string): Promise<void> {
  const chatIds = await chatIdsOf(context, id);
  if (chatIds.length === 0)
    throw new ProviderError("not_found", "cozmox", "Cozmox has no chats for this conversation");
  const outcomes = await inBatches(chatIds, DELETE_CONCURRENCY, (chatId) => deleteOne(context, chatId));
  const done = outcomes.filter((outcome) => outcome.gone).map((outcome) => outcome.id);
  const failures = outcomes.flatMap((outcome) => (outcome.gone ? [] : [outcome]));
  await forgetCozmoxChats(context, done);
  const first = failures[0];
  if (!first) return;
  const notDone = failures.map((failure) => failure.id);
  throw new ProviderError(
    first.error.code,
    "cozmox",
    `Cozmox deleted ${done.length} of ${chatIds.length} chats of this conversation; ` +
      `${notDone.length} remain (${listIds(notDone)}): ${first.error.message}. ` +
      `Deleted: ${done.length === 0 ? "none" : listIds(done)}. Deleting again retries the rest.`,
    { status: first.error.details.status, partial: { unit: "chat", done, notDone } },
  );
}
