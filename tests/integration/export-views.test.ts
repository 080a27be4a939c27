/**
 * The conversation export and saved views over the real route handlers: an export holds exactly
 * what the list filters, streams in several chunks, is audited when it ends or is cancelled, and
 * can be restricted to admins; saved views keep personal and shared apart with their permissions.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditRow } from "@/lib/audit/schemas";
import { EXPORT_PAGE_SIZE } from "@/lib/conversations/export";
import { csvColumns } from "@/lib/conversations/export-format";
import type { ConversationPage, Facets } from "@/lib/model/conversation";
import type { SavedView, SavedViewList } from "@/lib/model/saved-views";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 600_000);
afterAll(async () => harness?.close());

/** Records of our CSV: line breaks inside quoted cells do not end a record. */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index++;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      record.push(cell);
      cell = "";
    } else if (character === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
    } else if (character !== "\r") cell += character;
  }
  return records;
}

async function readChunks(response: Response): Promise<{ text: string; chunks: number }> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let text = "";
  let chunks = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks++;
    text += decoder.decode(value, { stream: true });
  }
  return { text: text + decoder.decode(), chunks };
}

async function listTotal(query: string): Promise<number> {
  const { body } = await harness.json<ConversationPage>("GET", `/api/conversations?${query}&limit=1`, {
    cookie: harness.adminCookie,
  });
  expect(body.totalIsEstimate).toBe(false);
  return body.total ?? -1;
}

async function latestAudit(action: string): Promise<AuditRow | undefined> {
  const { body } = await harness.json<{ items: AuditRow[] }>("GET", `/api/audit?action=${action}&limit=1`, {
    cookie: harness.adminCookie,
  });
  return body.items[0];
}

