import { describe, expect, it } from "vitest";
import type { ConnectionSync, SyncStatus } from "@/lib/model/sync-status";
import { SYNC_REQUEST_TIMEOUT_MS, syncGeneration, syncRequestDone, type SyncRequest } from "./sync";

const connection = (patch: Partial<ConnectionSync>): ConnectionSync => ({
  connectionId: "c1",
  connectionName: "Zaia (demo)",
  provider: "zaia",
  state: "idle",
  listed: true,
  lastSuccessAt: "2026-11-20T12:00:00.000Z",
  lastAttemptAt: "2026-11-20T12:00:00.000Z",
  lastError: null,
  conversations: { indexed: 10, known: 10 },
  transcripts: { indexed: 10, known: 10 },
  indexTranscripts: true,
  ...patch,
});

const request: SyncRequest = {
  requestedAt: 1_000,
  lastAttemptAt: "2026-11-20T12:00:00.000Z",
  lastSuccessAt: "2026-11-20T12:00:00.000Z",
};

describe("syncRequestDone", () => {
  it("waits until a sync has started after the request and is no longer running", () => {
    expect(syncRequestDone(request, connection({}), 2_000)).toBe(false);
    expect(
      syncRequestDone(
        request,
        connection({ state: "syncing", lastAttemptAt: "2026-11-20T12:00:09.000Z" }),
        2_000,
      ),
    ).toBe(false);
    expect(
      syncRequestDone(
        request,
        connection({ lastAttemptAt: "2026-11-20T12:00:09.000Z", lastSuccessAt: "2026-11-20T12:00:10.000Z" }),
        2_000,
      ),
    ).toBe(true);
  });

  it("counts a failed attempt as done (the failing notice says the rest)", () => {
    expect(
      syncRequestDone(
        request,
        connection({ state: "failing", lastAttemptAt: "2026-11-20T12:00:09.000Z" }),
        2_000,
      ),
    ).toBe(true);
  });

  it("gives up after the timeout, and on a connection that is gone", () => {
    expect(syncRequestDone(request, connection({}), 1_000 + SYNC_REQUEST_TIMEOUT_MS)).toBe(true);
    expect(syncRequestDone(request, undefined, 2_000)).toBe(true);
  });
});

describe("syncGeneration", () => {
  const status: SyncStatus = {
    intervalSeconds: 30,
    connections: [
      connection({
        connectionId: "a",
        lastSuccessAt: "2026-11-20T12:00:05.000Z",
        lastAttemptAt: "2026-11-20T12:00:04.000Z",
      }),
      connection({
        connectionId: "b",
        state: "failing",
        lastSuccessAt: "2026-11-20T11:00:00.000Z",
        lastAttemptAt: "2026-11-20T12:00:09.000Z",
      }),
      connection({
        connectionId: "c",
        state: "syncing",
        lastSuccessAt: "2026-11-20T12:00:01.000Z",
        lastAttemptAt: "2026-11-20T12:00:30.000Z",
      }),
      connection({ connectionId: "d", lastSuccessAt: null, lastAttemptAt: null }),
    ],
  };
  it("moves with each finished sync, failed ones included, of the connections in view", () => {
    expect(syncGeneration(status, [])).toBe("2026-11-20T12:00:09.000Z");
    expect(syncGeneration(status, ["a", "d"])).toBe("2026-11-20T12:00:05.000Z");
    expect(syncGeneration(undefined, [])).toBeNull();
  });

  it("leaves out a sync that is still running", () => {
    expect(syncGeneration(status, ["c"])).toBeNull();
    expect(syncGeneration(status, ["d"])).toBeNull();
  });
});
