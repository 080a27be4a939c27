/**
 * Provider content is untrusted. Conversations that open with hostile strings (the simulator
 * plants them: `<script>`, `<img onerror>`, `javascript:` and `data:` links, an `<iframe>`, an
 * `<svg onload>`, a template injection and a 5,000-character word) must render as text: no
 * dialog, no script, iframe or event-handler attribute in the thread, no unsafe `href`, and the
 * long word wraps instead of widening the page.
 */
import type { Locator, Page } from "@playwright/test";
import { chatlingHostileConversations } from "../simulator/providers/chatling/data";
import { zaiaHostileChatIds } from "../simulator/providers/zaia/data";
import { expect, forbidDialogs, test } from "./fixtures";
import { connectionIds, detailsPanel, openThread, type Provider } from "./thread-support";

test.describe.configure({ timeout: 120_000 });

async function expectInert(page: Page, messages: Locator): Promise<void> {
  await expect(
    messages.locator("script, iframe, object, embed, img, svg[onload], [onerror], [onload]"),
  ).toHaveCount(0);
  const unsafeLinks = await messages
    .locator("a[href]")
    .evaluateAll((links) =>
      links
        .map((link) => link.getAttribute("href") ?? "")
        .filter((href) => !/^(https?:|mailto:)/i.test(href.trim())),
    );
  expect(unsafeLinks).toEqual([]);
  // Nothing wider than the thread: long words wrap.
  expect(await messages.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
}

/** What the first user message must show, as text, for each planted string. */
function visibleText(hostile: string): string {
  if (hostile.startsWith("[Click here")) return "Click here for a refund";
  if (hostile.startsWith("![tracking pixel]")) return "[Image: tracking pixel]";
  if (hostile.startsWith("[data link]")) return "data link";
  if (/^A+$/.test(hostile)) return hostile.slice(0, 200);
  return hostile;
}

const chatlingCases = chatlingHostileConversations.map((entry) => ({
  provider: "chatling" as Provider,
  conversationId: `${entry.chatbotId}-${entry.conversationId}`,
  hostile: entry.firstUserText,
}));

for (const [index, entry] of chatlingCases.entries()) {
  test(`Chatling hostile message ${index + 1} renders as inert text`, async ({ staffPage: page }) => {
    const record = forbidDialogs(page);
    const ids = await connectionIds(page);
    const messages = await openThread(page, ids.chatling, entry.conversationId);
    const first = messages.getByRole("article", { name: /^User, / }).first();
    await expect(first).toContainText(visibleText(entry.hostile));
    await expectInert(page, messages);
    // A link whose address was removed is plain text; clicking it runs nothing.
    const removed = first.locator('[title="Link removed: not a web address"]');
    if ((await removed.count()) > 0) await removed.first().click();
    expect(record.dialogs).toEqual([]);
  });
}

test("Zaia hostile HTML renders as text, in the thread and in the raw JSON", async ({ staffPage: page }) => {
  const record = forbidDialogs(page);
  const ids = await connectionIds(page);
  for (const conversationId of Object.values(zaiaHostileChatIds)) {
    const messages = await openThread(page, ids.zaia, conversationId);
    const first = messages.getByRole("article", { name: /^User, / }).first();
    await expect(first).toContainText(/<(script|img)/);
    await expectInert(page, messages);
    await detailsPanel(page).getByRole("button", { name: "Show raw JSON" }).click();
    const raw = detailsPanel(page).getByLabel("Conversation as JSON");
    await expect(raw).toBeVisible();
    await expect(raw.locator("*")).toHaveCount(0);
  }
  expect(record.dialogs).toEqual([]);
});
