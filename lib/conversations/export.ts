/**
 * Exports what the list filters, streamed from the index with backpressure: a `ReadableStream`
 * whose `pull` reads the next keyset page only when the reader asks for more, so the server holds
 * one page at a time however many rows match. Each export is one audit row (who, the filter, the
 * format, how many rows, and whether it completed, was cancelled or failed), written when the
 * stream ends.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import type { Database } from "@/lib/db/client";
import { readExportPage, readIndexedMessages, type ExportPage } from "@/lib/index/read/export";
import { attachLabels, labelNamesById } from "@/lib/index/read/labels";
import type { KeysetPosition } from "@/lib/index/read/cursor";
import type { RowConnection } from "@/lib/index/store/conversation-rows";
import type { ExportQuery } from "@/lib/model/export";
import type { ListQuery } from "@/lib/model/list-query";
import { rowKey } from "@/lib/model/row-key";
import { log } from "@/lib/logger";
import { csvHeader, csvRow, jsonlLine } from "./export-format";

/**
 * Rows read per database round trip. Each page is one keyset query that sorts what is left, so
 * larger pages make a long export faster; a page of 2,000 CSV rows is ~0.6 MB. JSON Lines pages
 * are smaller because each conversation carries its indexed messages.
 */
export const EXPORT_PAGE_SIZE = { csv: 2000, jsonl: 200 } as const;

export type ExportEnd = "completed" | "cancelled" | "failed";

export interface ExportOptions {
  db: Database;
  query: ExportQuery;
  connections: readonly RowConnection[];
  actor: Pick<Actor, "id" | "email">;
  /** Parley's address, for each conversation's link. */
  baseUrl: string;
  pageSize?: number;
  /** Called once the audit row is written (tests wait for it). */
  onEnd?: (end: ExportEnd, rows: number) => void;
}

/** The filter as the audit row records it: only what narrows the export. */
function auditedFilter(query: ExportQuery): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(query).filter(
      ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  );
}

export function exportStream(options: ExportOptions): ReadableStream<Uint8Array> {
  const { db, query, connections, actor, baseUrl } = options;
  const format = query.format;
  const pageSize = options.pageSize ?? EXPORT_PAGE_SIZE[format];
  const listQuery: ListQuery = { ...query, cursor: undefined, limit: pageSize };
  const encoder = new TextEncoder();
  let after: KeysetPosition | null = null;
  let started = false;
  let rows = 0;
  let ended = false;

  async function finish(end: ExportEnd, error?: unknown) {
    if (ended) return;
    ended = true;
    try {
      await recordAudit(db, {
        actor,
        action: "conversations.export",
        after: { format, filter: auditedFilter(query), rows, end },
        outcome: end === "failed" ? "failure" : "success",
        error: end === "failed" ? "The export stopped on a server error." : null,
      });
    } catch (auditError) {
      log.error("export.audit_failed", { error: String(auditError) });
    }
    if (error) log.error("export.failed", { error: error instanceof Error ? error.message : "unknown" });
    options.onEnd?.(end, rows);
  }

  let labelNames: Map<string, string> | null = null;
  async function labelsOf(page: ExportPage): Promise<string[][]> {
    labelNames ??= await labelNamesById(db);
    const names = labelNames;
    const labelled = await attachLabels(
      db,
      page.items.map((item) => item.conversation),
    );
    return labelled.map((conversation) =>
      (conversation.labelIds ?? []).flatMap((id) => {
        const name = names.get(id);
        return name === undefined ? [] : [name];
      }),
    );
  }

  async function render(page: ExportPage): Promise<string> {
    const labels = await labelsOf(page);
    if (format === "csv")
      return page.items.map((item, index) => csvRow(item.conversation, baseUrl, labels[index])).join("");
    const messages = await readIndexedMessages(
      db,
      page.items.map((item) => item.conversation),
    );
    return page.items
      .map((item, index) =>
        jsonlLine(
          item.conversation,
          baseUrl,
          item.transcriptState,
          messages.get(rowKey(item.conversation.connectionId, item.conversation.id)) ?? [],
          labels[index],
        ),
      )
      .join("");
  }

  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          if (!started) {
            started = true;
            // The header goes out at once, so the download starts before the first page is read.
            if (format === "csv") {
              controller.enqueue(encoder.encode(csvHeader()));
              return;
            }
          }
          const page = await readExportPage(db, listQuery, connections, after, pageSize);
          if (ended) return;
          if (page.items.length > 0) {
            rows += page.items.length;
            controller.enqueue(encoder.encode(await render(page)));
          }
          after = page.next;
          if (!page.next) {
            await finish("completed");
            controller.close();
          }
        } catch (error) {
          await finish("failed", error);
          controller.error(error);
        }
      },
      async cancel() {
        await finish("cancelled");
      },
    },
    // One chunk queued at most: the next page is read only when the reader has taken this one.
    { highWaterMark: 1 },
  );
}
