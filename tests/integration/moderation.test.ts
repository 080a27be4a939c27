/**
 * Moderation on every provider through the API: the same actions everywhere, native where the
 * provider holds the flag and in Parley's overlay elsewhere, undo, one audit row per request,
 * delete at the provider for admins only, and nothing half-applied when a provider fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationPage, ProviderId, ThreadPage } from "@/lib/model/conversation";
import { providerIds } from "@/lib/model/conversation";
import { simulatorKeys } from "@/simulator/keys";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

interface AuditPage {
  items: {
    action: string;
    outcome: string;
    before: unknown;
    after: unknown;
    actorEmail: string;
    error: string | null;
  }[];
}

async function pick(provider: ProviderId, index: number): Promise<{ connectionId: string; id: string }> {
  const connectionId = harness.connectionIds[provider];
  const { body } = await harness.json<ConversationPage>(
    "GET",
    `/api/conversations?connection=${connectionId}&limit=30`,
    {
      cookie: harness.staffCookie,
    },
  );
  const item = body.items[index];
  if (!item) throw new Error(`no conversation ${index} on ${provider}`);
  return { connectionId, id: item.id };
}

const path = (target: { connectionId: string; id: string }) =>
  `/api/conversations/${target.connectionId}/${encodeURIComponent(target.id)}`;

async function read(target: { connectionId: string; id: string }) {
  const { status, body } = await harness.json<ThreadPage>("GET", `${path(target)}?limit=5`, {
    cookie: harness.staffCookie,
  });
  expect(status).toBe(200);
  return body.conversation;
}

async function patch(
  target: { connectionId: string; id: string },
  change: Record<string, unknown>,
  cookie = harness.staffCookie,
) {
  return harness.json<{ state: Record<string, unknown>; error?: { code: string; message: string } }>(
    "PATCH",
    path(target),
    { cookie, body: change },
  );
}

async function history(target: { connectionId: string; id: string }) {
  const { body } = await harness.json<AuditPage>("GET", `${path(target)}/history`, {
    cookie: harness.staffCookie,
  });
  return body.items;
}

async function inView(view: string, target: { connectionId: string; id: string }): Promise<boolean> {
  const { body } = await harness.json<ConversationPage>(
    "GET",
    `/api/conversations?view=${view}&connection=${target.connectionId}&limit=100`,
    {
      cookie: harness.staffCookie,
    },
  );
  return body.items.some((item) => item.id === target.id);
}

describe.each(providerIds)("moderation on %s", (provider) => {
  it("marks important, archives, renames and trashes, each undoable, with one audit row per request", async () => {
    const target = await pick(provider, 3);
    const original = await read(target);
    const expectedHome = (flag: "important" | "archived" | "title") =>
      (provider === "chatling" && flag !== "title") || (provider === "zaia" && flag === "title")
        ? "provider"
        : "parley";
    expect(original.flagHomes.important).toBe(expectedHome("important"));
    expect(original.flagHomes.archived).toBe(expectedHome("archived"));
    expect(original.flagHomes.title).toBe(expectedHome("title"));

    const steps: [
      Record<string, unknown>,
      string,
      (conversation: Awaited<ReturnType<typeof read>>) => void,
    ][] = [
      [{ important: true }, "conversation.important", (c) => expect(c.flags.important).toBe(true)],
      [{ important: false }, "conversation.unimportant", (c) => expect(c.flags.important).toBe(false)],
      [{ archived: true }, "conversation.archive", (c) => expect(c.flags.archived).toBe(true)],
      [{ archived: false }, "conversation.unarchive", (c) => expect(c.flags.archived).toBe(false)],
      [
        { title: "Refund follow-up ✅" },
        "conversation.rename",
        (c) => expect(c.title).toBe("Refund follow-up ✅"),
      ],
      [
        { title: original.flagHomes.title === "provider" ? original.title : null },
        "conversation.rename",
        (c) => expect(c.title).toBe(original.title),
      ],
      [{ trashed: true }, "conversation.trash", (c) => expect(c.flags.trashed).toBe(true)],
      [{ trashed: false }, "conversation.restore", (c) => expect(c.flags.trashed).toBe(false)],
    ];
    for (const [change, action, check] of steps) {
      const before = (await history(target)).length;
      const { status, body } = await patch(target, change);
      expect(status, `${action}: ${JSON.stringify(body)}`).toBe(200);
      check(await read(target));
      const rows = await history(target);
      expect(rows.length, action).toBe(before + 1);
      expect(rows[0]).toMatchObject({ action, outcome: "success", actorEmail: "staff@parley.local" });
    }
  });

  it("moves conversations between views as their flags change", async () => {
    const target = await pick(provider, 5);
    await patch(target, { archived: true });
    expect(await inView("inbox", target)).toBe(false);
    expect(await inView("archived", target)).toBe(true);
    await patch(target, { archived: false });
    await patch(target, { important: true });
    expect(await inView("important", target)).toBe(true);
    await patch(target, { important: false });
    await patch(target, { trashed: true });
    expect(await inView("trash", target)).toBe(true);
    expect(await inView("inbox", target)).toBe(false);
    await patch(target, { trashed: false });
    expect(await inView("inbox", target)).toBe(true);
  });

  it("an important conversation that is then trashed leaves Important, and comes back on restore", async () => {
    const target = await pick(provider, 6);
    await patch(target, { important: true });
    expect(await inView("important", target)).toBe(true);
    await patch(target, { trashed: true });
    expect(await inView("important", target)).toBe(false);
    expect(await inView("trash", target)).toBe(true);
    await patch(target, { trashed: false });
    expect(await inView("important", target)).toBe(true);
    await patch(target, { important: false });
  });
});

describe("the index follows changes made through Parley in the same request", () => {
  it("a rename is found by search at once, wherever the title lives", async () => {
    for (const provider of ["zaia", "sigmamind"] as const) {
      const target = await pick(provider, 9);
      const title = `Quokka escalation ${provider}`;
      await patch(target, { title });
      const { body } = await harness.json<ConversationPage>(
        "GET",
        `/api/conversations?view=all&q=${encodeURIComponent(title)}&connection=${target.connectionId}`,
        { cookie: harness.staffCookie },
      );
      expect(body.items.map((item) => item.id)).toEqual([target.id]);
      expect(body.items[0]?.title).toBe(title);
      expect(body.items[0]?.matches?.[0]).toMatchObject({ field: "title" });
    }
  });
});

describe("where flags live", () => {
  it("stores Chatling's archive and important at Chatling (archive in, archived 0/1 out)", async () => {
    const target = await pick("chatling", 7);
    await patch(target, { archived: true, important: true });
    const [chatbotId, conversationId] = target.id.split("-");
    const response = await fetch(
      `${harness.simulator.url}/chatling/v2/chatbots/${chatbotId}/conversations/${conversationId}`,
      {
        headers: { authorization: `Bearer ${simulatorKeys.chatling.primary}` },
      },
    );
    const body = (await response.json()) as { data: { archived: number; important: number } };
    expect(body.data).toMatchObject({ archived: 1, important: 1 });
    await patch(target, { archived: false, important: false });
  });

  it("renames a Zaia chat at Zaia", async () => {
    const target = await pick("zaia", 8);
    await patch(target, { title: "Renamed at the provider" });
    const response = await fetch(`${harness.simulator.url}/zaia/api/v1/chats/${target.id}`, {
      headers: { authorization: simulatorKeys.zaia.primary },
    });
    expect(((await response.json()) as { title: string | null }).title).toBe("Renamed at the provider");
  });

  it("refuses bad bodies without an audit row", async () => {
    const target = await pick("sigmamind", 9);
    const before = (await history(target)).length;
    for (const body of [
      {},
      { important: "yes" },
      { title: "" },
      { title: "x".repeat(201) },
      { archived: true, extra: 1 },
    ]) {
      const { status } = await patch(target, body);
      expect(status, JSON.stringify(body)).toBe(400);
    }
    expect((await history(target)).length).toBe(before);
  });
});

describe("provider failures", () => {
  it("leaves nothing half-applied and records the failure", async () => {
    const target = await pick("chatling", 10);
    const before = await read(target);
    await harness.setFaults("chatling", { errorRate: 1 });
    try {
      const { status, body } = await patch(target, { archived: !before.flags.archived });
      expect(status).toBe(502);
      expect(body.error?.code).toBe("provider_unavailable");
      expect(body.error?.message).toMatch(/Chatling/);
    } finally {
      await harness.setFaults("chatling", {});
    }
    await new Promise((resolve) => setTimeout(resolve, 400)); // let the breaker half-open
    expect((await read(target)).flags.archived).toBe(before.flags.archived);
    const [last] = await history(target);
    expect(last).toMatchObject({
      action: before.flags.archived ? "conversation.unarchive" : "conversation.archive",
      outcome: "failure",
    });
  });

  it("undoes at the provider what it had accepted when a later write fails, and audits the failure", async () => {
    const target = await pick("chatling", 14);
    const before = await read(target);
    // Important and archive both live at Chatling: two writes. The second one fails, and so do the
    // client's two retries of it (setting a flag is idempotent); the undo of the first (write 5) succeeds.
    await harness.setFaults("chatling", { failWriteNumbers: [2, 3, 4] });
    try {
      const { status, body } = await patch(target, {
        important: !before.flags.important,
        archived: !before.flags.archived,
      });
      expect(status).toBe(502);
      expect(body.error?.code).toBe("provider_unavailable");
    } finally {
      await harness.setFaults("chatling", {});
    }
    const after = await read(target);
    expect(after.flags.important).toBe(before.flags.important);
    expect(after.flags.archived).toBe(before.flags.archived);
    const [last] = await history(target);
    expect(last).toMatchObject({
      action: "conversation.update",
      outcome: "failure",
      before: { important: before.flags.important, archived: before.flags.archived },
    });
  });

  it("keeps Parley's own flags working while the provider is down", async () => {
    const target = await pick("sigmamind", 11);
    await harness.setFaults("sigmamind", { errorRate: 1 });
    try {
      expect((await patch(target, { trashed: true })).status).toBe(200);
      expect((await patch(target, { important: true })).status).toBe(200);
    } finally {
      await harness.setFaults("sigmamind", {});
    }
    await new Promise((resolve) => setTimeout(resolve, 400)); // let the breaker half-open
    const after = await read(target);
    expect(after.flags.trashed).toBe(true);
    expect(after.flags.important).toBe(true);
    expect(await inView("trash", target)).toBe(true);
    expect((await patch(target, { trashed: false, important: false })).status).toBe(200);
  });

  it("refuses a change for a conversation the provider says does not exist, and writes nothing", async () => {
    const target = { connectionId: harness.connectionIds.sigmamind, id: "no-such-chat-000" };
    const { status } = await patch(target, { trashed: true });
    expect(status).toBe(404);
    expect(await inView("trash", target)).toBe(false);
  });
});

describe("delete at the provider", () => {
  it("soft-removes at Zaia for an admin who echoes the id, and hides it from the inbox", async () => {
    const target = await pick("zaia", 12);
    const wrong = await harness.json("DELETE", path(target), {
      cookie: harness.adminCookie,
      body: { confirm: "something else" },
    });
    expect(wrong.status).toBe(400);
    const response = await harness.call("DELETE", path(target), {
      cookie: harness.adminCookie,
      body: { confirm: target.id },
    });
    expect(response.status).toBe(204);
    expect((await read(target)).flags.removedAtProvider).toBe(true);
    expect(await inView("inbox", target)).toBe(false);
    const rows = await history(target);
    expect(rows[0]).toMatchObject({
      action: "conversation.delete",
      outcome: "success",
      actorEmail: "admin@parley.local",
    });
    expect(rows[1]).toMatchObject({ action: "conversation.delete", outcome: "failure" });
  });

  it("hard-deletes at Cozmox: the conversation is gone", async () => {
    const target = await pick("cozmox", 12);
    expect(
      (
        await harness.call("DELETE", path(target), {
          cookie: harness.adminCookie,
          body: { confirm: target.id },
        })
      ).status,
    ).toBe(204);
    const gone = await harness.json("GET", path(target), { cookie: harness.staffCookie });
    expect(gone.status).toBe(404);
    // Gone from the index in the same request: no view lists it.
    expect(await inView("all", target)).toBe(false);
  });

  it("refuses staff (403, audited) and providers without delete (422)", async () => {
    const target = await pick("zaia", 13);
    const staff = await harness.json<{ error: { code: string } }>("DELETE", path(target), {
      cookie: harness.staffCookie,
      body: { confirm: target.id },
    });
    expect(staff.status).toBe(403);
    expect((await history(target))[0]).toMatchObject({
      action: "conversation.delete",
      outcome: "failure",
      actorEmail: "staff@parley.local",
    });
    expect((await read(target)).flags.removedAtProvider).toBe(false);
    const sigmamind = await pick("sigmamind", 13);
    const unsupported = await harness.json<{ error: { code: string } }>("DELETE", path(sigmamind), {
      cookie: harness.adminCookie,
      body: { confirm: sigmamind.id },
    });
    expect(unsupported.status).toBe(422);
    expect(unsupported.body.error.code).toBe("unsupported");
    // The thread's answer says what delete the provider offers, so the thread needs no other request.
    expect((await read(sigmamind)).deleteAtProvider).toBeNull();
    expect((await read(target)).deleteAtProvider).toBe("soft");
    expect((await read(await pick("cozmox", 15))).deleteAtProvider).toBe("hard");
  });
});
