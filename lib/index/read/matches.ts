/**
 * Where a search matched each conversation of a page: its title, contact or responder, and up to
 * three of its messages (first in the thread first), each with a snippet and highlight ranges, and
 * up to two of its internal notes (`note-matches.ts`).
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { Conversation, Match } from "@/lib/model/conversation";
import { searchPattern, searchTsQuery } from "./filter-sql";
import { findRanges, searchNeedles, snippetOf } from "./highlight";
import { noteMatches } from "./note-matches";
import { inConversationKeys, queryRows } from "./rows";

const MESSAGES_PER_CONVERSATION = 3;

function fieldMatch(field: Match["field"], text: string | null | undefined, needles: string[]): Match | null {
  if (!text) return null;
  const ranges = findRanges(text, needles);
  if (ranges.length === 0) return null;
  return { field, ...snippetOf(text, ranges), messageId: null, position: null };
}

export async function attachMatches(db: Database, q: string, items: Conversation[]): Promise<Conversation[]> {
  if (items.length === 0) return items;
  const needles = searchNeedles(q);
  const keys = items.map((item) => ({ connectionId: item.connectionId, conversationId: item.id }));
  const rows = await queryRows<{
    connection_id: string;
    conversation_id: string;
    message_id: string;
    position: number;
    text: string;
  }>(
    db,
    sql`select connection_id, conversation_id, message_id, position, text from (
      select m.connection_id, m.conversation_id, m.message_id, m.position, m.text, row_number() over (partition by m.connection_id, m.conversation_id order by m.position) as rank
      from indexed_messages m
      where ${inConversationKeys(sql`(m.connection_id, m.conversation_id)`, keys)}
        and (m.vector @@ ${searchTsQuery(q)} or m.folded like ${searchPattern(q)})
    ) ranked where rank <= ${MESSAGES_PER_CONVERSATION} order by connection_id, conversation_id, position`,
  );
  const byConversation = new Map<string, Match[]>();
  for (const row of rows) {
    const key = `${row.connection_id}\u0000${row.conversation_id}`;
    const ranges = findRanges(row.text, needles);
    const match: Match = {
      field: "message",
      ...snippetOf(row.text, ranges),
      messageId: row.message_id,
      position: Number(row.position),
    };
    byConversation.set(key, [...(byConversation.get(key) ?? []), match]);
  }
  const notes = await noteMatches(db, q, keys);
  return items.map((item) => {
    const fields = [
      fieldMatch("title", item.title, needles),
      fieldMatch("contact", item.owner?.name, needles) ??
        fieldMatch("contact", item.owner?.identifier, needles),
      fieldMatch("responder", item.responder?.name, needles),
    ].filter((match): match is Match => match !== null);
    return {
      ...item,
      matches: [
        ...fields,
        ...(byConversation.get(`${item.connectionId}\u0000${item.id}`) ?? []),
        ...(notes.get(`${item.connectionId}\u0000${item.id}`) ?? []),
      ],
    };
  });
}
