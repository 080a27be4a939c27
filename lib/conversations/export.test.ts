/**
 * The export stream's backpressure and audit, with the index reads replaced: a page is read only
 * when the reader asks for more, and the audit row is written once, when the stream completes or
 * is cancelled.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db/client";
import type { Conversation } from "@/lib/model/conversation";
import { exportQuerySchema } from "@/lib/model/export";

const reads: number[] = [];
const audits: unknown[] = [];
const TOTAL = 25;

vi.mock("@/lib/index/read/export", () => ({
  readExportPage: vi.fn(
    async (
      _db: unknown,
      _query: unknown,
      _connections: unknown,
      after: [string, string, string] | null,
      limit: number,
    ) => {
      const start = after ? Number(after[2]) : 0;
      reads.push(start);
      const items = Array.from({ length: Math.max(0, Math.min(limit, TOTAL - start)) }, (_, index) => ({
        conversation: { id: String(start + index), connectionId: "c" } as unknown as Conversation,
        transcriptState: "indexed",
      }));
      const end = start + items.length;
      return { items, next: end < TOTAL ? ["t", "c", String(end)] : null };
    },
  ),
  readIndexedMessages: vi.fn(async () => new Map()),
}));
vi.mock("@/lib/index/read/labels", () => ({
  labelNamesById: vi.fn(async () => new Map()),
  attachLabels: vi.fn(async (_db: unknown, items: Conversation[]) => items),
}));
vi.mock("@/lib/audit/audit-log", () => ({
  recordAudit: vi.fn(async (_db: unknown, entry: unknown) => void audits.push(entry)),
}));
vi.mock("./export-format", () => ({
  csvHeader: () => "header\r\n",
  csvRow: (conversation: Conversation) => `${conversation.id}\r\n`,
  jsonlLine: (conversation: Conversation) => `${conversation.id}\n`,
}));

const { exportStream } = await import("./export");

function stream(format: "csv" | "jsonl") {
  return exportStream({
    db: {} as Database,
    query: exportQuerySchema.parse({ format }),
    connections: [],
    actor: { id: "u1", email: "staff@parley.local" },
    baseUrl: "http://x",
    pageSize: 10,
  });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  reads.length = 0;
  audits.length = 0;
});

describe("export stream", () => {
  it("reads the next page only when the reader has taken the last one", async () => {
    const reader = stream("csv").getReader();
    await settle();
    expect(reads).toEqual([]);
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("header\r\n");
    await settle();
    // One page may be read ahead to fill the queue (high-water mark 1), never more.
    expect(reads.length).toBeLessThanOrEqual(1);
    await reader.read();
    await settle();
    expect(reads.length).toBeLessThanOrEqual(2);
    const rest: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      rest.push(new TextDecoder().decode(value));
    }
    expect(reads).toEqual([0, 10, 20]);
    expect(audits).toEqual([
      expect.objectContaining({
        action: "conversations.export",
        outcome: "success",
        after: { format: "csv", filter: expect.any(Object), rows: TOTAL, end: "completed" },
      }),
    ]);
  });

  it("writes one audit row for a cancelled export, with the rows sent so far", async () => {
    const reader = stream("jsonl").getReader();
    await reader.read();
    await reader.cancel();
    await settle();
    expect(audits).toEqual([
      expect.objectContaining({
        after: expect.objectContaining({ format: "jsonl", rows: 10, end: "cancelled" }),
      }),
    ]);
  });
});
