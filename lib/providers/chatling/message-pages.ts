/**
 * Reads a slice of a thread from Chatling's fixed-size message pages (`…/messages?page=&sort=date_asc`).
 * Chatling does not document its page size, so the first request guesses it, learns the real one
 * from `pages.per_page`, and asks again only when the guess was wrong. The whole-thread count
 * comes from `last_page`: the last page is fetched (alongside the others) to make it exact.
 */
import type { ChatlingMessage, ChatlingPages } from "./wire-schemas";

/** The page size the simulator and, as far as known, Chatling use for messages. Only a first guess. */
export const GUESSED_MESSAGES_PER_PAGE = 100;

export interface MessagePageAnswer {
  pages: ChatlingPages;
  messages: ChatlingMessage[];
}

export interface ThreadSlice {
  /** Messages in thread order, each with its 0-based position in the whole thread. */
  messages: { message: ChatlingMessage; position: number }[];
  total: number;
}

/** The 1-based pages holding positions `offset … offset + limit - 1` with pages of `perPage`. */
export function pagesCovering(
  offset: number,
  limit: number,
  perPage: number,
): { first: number; last: number } {
  return { first: Math.floor(offset / perPage) + 1, last: Math.floor((offset + limit - 1) / perPage) + 1 };
}

/**
 * Fetches only the pages that hold the slice (plus the last page, for the exact count) and returns
 * the slice with each message's position. `fetchPage` asks for one page, oldest first.
 */
export async function readThreadSlice(
  fetchPage: (page: number) => Promise<MessagePageAnswer>,
  offset: number,
  limit: number,
): Promise<ThreadSlice> {
  const fetched = new Map<number, MessagePageAnswer>();
  let perPage = GUESSED_MESSAGES_PER_PAGE;
  let range = pagesCovering(offset, limit, perPage);
  const opening = await fetchPage(range.first);
  fetched.set(range.first, opening);
  if (opening.pages.per_page !== perPage) {
    perPage = opening.pages.per_page;
    range = pagesCovering(offset, limit, perPage);
  }
  const lastPage = opening.pages.last_page;

  const wanted = new Set<number>();
  for (let page = range.first; page <= Math.min(range.last, lastPage); page++) wanted.add(page);
  if (lastPage >= 1) wanted.add(lastPage);
  const missing = [...wanted].filter((page) => !fetched.has(page));
  const answers = await Promise.all(missing.map((page) => fetchPage(page)));
  missing.forEach((page, index) => {
    const answer = answers[index];
    if (answer) fetched.set(page, answer);
  });

  const messages: ThreadSlice["messages"] = [];
  for (let page = range.first; page <= Math.min(range.last, lastPage); page++) {
    (fetched.get(page)?.messages ?? []).forEach((message, index) => {
      const position = (page - 1) * perPage + index;
      if (position >= offset && position < offset + limit) messages.push({ message, position });
    });
  }
  const total = lastPage < 1 ? 0 : (lastPage - 1) * perPage + (fetched.get(lastPage)?.messages.length ?? 0);
  return { messages, total };
}
