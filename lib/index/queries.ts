/**
 * The index's read API for route handlers: the conversation list and the facets of the selected
 * connections (`[]` or `["all"]`: every connection; an unknown id is a 404).
 */
import "server-only";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import { selectHandles } from "@/lib/connections/runtime";
import type { Database } from "@/lib/db/client";
import type { ConversationPage, Facets } from "@/lib/model/conversation";
import type { ListQuery } from "@/lib/model/list-query";
import { facetsFromIndex } from "./read/facets";
import { listFromIndex } from "./read/list";
import type { RowConnection } from "./store/conversation-rows";

export function rowConnection(handle: ConnectionHandle): RowConnection {
  return {
    id: handle.id,
    name: handle.name,
    provider: handle.provider,
    capabilities: handle.adapter.capabilities,
  };
}

export async function listConversations(db: Database, query: ListQuery): Promise<ConversationPage> {
  const handles = await selectHandles(db, query.connection);
  return listFromIndex(db, query, handles.map(rowConnection));
}

export async function listFacets(db: Database, selection: readonly string[]): Promise<Facets> {
  const handles = await selectHandles(db, selection);
  return facetsFromIndex(db, handles.map(rowConnection));
}
