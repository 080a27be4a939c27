/**
 * The schema and migrations on the database under test: an in-memory PGlite by default, or
 * PostgreSQL 15 when TEST_DATABASE_URL is set (CI runs both, so SQL only one of them knows fails).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { openMemoryDatabase as openMemoryDatabaseType } from "@/lib/db/client";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-db-"));
process.env.PARLEY_DATA_DIR = dataDir;
process.env.PARLEY_SECRET = "database-test-secret-0123456789abcdef";

type Handle = ReturnType<typeof openMemoryDatabaseType>;
let handle: Handle;

beforeAll(async () => {
  const { openDatabase, openMemoryDatabase } = await import("@/lib/db/client");
  handle = process.env.TEST_DATABASE_URL
    ? openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir })
    : openMemoryDatabase();
  await handle.ready;
  if (process.env.TEST_DATABASE_URL)
    await handle.db.execute(
      sql`truncate table audit_log, moderation_overlay, connections restart identity cascade`,
    );
});
afterAll(async () => {
  await handle?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("schema and repositories", () => {
  it("stores connections with the key encrypted and only a hint readable", async () => {
    const { insertConnection, listConnectionRows, toView, withKey } =
      await import("@/lib/connections/repository");
    const row = await insertConnection(handle.db, {
      provider: "zaia",
      name: "Support workspace",
      baseUrl: "https://api.endless.zaia.app",
      apiKey: "zaia_secret_key_123456",
      actorId: null,
    });
    expect(row.encryptedKey).not.toContain("zaia_secret_key_123456");
    const view = toView(row);
    expect(view.keyHint).toBe("…3456");
    expect(JSON.stringify(view)).not.toContain("zaia_secret_key_123456");
    expect(withKey(row).apiKey).toBe("zaia_secret_key_123456");
    expect((await listConnectionRows(handle.db)).map((connection) => connection.id)).toContain(row.id);
  });

  it("sees every connection write on the next read, and on PGlite reads the rows once between writes", async () => {
    const {
      insertConnection,
      listConnectionRows,
      getConnectionRow,
      updateConnectionRow,
      deleteConnectionRow,
    } = await import("@/lib/connections/repository");
    const { isSingleProcess } = await import("@/lib/db/single-process");
    const row = await insertConnection(handle.db, {
      provider: "cozmox",
      name: "Before",
      baseUrl: "https://api.cozmox.example",
      apiKey: "cozmox_key_abcdef",
      actorId: null,
    });
    expect((await getConnectionRow(handle.db, row.id))?.name).toBe("Before");
    const first = await listConnectionRows(handle.db);
    const second = await listConnectionRows(handle.db);
    expect(second).toEqual(first);
    // Kept rows are shared on PGlite (no second read); PostgreSQL reads anew (new objects).
    expect(second[0] === first[0]).toBe(isSingleProcess(handle.db));

    await updateConnectionRow(handle.db, row.id, { name: "After", actorId: null });
    expect((await getConnectionRow(handle.db, row.id))?.name).toBe("After");
    expect((await listConnectionRows(handle.db)).find((item) => item.id === row.id)?.name).toBe("After");

    await deleteConnectionRow(handle.db, row.id);
    expect(await getConnectionRow(handle.db, row.id)).toBeNull();
    expect((await listConnectionRows(handle.db)).map((item) => item.id)).not.toContain(row.id);
  });

  it("reads every overlay write back at once, also rows first read as absent", async () => {
    const { insertConnection, deleteConnectionRow } = await import("@/lib/connections/repository");
    const { upsertOverlay, getOverlayRows } = await import("@/lib/conversations/overlay");
    const connection = await insertConnection(handle.db, {
      provider: "zaia",
      name: "Kept overlay",
      baseUrl: "https://api.endless.zaia.app",
      apiKey: "zaia_key_kept_overlay",
      actorId: null,
    });
    const ids = ["a", "b", "c"];
    expect((await getOverlayRows(handle.db, connection.id, ids)).size).toBe(0);
    await upsertOverlay(
      handle.db,
      { connectionId: connection.id, conversationId: "b" },
      { important: true },
      "u",
    );
    expect([...(await getOverlayRows(handle.db, connection.id, ids)).keys()]).toEqual(["b"]);
    // A read and a write at once: the next read sees the write.
    const before = getOverlayRows(handle.db, connection.id, ["c"]);
    const write = upsertOverlay(
      handle.db,
      { connectionId: connection.id, conversationId: "c" },
      { archived: true },
      "u",
    );
    await Promise.all([before, write]);
    expect((await getOverlayRows(handle.db, connection.id, ["c"])).get("c")).toMatchObject({
      archived: true,
    });
    await upsertOverlay(
      handle.db,
      { connectionId: connection.id, conversationId: "b" },
      { important: false },
      "u",
    );
    expect((await getOverlayRows(handle.db, connection.id, ids)).get("b")).toMatchObject({
      important: false,
    });
    await deleteConnectionRow(handle.db, connection.id);
    expect((await getOverlayRows(handle.db, connection.id, ids)).size).toBe(0);
  });

  it("upserts the overlay, lists flagged ids in change order, and cascades with the connection", async () => {
    const { insertConnection, deleteConnectionRow } = await import("@/lib/connections/repository");
    const { upsertOverlay, getOverlayRows, listOverlayIds } = await import("@/lib/conversations/overlay");
    const connection = await insertConnection(handle.db, {
      provider: "sigmamind",
      name: "S",
      baseUrl: "https://api.sigmamind.ai",
      apiKey: "sm_key_abcdefgh",
      actorId: null,
    });
    const key = { connectionId: connection.id, conversationId: "chat-1" };
    await upsertOverlay(handle.db, key, { important: true }, "user-1");
    await upsertOverlay(handle.db, key, { trashed: true }, "user-1");
    await upsertOverlay(
      handle.db,
      { connectionId: connection.id, conversationId: "chat-2" },
      { trashed: true },
      "user-1",
    );
    const rows = await getOverlayRows(handle.db, connection.id, ["chat-1", "chat-2", "chat-3"]);
    expect(rows.get("chat-1")).toMatchObject({ important: true, trashed: true, archived: null });
    expect(rows.get("chat-1")?.trashedAt).toBeInstanceOf(Date);
    expect(rows.has("chat-3")).toBe(false);
    expect(new Set(await listOverlayIds(handle.db, connection.id, "trashed", "recent"))).toEqual(
      new Set(["chat-1", "chat-2"]),
    );
    await upsertOverlay(handle.db, key, { trashed: false }, "user-1");
    expect((await getOverlayRows(handle.db, connection.id, ["chat-1"])).get("chat-1")?.trashedAt).toBeNull();
    expect(await deleteConnectionRow(handle.db, connection.id)).toBe(true);
    expect((await getOverlayRows(handle.db, connection.id, ["chat-1"])).size).toBe(0);
  });

  it("records and pages the audit log newest first with filters", async () => {
    const { recordAudit, listAudit, listAllAudit } = await import("@/lib/audit/audit-log");
    for (let index = 0; index < 7; index++) {
      await recordAudit(handle.db, {
        actor: { id: "u", email: index % 2 ? "ada@example.com" : "sam@example.com" },
        action: index % 3 ? "conversation.archive" : "conversation.trash",
        connectionId: "c1",
        conversationId: `conv-${index}`,
        before: { archived: false },
        after: { archived: true },
        outcome: index === 6 ? "failure" : "success",
      });
    }
    const first = await listAudit(handle.db, {}, { limit: 3 });
    expect(first.items.map((row) => row.conversationId)).toEqual(["conv-6", "conv-5", "conv-4"]);
    const second = await listAudit(handle.db, {}, { beforeId: Number(first.nextCursor), limit: 3 });
    expect(second.items.map((row) => row.conversationId)).toEqual(["conv-3", "conv-2", "conv-1"]);
    expect(
      (await listAudit(handle.db, { actor: "ADA" }, { limit: 10 })).items.every(
        (row) => row.actorEmail === "ada@example.com",
      ),
    ).toBe(true);
    expect((await listAudit(handle.db, { action: "conversation.trash" }, { limit: 10 })).items).toHaveLength(
      3,
    );
    expect((await listAudit(handle.db, { action: "conversation.*" }, { limit: 10 })).items).toHaveLength(7);
    expect((await listAudit(handle.db, { outcome: "failure" }, { limit: 10 })).items).toHaveLength(1);
    expect((await listAllAudit(handle.db, { action: "100%_literal" })).length).toBe(0);
    expect(first.items[0]?.before).toEqual({ archived: false });
  });
});

describe("the database keeps an active administrator", () => {
  it("refuses to demote, deactivate or remove the last one, also when two admins demote each other at once", async () => {
    const { user } = await import("@/lib/db/schema");
    const { eq, inArray } = await import("drizzle-orm");
    // TRUNCATE fires no row triggers: start from no users at all, so only this test's count.
    await handle.db.execute(sql`truncate table "user" cascade`);
    const now = new Date();
    const admin = (id: string) => ({
      id,
      name: id,
      email: `${id}@guard.test`,
      role: "admin",
      createdAt: now,
      updatedAt: now,
    });
    await handle.db
      .insert(user)
      .values([admin("guard-a"), admin("guard-b"), { ...admin("guard-staff"), role: "staff" }]);
    const demote = (id: string) => handle.db.update(user).set({ role: "staff" }).where(eq(user.id, id));

    // Two demotions at once (on PostgreSQL, on two pooled connections): exactly one may win.
    const outcomes = await Promise.allSettled([demote("guard-a"), demote("guard-b")]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected");
    expect(
      String(
        (refused as PromiseRejectedResult).reason?.cause?.message ??
          (refused as PromiseRejectedResult).reason,
      ),
    ).toMatch(/last active administrator/);
    const [last] = await handle.db.select({ id: user.id }).from(user).where(eq(user.role, "admin"));
    expect(last).toBeDefined();
    const lastId = last?.id ?? "";
    await expect(handle.db.update(user).set({ banned: true }).where(eq(user.id, lastId))).rejects.toThrow();
    await expect(handle.db.delete(user).where(eq(user.id, lastId))).rejects.toThrow();
    // Changes that leave an administrator, and changes to other users, go through.
    await handle.db.update(user).set({ name: "Renamed" }).where(eq(user.id, lastId));
    await handle.db.delete(user).where(eq(user.id, "guard-staff"));
    await handle.db
      .update(user)
      .set({ role: "admin" })
      .where(inArray(user.id, ["guard-a", "guard-b"]));
    await handle.db.update(user).set({ banned: true }).where(eq(user.id, lastId));
    expect((await handle.db.select({ id: user.id }).from(user).where(eq(user.banned, false))).length).toBe(1);
    await handle.db.execute(sql`truncate table "user" cascade`);
  });
});

describe("the embedded database's one-process rule", () => {
  it("refuses a second process on the same data directory with a clear message", async () => {
    const { lockDataDirectory } = await import("@/lib/db/client");
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), "parley-lock-"));
    const release = lockDataDirectory(directory);
    try {
      const child = spawnSync(
        process.execPath,
        ["node_modules/tsx/dist/cli.mjs", "--tsconfig", "tsconfig.json", "tests/db/lock-probe.ts", directory],
        {
          cwd: process.cwd(),
          encoding: "utf8",
          env: { ...process.env, PARLEY_SECRET: "database-test-secret-0123456789abcdef" },
        },
      );
      expect(child.status).toBe(3);
      expect(child.stdout).toMatch(/Another Parley process \(pid \d+\) is using the data directory/);
    } finally {
      release();
    }
    // A stale lock (its process is gone) is taken over.
    fs.writeFileSync(path.join(directory, "parley.lock"), "999999");
    expect(() => lockDataDirectory(directory)()).not.toThrow();
  });
});
