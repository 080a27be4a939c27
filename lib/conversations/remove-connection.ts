/**
 * Removing a connection, seen from the conversations: its overlay (and index) rows go with it in
 * the database (ON DELETE CASCADE), and what this process kept of them in memory is dropped here,
 * above the connections layer, which knows nothing of conversations.
 */
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { removeConnection } from "@/lib/connections/service";
import type { Database } from "@/lib/db/client";
import { forgetOverlayOf } from "./overlay";

export async function removeConnectionAndConversations(
  db: Database,
  actor: Actor,
  id: string,
): Promise<void> {
  await removeConnection(db, actor, id);
  forgetOverlayOf(db, id);
}
