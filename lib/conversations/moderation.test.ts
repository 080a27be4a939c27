/**
 * Delete at the provider writes one audit row, and a delete that got part of the way (Cozmox
 * deletes chat by chat) records exactly which items are gone and which are not.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { listAudit } from "@/lib/audit/audit-log";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import { openMemoryDatabase } from "@/lib/db/client";
import { ProviderError } from "@/lib/model/errors";
import type { ProviderAdapter, ProviderContext } from "@/lib/providers/contract";
import { cozmoxAdapter } from "@/lib/providers/cozmox/adapter";
import { deleteAtProvider } from "./moderation";

const database = openMemoryDatabase();
beforeAll(async () => database.ready);
afterAll(async () => database.close());

const admin: Actor = { id: "user-admin", email: "admin@example.com", name: "Ada", role: "admin" };

function handleWith(deleteAtProviderImpl: ProviderAdapter["deleteAtProvider"]): ConnectionHandle {
  const context = {} as ProviderContext;
  return {
    id: "connection-1",
    name: "Cozmox (test)",
    provider: "cozmox",
    adapter: { ...cozmoxAdapter, deleteAtProvider: deleteAtProviderImpl },
    context,
    background: context,
  };
}

describe("deleteAtProvider", () => {
  it("records a partial failure's done and not-done chats in the audit row", async () => {
    const partial = { unit: "chat", done: ["c-1", "c-2"], notDone: ["c-3"] };
    const failure = new ProviderError(
      "unavailable",
      "cozmox",
      "Cozmox deleted 2 of 3 chats of this conversation; 1 remain (c-3): Service Unavailable.",
      { status: 503, partial },
    );
    const handle = handleWith(async () => {
      throw failure;
    });
    await expect(deleteAtProvider(database.db, admin, handle, "session-1", "session-1")).rejects.toBe(
      failure,
    );
    const { items } = await listAudit(database.db, { conversationId: "session-1" }, { limit: 5 });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      action: "conversation.delete",
      outcome: "failure",
      error: failure.message,
      before: { deletedAtProvider: false },
      after: { deletedAtProvider: "partial", partial },
    });
  });

  it("records a failure that changed nothing without a partial outcome", async () => {
    const handle = handleWith(async () => {
      throw new ProviderError("unavailable", "cozmox", "Cozmox could not be reached");
    });
    await expect(deleteAtProvider(database.db, admin, handle, "session-2", "session-2")).rejects.toThrow();
    const { items } = await listAudit(database.db, { conversationId: "session-2" }, { limit: 5 });
    expect(items[0]).toMatchObject({ outcome: "failure", before: null, after: null });
  });
});
