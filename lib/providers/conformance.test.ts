/**
 * One suite, run against all four adapters over HTTP against the simulator: what every adapter
 * must do the same way, whatever its provider's quirks.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { conversationSchema, messageSchema, providerIds, type ProviderId } from "@/lib/model/conversation";
import { createHttpClient } from "@/lib/http/client";
import { simulatorKeys } from "@/simulator/keys";
import type { RunningSimulator } from "@/simulator/core/server";
import { setFaults, startTestSimulator } from "@/simulator/testing";
import type { ProviderAdapter, ProviderContext, ProviderConversation } from "./contract";
import { isProviderError } from "./errors";
import { getAdapter } from "./registry";
import { createConnectionMemo } from "@/lib/connections/connection-memo";

let simulator: RunningSimulator;
let counter = 0;

beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => simulator?.close());

function contextFor(provider: ProviderId, key: string = simulatorKeys[provider].primary): ProviderContext {
  counter += 1;
  const adapter = getAdapter(provider);
  const baseUrl = `${simulator.url}/${provider}`;
  return {
    connectionId: `conformance-${provider}-${counter}`,
    baseUrl,
    memo: createConnectionMemo(),
    http: createHttpClient({
      provider,
      connectionId: `conformance-${provider}-${counter}`,
      baseUrl,
      authHeaders: adapter.authHeaders(key),
      timeoutMs: 1500,
      maxRetries: 0,
    }),
  };
}

async function firstPage(
  adapter: ProviderAdapter,
  context: ProviderContext,
): Promise<ProviderConversation[]> {
  const [scope = null] = await adapter.listScopes(context, {});
  const page = await adapter.listConversations(context, {
    scope,
    filters: {},
    sort: "recent",
    pageToken: null,
    pageSize: 10,
  });
  return page.items;
}

/** The adapter's summary, as the service would present it (overlay-free), must fit Parley's model. */
function asConversation(provider: ProviderId, row: ProviderConversation) {
  return {
    ...row,
    connectionId: "c",
    connectionName: "n",
    provider,
    providerTitle: row.title,
    flags: { important: false, archived: false, trashed: false, removedAtProvider: row.native.removed },
    flagHomes: { important: "parley", archived: "parley", title: "parley", trashed: "parley" },
  };
}

describe.each(providerIds)("%s adapter conformance", (provider) => {
  const adapter = getAdapter(provider);

  it("declares capabilities that match the methods it has", () => {
    const moderation = adapter.capabilities.moderation;
    expect(typeof adapter.setImportant === "function").toBe(moderation.important);
    expect(typeof adapter.setArchived === "function").toBe(moderation.archived);
    expect(typeof adapter.setTitle === "function").toBe(moderation.title);
    expect(typeof adapter.deleteAtProvider === "function").toBe(moderation.deleteAtProvider !== null);
    expect(adapter.capabilities.maxPageSize).toBeGreaterThan(0);
    expect(adapter.defaultBaseUrl).toMatch(/^https:\/\//);
  });

  it("verifies a good key and refuses a wrong one as auth_failed", async () => {
    await expect(adapter.verify(contextFor(provider))).resolves.toBeUndefined();
    const failure = await adapter
      .verify(contextFor(provider, "definitely-not-a-key"))
      .catch((error: unknown) => error);
    expect(isProviderError(failure) && failure.code).toBe("auth_failed");
  });

  it("lists rows that fit Parley's model, and reads each one back by id with a thread", async () => {
    const context = contextFor(provider);
    const rows = await firstPage(adapter, context);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(conversationSchema.safeParse(asConversation(provider, row)).success).toBe(true);
    const first = rows[0];
    if (!first) throw new Error("no row");
    const detail = await adapter.getConversation(context, first.id);
    expect(detail.id).toBe(first.id);
    const page = await adapter.listMessages(context, first.id, { offset: 0, limit: 5 });
    expect(page.messages.length).toBeLessThanOrEqual(5);
    for (const message of page.messages) expect(messageSchema.safeParse(message).success).toBe(true);
    expect(new Set(page.messages.map((message) => message.id)).size).toBe(page.messages.length);
  });

  it("answers an unknown conversation with not_found", async () => {
    const unknown =
      provider === "chatling"
        ? "9761342719-1"
        : provider === "zaia"
          ? "0b1c2d3e-4f50-4617-8899-aabbccddeeff"
          : "no-such-conversation";
    const failure = await adapter
      .getConversation(contextFor(provider), unknown)
      .catch((error: unknown) => error);
    expect(isProviderError(failure) && failure.code).toBe("not_found");
  });

  it("lists facets as labelled values", async () => {
    const facets = await adapter.listFacets(contextFor(provider));
    for (const values of Object.values(facets))
      for (const value of values) expect(value.label.length).toBeGreaterThan(0);
    expect(facets.responders.length + facets.statuses.length).toBeGreaterThan(0);
  });

  it("turns malformed JSON into bad_response and a 503 into unavailable", async () => {
    const context = contextFor(provider);
    await setFaults(simulator.url, provider, { malformedJson: true });
    try {
      const malformed = await adapter.verify(context).catch((error: unknown) => error);
      expect(isProviderError(malformed) && malformed.code).toBe("bad_response");
      expect(String((malformed as Error).message)).toMatch(/bad response/i);
      await setFaults(simulator.url, provider, { errorRate: 1 });
      const unavailable = await adapter.verify(contextFor(provider)).catch((error: unknown) => error);
      expect(isProviderError(unavailable) && unavailable.code).toBe("unavailable");
    } finally {
      await setFaults(simulator.url, provider, {});
    }
  });

  it("never puts the key into what it returns", async () => {
    const context = contextFor(provider);
    const rows = await firstPage(adapter, context);
    const first = rows[0];
    if (!first) throw new Error("no row");
    const everything = JSON.stringify([
      rows,
      await adapter.getConversation(context, first.id),
      await adapter.listFacets(context),
    ]);
    expect(everything).not.toContain(simulatorKeys[provider].primary);
  });
});
