/**
 * Where a search matched the internal notes of a page's conversations: up to two notes per
 * conversation (oldest first), each as a `note` match whose snippet shows mentions as `@Name`
 * (never the stored `<@userId>` token). A note about a message carries that message's id, so the
 * result links to it.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import type { Match } from "@/lib/model/conversation";
import { MENTION_TOKEN, mentionIdsOf } from "@/lib/model/notes";
import { searchPattern, searchTsQuery } from "./filter-sql";
import { findRanges, searchNeedles, snippetOf } from "./highlight";
import { inConversationKeys, queryRows } from "./rows";

const NOTES_PER_CONVERSATION = 2;

/** The notes of these conversations matching `q`, by `connectionId\u0000conversationId`. */
export async function noteMatches(
  db: Database,
  q: string,
  keys: readonly { connectionId: string; conversationId: string }[],
): Promise<Map<string, Match[]>> {
  const rows = await queryRows<{
    connection_id: string;
    conversation_id: string;
    message_id: string | null;
    body: string;
  }>(
    db,
    sql`select connection_id, conversation_id, message_id, body from (
      select n.connection_id, n.conversation_id, n.message_id, n.body,
        row_number() over (partition by n.connection_id, n.conversation_id order by n.created_at, n.id) as rank
      from conversation_notes n
      where ${inConversationKeys(sql`(n.connection_id, n.conversation_id)`, keys)}
        and (n.vector @@ ${searchTsQuery(q)} or n.folded like ${searchPattern(q)})
    ) ranked where rank <= ${NOTES_PER_CONVERSATION} order by connection_id, conversation_id, rank`,
  );
  const byConversation = new Map<string, Match[]>();
  if (rows.length === 0) return byConversation;
  const ids = [...new Set(rows.flatMap((row) => mentionIdsOf(row.body)))];
  const names = new Map<string, string>();
  if (ids.length > 0) {
    const users = await queryRows<{ id: string; name: string }>(
      db,
      sql`select id, name from "user" where id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
    );
    for (const found of users) names.set(found.id, found.name);
  }
  const needles = searchNeedles(q);
  for (const row of rows) {
    const text = row.body.replace(MENTION_TOKEN, (_token, id: string) => `@${names.get(id) ?? "someone"}`);
    const match: Match = {
      field: "note",
      ...snippetOf(text, findRanges(text, needles)),
      messageId: row.message_id,
      position: null,
    };
    const key = `${row.connection_id}\u0000${row.conversation_id}`;
    byConversation.set(key, [...(byConversation.get(key) ?? []), match]);
  }
  return byConversation;
}
