/**
 * Downloads in the browser. The conversation export is read with fetch and a stream reader, so the
 * page can show the rows received so far and cancel (AbortController); the file is handed over as
 * a Blob once complete. Chosen over a plain link (a streamed download) because a link gives no
 * progress, no cancel the page controls, and turns a refusal (403, a bad filter) into a downloaded
 * error file instead of a message. The cost: the finished file sits in the browser's memory until
 * it is saved, which suits list exports (tens of MB for 100,000 rows of CSV).
 */
import { ApiRequestError } from "@/lib/client/api-client";
import type { ExportFormat } from "@/lib/model/export";

/** The export's URL for the list's canonical query string (`lib/model/list-query-string.ts`). */
export function exportUrl(format: ExportFormat, listQuery: string): string {
  return `/api/conversations/export?format=${format}${listQuery ? `&${listQuery}` : ""}`;
}

/**
 * Counts records as chunks arrive: CSV records end at a line break outside quotes (cells may hold
 * line breaks), JSON Lines records at every line break. The CSV header is not a row.
 */
export function recordCounter(format: ExportFormat) {
  let quoted = false;
  let lines = 0;
  return {
    push(text: string): number {
      for (let index = 0; index < text.length; index++) {
        const character = text.charCodeAt(index);
        if (format === "csv" && character === 34) quoted = !quoted;
        else if (character === 10 && !quoted) lines++;
      }
      return format === "csv" ? Math.max(0, lines - 1) : lines;
    },
  };
}

export interface ExportResult {
  blob: Blob;
  rows: number;
  fileName: string;
}

/** The file name the server gave in Content-Disposition, else `fallback`. */
export function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "");
  return match?.[1] ?? fallback;
}

/** A refused download as the API's error (its one shape), for a message in the page. */
export async function errorOf(response: Response): Promise<ApiRequestError> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return new ApiRequestError(
      response.status,
      body.error?.code ?? "http_error",
      body.error?.message ?? `The server answered ${response.status}.`,
    );
  } catch {
    return new ApiRequestError(response.status, "http_error", `The server answered ${response.status}.`);
  }
}

/** Reads an export to the end, reporting rows as they arrive; rejects with an AbortError when cancelled. */
export async function fetchExport(
  format: ExportFormat,
  listQuery: string,
  options: { signal: AbortSignal; onRows: (rows: number) => void },
): Promise<ExportResult> {
  const response = await fetch(exportUrl(format, listQuery), {
    signal: options.signal,
    credentials: "same-origin",
  });
  if (!response.ok || !response.body) throw await errorOf(response);
  const reader = response.body.getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const counter = recordCounter(format);
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let rows = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value as Uint8Array<ArrayBuffer>);
    rows = counter.push(decoder.decode(value, { stream: true }));
    options.onRows(rows);
  }
  return {
    blob: new Blob(parts, { type: response.headers.get("content-type") ?? "application/octet-stream" }),
    rows,
    fileName: fileNameOf(response, `parley-conversations.${format}`),
  };
}

/** Hands a Blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
