/**
 * Internal notes through the API: any signed-in user reads and writes them, only the author edits,
 * the author or an admin deletes (403 with a clear message otherwise), mentions are stored as user
 * ids (a rename still resolves; a deactivated user is marked inactive and cannot be newly
 * mentioned), every change is one audit row that keeps no body, and `q` on the list finds a
 * conversation through its note, marked as a note match.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAuth } from "@/lib/auth/auth";
import { getDatabase } from "@/lib/db/client";
import { user } from "@/lib/db/schema";
import type { ConversationPage } from "@/lib/model/conversation";
import { mentionToken, type DirectoryUser, type Note } from "@/lib/model/notes";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
let zaia: string;
let conversationId: string;
let otherStaffCookie: string;
let users: DirectoryUser[];

const PASSWORD = "notes-colleague-password-41";
const idOf = (name: string) => {
  const found = users.find((item) => item.name === name);
  if (!found) throw new Error(`no user ${name}`);
  return found.id;
};

beforeAll(async () => {
  harness = await startHarness();
  zaia = harness.connectionIds.zaia;
  const page = await harness.json<ConversationPage>(
    "GET",
    `/api/conversations?view=all&connection=${zaia}&limit=1`,
    {
      cookie: harness.staffCookie,
    },
  );
  conversationId = page.body.items[0]?.id ?? "";
  const colleagues: [string, string][] = [
    ["colleague@parley.local", "Colleague"],
    ["leaver@parley.local", "Leaver"],
  ];
  for (const [email, name] of colleagues)
    await getAuth().api.createUser({ body: { email, password: PASSWORD, name, role: "staff" } });
  otherStaffCookie = await harness.signIn("colleague@parley.local", PASSWORD);
  users = (
    await harness.json<{ items: DirectoryUser[] }>("GET", "/api/users/directory", {
      cookie: harness.staffCookie,
    })
  ).body.items;
}, 600_000);
afterAll(async () => harness?.close());

const notesPath = (id = conversationId, connectionId = zaia) =>
  `/api/conversations/${connectionId}/${encodeURIComponent(id)}/notes`;

type Answer = Note & { error?: { code: string; message: string } };

async function add(body: unknown, cookie = harness.staffCookie, path = notesPath()) {
  return harness.json<Answer>("POST", path, { cookie, body });
}

async function list(cookie = harness.staffCookie) {
  return (await harness.json<{ items: Note[] }>("GET", notesPath(), { cookie })).body.items;
}

async function audit(action: string) {
  const { body } = await harness.json<{
    items: {
      action: string;
      outcome: string;
      targetId: string | null;
      before: unknown;
      after: unknown;
      error: string | null;
    }[];
  }>("GET", `/api/audit?action=${action}&limit=50`, { cookie: harness.adminCookie });
  return body.items;
}

describe("notes", () => {
  it("lists active users' id and name only, to staff", async () => {
    expect(users.map((item) => item.name)).toEqual(expect.arrayContaining(["Colleague", "Leaver"]));
    for (const item of users) expect(Object.keys(item).sort()).toEqual(["id", "name"]);
    expect((await harness.call("GET", "/api/users/directory")).status).toBe(401);
  });

  it("staff write a note with a mention; it reads back with the mention resolved, and a rename shows", async () => {
    const colleague = idOf("Colleague");
    const created = await add({
      body: `Hand this to ${mentionToken(colleague)}, **refund** due`,
      messageId: "m-1",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      messageId: "m-1",
      mentions: [{ id: colleague, name: "Colleague", active: true }],
      canEdit: true,
      canDelete: true,
      editedAt: null,
    });
    await (await getDatabase()).update(user).set({ name: "Colleague Renamed" }).where(eq(user.id, colleague));
    const [read] = await list(harness.adminCookie);
    expect(read).toMatchObject({ id: created.body.id, canEdit: false, canDelete: true });
    expect(read?.mentions).toEqual([{ id: colleague, name: "Colleague Renamed", active: true }]);
    const rows = await audit("note.create");
    const row = rows.find((item) => item.targetId === created.body.id);
    expect(row).toMatchObject({ outcome: "success", after: { mentionIds: [colleague], messageId: "m-1" } });
    expect(JSON.stringify(row)).not.toContain("refund");
  });

  it("refuses what is not a note: empty, too long, unknown fields, unknown or deactivated mentions, a missing conversation (the service's refusals audited)", async () => {
    expect((await add({ body: "   " })).status).toBe(400);
    expect((await add({ body: "x".repeat(10_001) })).status).toBe(400);
    expect((await add({ body: "hi", colour: "red" })).status).toBe(400);
    const unknown = await add({ body: `for ${mentionToken("no-such-user")}` });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error?.message).toMatch(/not a Parley user/);
    const leaver = idOf("Leaver");
    await (await getDatabase()).update(user).set({ banned: true }).where(eq(user.id, leaver));
    const deactivated = await add({ body: `for ${mentionToken(leaver)}` });
    expect(deactivated.status).toBe(400);
    expect(deactivated.body.error?.message).toMatch(/Leaver is deactivated/);
    expect((await add({ body: "hi" }, harness.staffCookie, notesPath("no-such-conversation"))).status).toBe(
      404,
    );
    expect((await audit("note.create")).filter((row) => row.outcome === "failure").length).toBe(3);
    await (await getDatabase()).update(user).set({ banned: false }).where(eq(user.id, leaver));
  });

  it("a mention of a user deactivated later still reads, marked inactive; the directory leaves them out", async () => {
    const leaver = idOf("Leaver");
    const created = await add({ body: `Ask ${mentionToken(leaver)}` });
    expect(created.status).toBe(201);
    await (await getDatabase()).update(user).set({ banned: true }).where(eq(user.id, leaver));
    const read = (await list()).find((note) => note.id === created.body.id);
    expect(read?.mentions).toEqual([{ id: leaver, name: "Leaver", active: false }]);
    const directory = await harness.json<{ items: DirectoryUser[] }>("GET", "/api/users/directory", {
      cookie: harness.staffCookie,
    });
    expect(directory.body.items.map((item) => item.id)).not.toContain(leaver);
    // Editing the note keeps the old mention (only new mentions must be active).
    const edited = await harness.json<Answer>("PATCH", `${notesPath()}/${created.body.id}`, {
      cookie: harness.staffCookie,
      body: { body: `Ask ${mentionToken(leaver)} first` },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.editedAt).not.toBeNull();
  });

  it("only the author edits; the author or an admin deletes, with clear refusals and audit rows without the body", async () => {
    const created = await add({ body: "Secret remark about the refund" });
    const path = `${notesPath()}/${created.body.id}`;
    const byAdmin = await harness.json<Answer>("PATCH", path, {
      cookie: harness.adminCookie,
      body: { body: "no" },
    });
    expect(byAdmin.status).toBe(403);
    expect(byAdmin.body.error?.message).toBe("Only the author of a note can edit it.");
    const byColleague = await harness.json<Answer>("DELETE", path, { cookie: otherStaffCookie });
    expect(byColleague.status).toBe(403);
    expect(byColleague.body.error?.message).toBe(
      "Only the author of a note or an administrator can delete it.",
    );
    const edited = await harness.json<Answer>("PATCH", path, {
      cookie: harness.staffCookie,
      body: { body: "Edited remark" },
    });
    expect(edited.body).toMatchObject({ body: "Edited remark" });
    expect((await harness.json("DELETE", path, { cookie: harness.adminCookie })).status).toBe(200);
    expect((await list()).map((note) => note.id)).not.toContain(created.body.id);
    expect((await harness.json("DELETE", path, { cookie: harness.adminCookie })).status).toBe(404);
    const deletes = (await audit("note.delete")).filter((row) => row.targetId === created.body.id);
    expect(deletes.map((row) => row.outcome).sort()).toEqual(["failure", "failure", "success"]);
    const updates = (await audit("note.update")).filter((row) => row.targetId === created.body.id);
    expect(updates.map((row) => row.outcome).sort()).toEqual(["failure", "success"]);
    expect(JSON.stringify([...deletes, ...updates])).not.toMatch(/Secret|Edited remark/);
    // A colleague deletes their own note.
    const own = await add({ body: "Mine" }, otherStaffCookie);
    expect(
      (await harness.json("DELETE", `${notesPath()}/${own.body.id}`, { cookie: otherStaffCookie })).status,
    ).toBe(200);
  });

  it("the list's search finds a conversation through its note, marked as a note, mentions shown by name", async () => {
    const search = (q: string) =>
      harness.json<ConversationPage>("GET", `/api/conversations?view=all&q=${encodeURIComponent(q)}`, {
        cookie: harness.staffCookie,
      });
    expect((await search("Quokkabanana")).body.items).toEqual([]);
    const [, second] = (
      await harness.json<ConversationPage>("GET", `/api/conversations?view=all&connection=${zaia}&limit=2`, {
        cookie: harness.staffCookie,
      })
    ).body.items;
    if (!second) throw new Error("not enough conversations");
    const colleague = idOf("Colleague");
    const created = await add(
      {
        body: `${mentionToken(colleague)} the customer asked about the Quokkabanana plan`,
        messageId: "msg-7",
      },
      harness.staffCookie,
      notesPath(second.id),
    );
    expect(created.status).toBe(201);
    for (const q of ["quokkabanana", "QUOKKABANANA plan", "okkaban"]) {
      const { status, body } = await search(q);
      expect(status).toBe(200);
      expect(body.items.map((item) => item.id)).toEqual([second.id]);
      const match = body.items[0]?.matches?.find((item) => item.field === "note");
      expect(match).toMatchObject({ field: "note", messageId: "msg-7", position: null });
      expect(match?.snippet).toContain("@Colleague Renamed the customer");
      expect(match?.snippet).not.toContain("<@");
      const [range] = match?.highlights ?? [];
      expect(match?.snippet.slice(range?.start, range?.end).toLowerCase()).toContain("okkaban");
    }
  });
});
