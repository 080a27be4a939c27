/**
 * Helpers for the thread specs (thread, moderation, hostile): connection ids come from the API
 * (`/api/facets` works for every role), never hard-coded; conversations are picked by provider
 * and position, or by the fixed ids the simulator exports.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

export type Provider = "sigmamind" | "cozmox" | "zaia" | "chatling";

interface FacetsAnswer {
  connections: { connectionId: string; provider: Provider; connectionName: string }[];
}

interface ListAnswer {
  items: { connectionId: string; id: string; title: string | null; provider: Provider }[];
  nextCursor: string | null;
}

/** The demo connection of each provider, as the signed-in user's API reports them. */
export async function connectionIds(page: Page): Promise<Record<Provider, string>> {
  const response = await page.request.get("/api/facets");
  expect(response.ok()).toBe(true);
  const facets = (await response.json()) as FacetsAnswer;
  const ids: Partial<Record<Provider, string>> = {};
  for (const connection of facets.connections) ids[connection.provider] ??= connection.connectionId;
  const { sigmamind, cozmox, zaia, chatling } = ids;
  if (!sigmamind || !cozmox || !zaia || !chatling)
    throw new Error(`missing a demo connection: ${JSON.stringify(ids)}`);
  return { sigmamind, cozmox, zaia, chatling };
}

/** The conversation at `position` (0-based) of a connection's list, with extra list query parameters. */
export async function conversationAt(
  page: Page,
  connectionId: string,
  position: number,
  query: Record<string, string> = {},
): Promise<ListAnswer["items"][number]> {
  let cursor: string | null = null;
  let seen = 0;
  for (;;) {
    const search = new URLSearchParams({ connection: connectionId, limit: "100", ...query });
    if (cursor) search.set("cursor", cursor);
    const response = await page.request.get(`/api/conversations?${search.toString()}`);
    expect(response.ok()).toBe(true);
    const answer = (await response.json()) as ListAnswer;
    const item = answer.items[position - seen];
    if (item) return item;
    seen += answer.items.length;
    if (!answer.nextCursor) throw new Error(`the list has only ${seen} conversations`);
    cursor = answer.nextCursor;
  }
}

export function threadUrl(connectionId: string, conversationId: string, search = ""): string {
  return `/conversations/${encodeURIComponent(connectionId)}/${encodeURIComponent(conversationId)}${search}`;
}

/** Opens a thread page and waits for its messages. */
export async function openThread(
  page: Page,
  connectionId: string,
  conversationId: string,
  search = "",
): Promise<Locator> {
  await page.goto(threadUrl(connectionId, conversationId, search));
  const messages = page.getByRole("region", { name: "Messages" });
  await expect(messages).toBeVisible({ timeout: 30_000 });
  return messages;
}

/** The conversation details panel (beside the messages at 1280 px). */
export function detailsPanel(page: Page): Locator {
  return page.getByRole("region", { name: "Conversation details" });
}

/** axe with the WCAG 2.0/2.1 A and AA rules; fails on any serious or critical violation. */
export async function expectNoSeriousAxeViolations(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
  if (include) builder = builder.include(include);
  const result = await builder.analyze();
  const serious = result.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`,
    );
  expect(serious).toEqual([]);
}

/** The sonner toast that contains `text`. */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator("[data-sonner-toast]").filter({ hasText: text });
}
