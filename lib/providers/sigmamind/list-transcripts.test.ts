/**
 * List pages that carry transcripts (`listCarriesTranscripts`), against the simulator's demo data:
 * SigmaMind's list answers hold each chat's whole `messages[]` (or its `transcript` string), so
 * every row's transcript is exactly what `listMessages` returns for it, from the list's pages
 * alone; a list not asked for them carries none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConnectionMemo } from "@/lib/connections/connection-memo";
import { createHttpClient } from "@/lib/http/client";
import type { ProviderContext, ProviderConversation } from "@/lib/providers/contract";
import type { RunningSimulator } from "@/simulator/core/server";
import { simulatorKeys } from "@/simulator/keys";
import { startTestSimulator } from "@/simulator/testing";
import { sigmamindAdapter } from "./adapter";

let simulator: RunningSimulator;
beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => simulator.close());

function countingContext(): { context: ProviderContext; calls: string[] } {
  const calls: string[] = [];
  const baseUrl = `${simulator.url}/sigmamind`;
  const http = createHttpClient({
    provider: "sigmamind",
    connectionId: "test-sigmamind-transcripts",
    baseUrl,
    authHeaders: sigmamindAdapter.authHeaders(simulatorKeys.sigmamind.primary),
    timeoutMs: 5000,
    fetchImpl: (input, init) => {
      calls.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    },
  });
  return {
    context: { connectionId: "test-sigmamind-transcripts", baseUrl, http, memo: createConnectionMemo() },
    calls,
  };
}

async function listAll(context: ProviderContext, transcripts: boolean): Promise<ProviderConversation[]> {
  const items: ProviderConversation[] = [];
  let pageToken: string | null = null;
  for (let call = 0; call < 100; call++) {
    const page = await sigmamindAdapter.listConversations(context, {
      scope: null,
      filters: {},
      sort: "recent",
      pageToken,
      pageSize: sigmamindAdapter.capabilities.maxPageSize,
      transcripts,
    });
    items.push(...page.items);
    pageToken = page.nextPageToken;
    if (pageToken === null) return items;
  }
  throw new Error("paging did not end");
}

describe("SigmaMind list pages with transcripts", () => {
  it("carry every chat's whole thread, equal to listMessages, in ⌈chats ÷ 100⌉ calls", async () => {
    expect(sigmamindAdapter.capabilities.listCarriesTranscripts).toBe(true);
    const { context, calls } = countingContext();
    const items = await listAll(context, true);
    expect(items.length).toBeGreaterThan(500);
    expect(calls).toHaveLength(Math.ceil(items.length / 100));
    expect(items.every((item) => item.transcript !== undefined)).toBe(true);
    // Empty chats too: the same mapper serves both reads.
    expect(items.some((item) => item.transcript?.length === 0)).toBe(true);
    for (const item of items) {
      const read = await sigmamindAdapter.listMessages(context, item.id, { offset: 0, limit: 100_000 });
      expect(item.transcript, item.id).toEqual(read.messages);
      expect(item.messageCount).toBe(read.total);
    }
  });

  it("carry none when not asked", async () => {
    const { context } = countingContext();
    const items = await listAll(context, false);
    expect(items.some((item) => "transcript" in item)).toBe(false);
  });
});
