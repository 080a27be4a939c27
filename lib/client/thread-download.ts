/**
 * A thread downloaded from its view, as Markdown or JSON. The server builds the file from the
 * whole thread and audits the download (`GET …/export?format=`); the browser reads it with fetch
 * so that a refusal (exports restricted to admins, a provider that is down) shows as a message
 * rather than a downloaded error page, then hands it over as a file.
 */
import type { ThreadExportFormat } from "@/lib/model/export";
import { errorOf, fileNameOf } from "./exports";

export function threadExportUrl(
  connectionId: string,
  conversationId: string,
  format: ThreadExportFormat,
): string {
  return `/api/conversations/${encodeURIComponent(connectionId)}/${encodeURIComponent(conversationId)}/export?format=${format}`;
}

export async function fetchThreadDownload(
  connectionId: string,
  conversationId: string,
  format: ThreadExportFormat,
  signal?: AbortSignal,
): Promise<{ blob: Blob; fileName: string }> {
  const response = await fetch(threadExportUrl(connectionId, conversationId, format), {
    signal,
    credentials: "same-origin",
  });
  if (!response.ok) throw await errorOf(response);
  return {
    blob: await response.blob(),
    fileName: fileNameOf(response, `parley-conversation.${format}`),
  };
}
