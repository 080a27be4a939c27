/**
 * The audit log reads as names: actors by their name, conversations by their title (Parley's
 * rename here; provider titles go through the connection and are covered end to end), and a part
 * of a conversation id finds its rows.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { openMemoryDatabase as openMemoryDatabaseType } from "@/lib/db/client";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-audit-labels-"));
process.env.PARLEY_DATA_DIR = dataDir;
process.env.PARLEY_SECRET = "audit-labels-test-secret-0123456789abcdef";

let database: ReturnType<typeof openMemoryDatabaseType>;
beforeAll(async () => {
  const { openMemoryDatabase } = await import("@/lib/db/client");
  database = openMemoryDatabase();
  await database.ready;
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("audit log labels", () => {
  it("finds rows by any part of a conversation id, and names actors and renamed conversations", async () => {
    const { recordAudit, listAudit } = await import("@/lib/audit/audit-log");
    const { labelAuditRows } = await import("./audit-labels");
    const { insertConnection } = await import("@/lib/connections/repository");
    const { user } = await import("@/lib/db/auth-schema");
    const { upsertOverlay } = await import("./overlay");
    const db = database.db;

    await db.insert(user).values({ id: "u-ada", name: "Ada Admin", email: "ada@example.com", role: "admin" });
    const connection = await insertConnection(db, {
      provider: "cozmox",
      name: "Cozmox (test)",
      baseUrl: "http://127.0.0.1:9",
      apiKey: "cozmox_test_key_0123456789",
      actorId: "u-ada",
    });
    const renamed = "6b4c494f-c22c-4bce-84fa-a7a86942c7d3";
    await upsertOverlay(
      db,
      { connectionId: connection.id, conversationId: renamed },
      { title: "VIP refund" },
      "u-ada",
    );
    const base = { actor: { id: "u-ada", email: "ada@example.com" }, outcome: "success" as const };
    await recordAudit(db, {
      ...base,
      action: "conversation.rename",
      connectionId: connection.id,
      conversationId: renamed,
    });
    await recordAudit(db, {
      ...base,
      action: "conversation.archive",
      connectionId: "gone-connection",
      conversationId: "chat:0f00ba47-0000-4000-8000-000000000001",
    });
    await recordAudit(db, {
      actor: { id: null, email: "someone@example.com" },
      action: "auth.sign_in",
      outcome: "failure",
    });

    const byPart = await listAudit(db, { conversationId: "c22c-4bce" }, { limit: 10 });
    expect(byPart.items.map((row) => row.conversationId)).toEqual([renamed]);
    const byPrefix = await listAudit(db, { conversationId: "chat:0f00" }, { limit: 10 });
    expect(byPrefix.items).toHaveLength(1);
    expect((await listAudit(db, { conversationId: "%" }, { limit: 10 })).items).toEqual([]);

    const labelled = await labelAuditRows(db, (await listAudit(db, {}, { limit: 10 })).items);
    expect(labelled.map((row) => [row.action, row.actorName, row.conversationTitle])).toEqual([
      ["auth.sign_in", null, null],
      ["conversation.archive", "Ada Admin", null],
      ["conversation.rename", "Ada Admin", "VIP refund"],
    ]);
  });
});