describe("export", () => {
  it("streams every conversation of the filter as CSV in chunks, with a BOM, and audits it", async () => {
    const response = await harness.call("GET", "/api/conversations/export?format=csv&view=all", {
      cookie: harness.staffCookie,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /attachment; filename="parley-conversations-/,
    );
    const { text, chunks } = await readChunks(response);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = csvRecords(text.slice(1));
    expect(header).toEqual([...csvColumns]);
    const total = await listTotal("view=all");
    expect(total).toBeGreaterThan(1000);
    expect(rows).toHaveLength(total);
    // Header, then one chunk per page.
    expect(chunks).toBe(1 + Math.ceil(total / EXPORT_PAGE_SIZE.csv));
    expect(chunks).toBeGreaterThan(2);
    const urlColumn = csvColumns.indexOf("url");
    expect(rows[0]?.[urlColumn]).toMatch(/^http:\/\/127\.0\.0\.1:3999\/conversations\/[^/]+\/[^/]+$/);
    const audit = await latestAudit("conversations.export");
    expect(audit).toMatchObject({
      actorEmail: "staff@parley.local",
      outcome: "success",
      after: { format: "csv", rows: total, end: "completed", filter: { view: "all", sort: "recent" } },
    });
  });

  it("holds exactly what the list filters (connection and status)", async () => {
    const facets = await harness.json<Facets>("GET", "/api/facets", { cookie: harness.adminCookie });
    const option = facets.body.options.status.find((candidate) => candidate.count > 0);
    if (!option) throw new Error("no status facet with conversations");
    const query = `connection=${option.connectionId}&view=all&status=${encodeURIComponent(option.value)}`;
    const response = await harness.call("GET", `/api/conversations/export?format=csv&${query}`, {
      cookie: harness.adminCookie,
    });
    const [, ...rows] = csvRecords((await readChunks(response)).text.slice(1));
    expect(rows).toHaveLength(await listTotal(query));
    expect(rows.length).toBeGreaterThan(0);
    const statusColumn = csvColumns.indexOf("status");
    const providerColumn = csvColumns.indexOf("provider");
    expect(new Set(rows.map((row) => `${row[providerColumn]}:${row[statusColumn]}`))).toEqual(
      new Set([
        `${facets.body.connections.find((c) => c.connectionId === option.connectionId)?.provider}:${option.value}`,
      ]),
    );
  });

  it("writes JSON Lines, one conversation per line with its messages", async () => {
    const query = `connection=${harness.connectionIds.zaia}&view=all`;
    const response = await harness.call("GET", `/api/conversations/export?format=jsonl&${query}`, {
      cookie: harness.staffCookie,
    });
    expect(response.headers.get("content-type")).toBe("application/x-ndjson; charset=utf-8");
    const { text } = await readChunks(response);
    const lines = text.split("\n").filter(Boolean);
    expect(lines).toHaveLength(await listTotal(query));
    for (const line of lines.slice(0, 20)) {
      const record = JSON.parse(line) as Record<string, unknown>;
      expect(record).toMatchObject({ provider: "zaia", messages: expect.any(Array) });
      expect(record.url).toEqual(expect.stringContaining("/conversations/"));
      expect(typeof record.transcript).toBe("string");
    }
  });

  it("audits a cancelled export with the rows sent so far", async () => {
    const response = await harness.call("GET", "/api/conversations/export?format=csv&view=all", {
      cookie: harness.staffCookie,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    const audit = await latestAudit("conversations.export");
    expect(audit?.after).toMatchObject({ end: "cancelled", rows: EXPORT_PAGE_SIZE.csv });
  });

  it("refuses bad filters and an export to staff once an admin restricts it (audited)", async () => {
    const bad = await harness.json("GET", "/api/conversations/export?format=xlsx", {
      cookie: harness.staffCookie,
    });
    expect(bad.status).toBe(400);
    const cursor = await harness.json("GET", "/api/conversations/export?format=csv&cursor=x", {
      cookie: harness.staffCookie,
    });
    expect(cursor.status).toBe(400);
    const denied = await harness.json("PATCH", "/api/settings", {
      cookie: harness.staffCookie,
      body: { exportAdminsOnly: true },
    });
    expect(denied.status).toBe(403);
    const set = await harness.json("PATCH", "/api/settings", {
      cookie: harness.adminCookie,
      body: { exportAdminsOnly: true },
    });
    expect(set).toEqual({ status: 200, body: { exportAdminsOnly: true, scoreMode: "five" } });
    expect(await latestAudit("settings.update")).toMatchObject({
      before: { exportAdminsOnly: false },
      after: { exportAdminsOnly: true },
    });
    try {
      const staff = await harness.json("GET", "/api/conversations/export?format=csv&view=trash", {
        cookie: harness.staffCookie,
      });
      expect(staff.status).toBe(403);
      expect(await latestAudit("conversations.export")).toMatchObject({
        actorEmail: "staff@parley.local",
        outcome: "failure",
      });
      const admin = await harness.call("GET", "/api/conversations/export?format=csv&view=trash", {
        cookie: harness.adminCookie,
      });
      expect(admin.status).toBe(200);
      await readChunks(admin);
      const settings = await harness.json("GET", "/api/settings", { cookie: harness.staffCookie });
      expect(settings.body).toEqual({ exportAdminsOnly: true, scoreMode: "five" });
    } finally {
      await harness.json("PATCH", "/api/settings", {
        cookie: harness.adminCookie,
        body: { exportAdminsOnly: false },
      });
    }
  });
});

describe("saved views", () => {
  const create = (cookie: string, body: unknown) =>
    harness.json<SavedView>("POST", "/api/views", { cookie, body });
  const list = async (cookie: string) =>
    (await harness.json<SavedViewList>("GET", "/api/views", { cookie })).body;

  it("keeps a personal view to its owner, normalised", async () => {
    const created = await create(harness.staffCookie, {
      name: "Ended at Cozmox",
      query: `?cursor=abc&limit=50&view=all&status=ended&connection=${harness.connectionIds.cozmox}`,
    });
    expect(created.status).toBe(201);
    const query = `view=all&connection=${harness.connectionIds.cozmox}&status=ended`;
    expect(created.body).toMatchObject({
      name: "Ended at Cozmox",
      query,
      href: `/conversations?${query}`,
      shared: false,
      editable: true,
    });
    expect((await list(harness.staffCookie)).personal.map((view) => view.id)).toContain(created.body.id);
    expect((await list(harness.adminCookie)).personal.map((view) => view.id)).not.toContain(created.body.id);
    for (const method of ["PATCH", "DELETE"] as const) {
      const answer = await harness.json(method, `/api/views/${created.body.id}`, {
        cookie: harness.adminCookie,
        body: method === "PATCH" ? { name: "Taken" } : undefined,
      });
      expect(answer.status).toBe(404);
    }
    expect(await latestAudit("view.create")).toMatchObject({
      actorEmail: "staff@parley.local",
      targetId: created.body.id,
      after: { name: "Ended at Cozmox", shared: false },
    });
  });

  it("lets only admins create and change shared views; staff see them read-only", async () => {
    expect((await create(harness.staffCookie, { name: "Team", query: "", shared: true })).status).toBe(403);
    const shared = await create(harness.adminCookie, {
      name: "Important",
      query: "view=important",
      shared: true,
    });
    expect(shared.status).toBe(201);
    const seen = (await list(harness.staffCookie)).shared.find((view) => view.id === shared.body.id);
    expect(seen).toMatchObject({ name: "Important", shared: true, editable: false });
    const rename = await harness.json("PATCH", `/api/views/${shared.body.id}`, {
      cookie: harness.staffCookie,
      body: { name: "Mine now" },
    });
    expect(rename.status).toBe(403);
    const remove = await harness.json("DELETE", `/api/views/${shared.body.id}`, {
      cookie: harness.staffCookie,
    });
    expect(remove.status).toBe(403);
    const renamed = await harness.json<SavedView>("PATCH", `/api/views/${shared.body.id}`, {
      cookie: harness.adminCookie,
      body: { name: "Starred" },
    });
    expect(renamed.body).toMatchObject({ name: "Starred", editable: true });
    expect(await latestAudit("view.update")).toMatchObject({
      before: { name: "Important" },
      after: { name: "Starred" },
    });
    const deleted = await harness.call("DELETE", `/api/views/${shared.body.id}`, {
      cookie: harness.adminCookie,
    });
    expect(deleted.status).toBe(204);
    expect((await list(harness.staffCookie)).shared.map((view) => view.id)).not.toContain(shared.body.id);
    expect(await latestAudit("view.delete")).toMatchObject({ targetId: shared.body.id });
  });

  it("reorders a person's views and refuses invalid ones", async () => {
    const cookie = harness.adminCookie;
    const ids: string[] = [];
    for (const name of ["One", "Two", "Three"])
      ids.push((await create(cookie, { name, query: `q=${name}` })).body.id);
    const moved = await harness.json("PATCH", `/api/views/${ids[2]}`, { cookie, body: { position: 0 } });
    expect(moved.status).toBe(200);
    expect((await list(cookie)).personal.map((view) => view.name)).toEqual(["Three", "One", "Two"]);
    expect((await create(cookie, { name: "Bad", query: "view=nowhere" })).status).toBe(400);
    expect((await create(cookie, { name: " ", query: "" })).status).toBe(400);
    expect(
      (await harness.json("PATCH", "/api/views/not-a-uuid", { cookie, body: { name: "x" } })).status,
    ).toBe(400);
  });
});
