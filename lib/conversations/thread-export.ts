/**
 * A thread's download, built on the server from the thread as its view reads it (the provider,
 * live, page by page to the end), so it is audited like every export: one row per download (who,
 * which conversation, the format, how many messages), and refused to staff, with a row, when an
 * admin restricted exports to admins.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import type { Database } from "@/lib/db/client";
import type { Message } from "@/lib/model/conversation";
import { DomainError } from "@/lib/model/errors";
import type { ThreadExportFormat } from "@/lib/model/export";
import { assertMayExport } from "./settings";
import { getMessagePage, getThread } from "./thread";
import { threadContentTypes, threadFileName, threadJson, threadMarkdown } from "./thread-export-format";

/** Messages read per provider page (the messages API's largest page). */
const PAGE = 1000;

export const THREAD_EXPORT_ACTION = "conversation.export";

export interface ThreadFile {
  body: string;
  contentType: string;
  fileName: string;
  messages: number;
}

export async function exportThread(options: {
  db: Database;
  actor: Pick<Actor, "id" | "email" | "role">;
  handle: ConnectionHandle;
  conversationId: string;
  format: ThreadExportFormat;
  /** Parley's address, for the conversation's link in the file. */
  baseUrl: string;
}): Promise<ThreadFile> {
  const { db, actor, handle, conversationId, format } = options;
  const audited = { actor, connectionId: handle.id, connectionName: handle.name, conversationId };
  try {
    await assertMayExport(db, actor);
  } catch (error) {
    if (error instanceof DomainError)
      await recordAudit(db, {
        ...audited,
        action: THREAD_EXPORT_ACTION,
        after: { format },
        outcome: "failure",
        error: error.message,
      });
    throw error;
  }
  const first = await getThread(db, handle, conversationId, { limit: PAGE });
  const messages: Message[] = [...first.messages];
  let cursor = first.nextCursor;
  while (cursor) {
    const page = await getMessagePage(handle, conversationId, { cursor, limit: PAGE });
    messages.push(...page.messages);
    cursor = page.nextCursor;
  }
  const conversation = first.conversation;
  const url = `${options.baseUrl}/conversations/${encodeURIComponent(conversation.connectionId)}/${encodeURIComponent(conversation.id)}`;
  const body =
    format === "md" ? threadMarkdown(conversation, messages, url) : threadJson(conversation, messages, url);
  await recordAudit(db, {
    ...audited,
    action: THREAD_EXPORT_ACTION,
    after: { format, messages: messages.length },
    outcome: "success",
  });
  return {
    body,
    contentType: threadContentTypes[format],
    fileName: threadFileName(conversation, format),
    messages: messages.length,
  };
}
