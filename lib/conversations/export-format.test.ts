import { describe, expect, it } from "vitest";
import type { Conversation } from "@/lib/model/conversation";
import { csvColumns, csvHeader, csvRow, jsonlLine, UTF8_BOM } from "./export-format";

const base: Conversation = {
  connectionId: "conn-1",
  connectionName: "Support bots",
  provider: "cozmox",
  id: "chat/42",
  title: "Refund for order 7",
  providerTitle: "Refund for order 7",
  preview: "Hello",
  channel: { id: "ch1", type: "widget", name: "Website" },
  responder: { id: "a1", name: "Billing agent", kind: "assistant" },
  version: { id: "v3", number: 3 },
  owner: { id: "u1", name: "Ada", identifier: "ada@example.com" },
  status: "ended",
  createdAt: "2026-01-02T03:04:05.000Z",
  lastActivityAt: "2026-01-02T04:00:00.000Z",
  messageCount: 12,
  cost: { usd: 0.0123, promptTokens: 100, completionTokens: 50 },
  flags: { important: true, archived: false, trashed: false, removedAtProvider: false },
  flagHomes: { important: "parley", archived: "parley", title: "parley", trashed: "parley" },
  confirmedAt: "2026-01-02T05:00:00.000Z",
};

/** Splits one CSV line of fully quoted cells. */
function cells(line: string): string[] {
  const result: string[] = [];
  const pattern = /"((?:[^"]|"")*)"(?:,|\r\n|$)/g;
  for (const match of line.matchAll(pattern)) result.push((match[1] ?? "").replace(/""/g, '"'));
  return result;
}

describe("CSV export", () => {
  it("starts with a UTF-8 byte order mark and the header", () => {
    const header = csvHeader();
    expect(header.startsWith(UTF8_BOM)).toBe(true);
    expect(cells(header.slice(1))).toEqual([...csvColumns]);
    expect(header.endsWith("\r\n")).toBe(true);
  });

  it("writes one row with the list's columns, cost with currency, flags and the link back", () => {
    const row = csvRow(base, "https://parley.example.com", ["Refund", "=cmd"]);
    const values = Object.fromEntries(cells(row).map((value, index) => [csvColumns[index], value]));
    expect(cells(row)).toHaveLength(csvColumns.length);
    expect(values).toMatchObject({
      connection: "Support bots",
      provider: "cozmox",
      conversation_id: "chat/42",
      title: "Refund for order 7",
      channel: "Website",
      channel_type: "widget",
      responder: "Billing agent",
      version: "3",
      contact: "Ada",
      contact_identifier: "ada@example.com",
      status: "ended",
      messages: "12",
      cost: "0.0123",
      cost_currency: "USD",
      important: "true",
      archived: "false",
      labels: "Refund; =cmd",
      url: "https://parley.example.com/conversations/conn-1/chat%2F42",
    });
  });

  it("leaves cost and currency empty when the provider gives no cost (unknown, never 0)", () => {
    const values = cells(csvRow({ ...base, cost: null }, "http://x"));
    expect(values[csvColumns.indexOf("cost")]).toBe("");
    expect(values[csvColumns.indexOf("cost_currency")]).toBe("");
  });

  it.each(['=HYPERLINK("http://evil")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])(
    "neutralises a cell starting like a formula: %j",
    (title) => {
      const values = cells(
        csvRow({ ...base, title, owner: { id: null, name: title, identifier: null } }, "http://x"),
      );
      expect(values[csvColumns.indexOf("title")]).toBe(`'${title}`);
      expect(values[csvColumns.indexOf("contact")]).toBe(`'${title}`);
    },
  );

  it("quotes commas, quotes and line breaks so each conversation stays one record", () => {
    const title = 'He said "hi",\r\nthen left';
    const values = cells(csvRow({ ...base, title }, "http://x"));
    expect(values[csvColumns.indexOf("title")]).toBe(title);
  });
});

describe("JSON Lines export", () => {
  it("writes one line per conversation with its messages and address", () => {
    const line = jsonlLine({ ...base, title: "two\nlines" }, "http://x", "indexed", [
      { id: "m1", role: "user", text: "hi\nthere", createdAt: null },
    ]);
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    const record = JSON.parse(line) as Record<string, unknown>;
    expect(record).toMatchObject({
      connectionId: "conn-1",
      id: "chat/42",
      title: "two\nlines",
      url: "http://x/conversations/conn-1/chat%2F42",
      transcript: "indexed",
      messages: [{ id: "m1", role: "user", text: "hi\nthere", createdAt: null }],
      cost: { usd: 0.0123, promptTokens: 100, completionTokens: 50 },
    });
    expect(record).not.toHaveProperty("flagHomes");
  });

  it("keeps an unknown cost as null", () => {
    const record = JSON.parse(jsonlLine({ ...base, cost: null }, "http://x", "skipped", [])) as {
      cost: unknown;
    };
    expect(record.cost).toBeNull();
  });
});
