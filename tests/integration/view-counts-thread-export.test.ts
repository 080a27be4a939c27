/**
 * The sidebar's counts and a thread's download over the real route handlers: every built-in and
 * saved view counts what its list totals, in one request, and follows moderation; a thread
 * downloads whole (every provider page) as Markdown whose provider text renders as text, or as
 * JSON, with one audit row per download, and is refused to staff once exports are restricted.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Markdown from "react-markdown";
import remarkGfm from "remark-gfm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditRow } from "@/lib/audit/schemas";
import { views } from "@/lib/model/constants";
import type { ConversationPage, ThreadPage } from "@/lib/model/conversation";
import type { SavedView, ViewCounts } from "@/lib/model/saved-views";
import { chatlingHostileConversations } from "@/simulator/providers/chatling/data";
import { zaiaHostileChatIds, zaiaLongThreadIds } from "@/simulator/providers/zaia/data";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
}, 600_000);
afterAll(async () => harness?.close());

async function listTotal(query: string, cookie = harness.staffCookie) {
  const { body } = await harness.json<ConversationPage>("GET", `/api/conversations?${query}&limit=1`, {
    cookie,
  });
  return { count: body.total, isEstimate: body.totalIsEstimate };
}

async function counts(cookie = harness.staffCookie): Promise<ViewCounts> {
  const answer = await harness.json<ViewCounts>("GET", "/api/views/counts", { cookie });
  expect(answer.status).toBe(200);
  return answer.body;
}

async function latestAudit(action: string): Promise<AuditRow | undefined> {
  const { body } = await harness.json<{ items: AuditRow[] }>("GET", `/api/audit?action=${action}&limit=1`, {
    cookie: harness.adminCookie,
  });
  return body.items[0];
}

const threadPath = (connectionId: string, conversationId: string) =>
  `/api/conversations/${connectionId}/${encodeURIComponent(conversationId)}`;

describe("views' counts", () => {
  it("counts every built-in view as its list totals it", async () => {
    const answer = await counts();
    expect(Object.keys(answer.views).sort()).toEqual([...views].sort());
    for (const view of views) expect(answer.views[view], view).toEqual(await listTotal(`view=${view}`));
    expect(answer.views.all.count).toBeGreaterThan(answer.views.important.count ?? 0);
  });

  it("counts each saved view with its filters, search and 'me', and only the views the user sees", async () => {
    const queries = [
      `view=all&connection=${harness.connectionIds.cozmox}&status=ended`,
      "view=all&q=refund",
      "view=all&assignee=me",
      `connection=${harness.connectionIds.zaia},${harness.connectionIds.sigmamind}&sort=oldest`,
    ];
    const created: SavedView[] = [];
    for (const [index, query] of queries.entries()) {
      const answer = await harness.json<SavedView>("POST", "/api/views", {
        cookie: harness.staffCookie,
        body: { name: `Counted ${index}`, query },
      });
      expect(answer.status).toBe(201);
      created.push(answer.body);
    }
    const adminOwn = await harness.json<SavedView>("POST", "/api/views", {
      cookie: harness.adminCookie,
      body: { name: "The admin's own", query: "view=trash" },
    });
    const shared = await harness.json<SavedView>("POST", "/api/views", {
      cookie: harness.adminCookie,
      body: { name: "Shared important", query: "view=important", shared: true },
    });
    const gone = await harness.json<SavedView>("POST", "/api/views", {
      cookie: harness.staffCookie,
      body: { name: "A removed connection", query: "connection=no-such-connection" },
    });
    expect(gone.status).toBe(201);

    const answer = await counts();
    for (const view of created)
      expect(answer.saved[view.id], view.query).toEqual(await listTotal(view.query));
    expect(answer.saved[shared.body.id]).toEqual(await listTotal("view=important"));
    expect(answer.saved[gone.body.id]).toEqual({ count: null, isEstimate: false });
    expect(answer.saved).not.toHaveProperty(adminOwn.body.id);
    expect((await counts(harness.adminCookie)).saved).toHaveProperty(adminOwn.body.id);
  });

  it("follows moderation: a conversation marked important and moved to trash changes the counts", async () => {
    const { body: page } = await harness.json<ConversationPage>(
      "GET",
      `/api/conversations?connection=${harness.connectionIds.sigmamind}&limit=50`,
      { cookie: harness.staffCookie },
    );
    const target = page.items.find((item) => !item.flags.important && !item.flags.archived);
    if (!target) throw new Error("an inbox conversation that is not important");
    const path = threadPath(target.connectionId, target.id);
    const patch = (body: Record<string, boolean>) =>
      harness.json("PATCH", path, { cookie: harness.staffCookie, body });
    const before = await counts();
    try {
      expect((await patch({ important: true })).status).toBe(200);
      const marked = await counts();
      expect(marked.views.important.count).toBe((before.views.important.count ?? 0) + 1);
      expect((await patch({ trashed: true })).status).toBe(200);
      const trashed = await counts();
      expect(trashed.views.trash.count).toBe((before.views.trash.count ?? 0) + 1);
      expect(trashed.views.inbox.count).toBe((before.views.inbox.count ?? 0) - 1);
      expect(trashed.views.important.count).toBe(before.views.important.count);
      for (const view of views) expect(trashed.views[view], view).toEqual(await listTotal(`view=${view}`));
    } finally {
      await patch({ trashed: false });
      await patch({ important: false });
    }
    expect((await counts()).views).toEqual(before.views);
  });
});

describe("thread download", () => {
  const zaia = () => harness.connectionIds.zaia;

  it("downloads a whole long thread as JSON, every provider page, with one audit row", async () => {
    const response = await harness.call(
      "GET",
      `${threadPath(zaia(), zaiaLongThreadIds.tenThousand)}/export?format=json`,
      { cookie: harness.staffCookie },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="parley-conversation-${zaiaLongThreadIds.tenThousand}.json"`,
    );
    const file = (await response.json()) as {
      conversation: ThreadPage["conversation"];
      url: string;
      messages: { id: string }[];
    };
    expect(file.conversation.id).toBe(zaiaLongThreadIds.tenThousand);
    expect(file.url).toMatch(new RegExp(`/conversations/${zaia()}/${zaiaLongThreadIds.tenThousand}$`));
    expect(file.messages).toHaveLength(10_000);
    expect(new Set(file.messages.map((message) => message.id)).size).toBe(10_000);
    expect(await latestAudit("conversation.export")).toMatchObject({
      actorEmail: "staff@parley.local",
      connectionId: zaia(),
      conversationId: zaiaLongThreadIds.tenThousand,
      after: { format: "json", messages: 10_000 },
      outcome: "success",
    });
  });

  it("downloads Markdown as the thread view reads it, provider text escaped", async () => {
    const thread = await harness.json<ThreadPage>(
      "GET",
      `${threadPath(zaia(), zaiaHostileChatIds.script)}?limit=1000`,
      {
        cookie: harness.staffCookie,
      },
    );
    const response = await harness.call(
      "GET",
      `${threadPath(zaia(), zaiaHostileChatIds.script)}/export?format=md`,
      {
        cookie: harness.staffCookie,
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="parley-conversation-.+\.md"$/,
    );
    const markdown = await response.text();
    expect(markdown).toContain("\\<script\\>alert('xss')\\</script\\>");
    expect(markdown).not.toMatch(/(^|[^\\])<script/);
    expect(markdown).toContain(`- Messages: ${thread.body.messages.length}`);
    expect(markdown.match(/^## /gm)).toHaveLength(thread.body.messages.length);
    expect(await latestAudit("conversation.export")).toMatchObject({
      conversationId: zaiaHostileChatIds.script,
      after: { format: "md", messages: thread.body.messages.length },
    });
  });

  it("renders every planted hostile string as text through a Markdown renderer", async () => {
    for (const entry of chatlingHostileConversations) {
      const id = `${entry.chatbotId}-${entry.conversationId}`;
      const response = await harness.call(
        "GET",
        `${threadPath(harness.connectionIds.chatling, id)}/export?format=md`,
        { cookie: harness.staffCookie },
      );
      expect(response.status, id).toBe(200);
      const html = renderToStaticMarkup(
        createElement(Markdown, { remarkPlugins: [remarkGfm] }, await response.text()),
      );
      expect(html, entry.firstUserText).not.toMatch(/<(script|img|iframe|svg|a href="(?!https?:))/i);
      expect(html, entry.firstUserText).not.toMatch(/<[^>]*\son(error|load)=/i);
    }
  });

  it("refuses a bad format, an unknown conversation and, once restricted, staff (audited)", async () => {
    const bad = await harness.json(
      "GET",
      `${threadPath(zaia(), zaiaLongThreadIds.hundred)}/export?format=pdf`,
      {
        cookie: harness.staffCookie,
      },
    );
    expect(bad.status).toBe(400);
    const unknown = await harness.json<{ error: { code: string } }>(
      "GET",
      `${threadPath(zaia(), "00000000-0000-4000-8000-000000000000")}/export?format=md`,
      { cookie: harness.staffCookie },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("provider_not_found");

    await harness.json("PATCH", "/api/settings", {
      cookie: harness.adminCookie,
      body: { exportAdminsOnly: true },
    });
    try {
      const staff = await harness.json<{ error: { code: string; message: string } }>(
        "GET",
        `${threadPath(zaia(), zaiaLongThreadIds.hundred)}/export?format=md`,
        { cookie: harness.staffCookie },
      );
      expect(staff).toEqual({
        status: 403,
        body: {
          error: { code: "forbidden", message: "An administrator has restricted exports to administrators." },
        },
      });
      expect(await latestAudit("conversation.export")).toMatchObject({
        actorEmail: "staff@parley.local",
        conversationId: zaiaLongThreadIds.hundred,
        outcome: "failure",
      });
      const admin = await harness.call(
        "GET",
        `${threadPath(zaia(), zaiaLongThreadIds.hundred)}/export?format=md`,
        {
          cookie: harness.adminCookie,
        },
      );
      expect(admin.status).toBe(200);
      expect(await latestAudit("conversation.export")).toMatchObject({
        actorEmail: "admin@parley.local",
        after: { format: "md", messages: 100 },
        outcome: "success",
      });
    } finally {
      await harness.json("PATCH", "/api/settings", {
        cookie: harness.adminCookie,
        body: { exportAdminsOnly: false },
      });
    }
  });
});
