/**
 * A conversation Parley's own data (labels, notes, reviews) may be attached to: its connection
 * exists and the conversation is in the index. Answers the connection (id and name), or throws
 * `not_found` naming which of the two is missing.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/lib/db/client";
import { connections, indexedConversations } from "@/lib/db/schema";
import { notFound } from "@/lib/model/errors";

export async function requireIndexedConversation(
  db: Database,
  connectionId: string,
  conversationId: string,
): Promise<{ id: string; name: string }> {
  const [connection] = await db
    .select({ id: connections.id, name: connections.name })
    .from(connections)
    .where(eq(connections.id, connectionId));
  if (!connection) throw notFound("This connection does not exist.");
  const [conversation] = await db
    .select({ id: indexedConversations.id })
    .from(indexedConversations)
    .where(
      and(eq(indexedConversations.connectionId, connectionId), eq(indexedConversations.id, conversationId)),
    );
  if (!conversation) throw notFound("This conversation is not in Parley's index (yet).");
  return connection;
}
