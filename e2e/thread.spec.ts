/**
 * The thread view: each provider's special parts, long threads (virtualized, Jump to last), find
 * in thread, links to one message, Previous/Next within the list, errors, and axe. Read-only:
 * nothing here changes a conversation.
 */
import { seedChat } from "../simulator/providers/sigmamind/seed-examples";
import { chatlingLongThreads } from "../simulator/providers/chatling/data";
import { zaiaLongThreadIds } from "../simulator/providers/zaia/data";
import { expect, setSimulatorFaults, test } from "./fixtures";
import {
  connectionIds,
  conversationAt,
  detailsPanel,
  expectNoSeriousAxeViolations,
  openThread,
  threadUrl,
  toast,
} from "./thread-support";

interface ThreadAnswer {
  conversation: { costBreakdown: unknown[] };
  messages: { id: string; toolCalls: unknown[] }[];
}

// The shared development server is slow under load; CI runs a production build.
test.describe.configure({ timeout: 120_000 });

const chatlingThousand = `${chatlingLongThreads.oneThousand.chatbotId}-${chatlingLongThreads.oneThousand.conversationId}`;

test("SigmaMind: dynamic variables in the details, positions for messages without a time, and no axe violations", async ({
  staffPage: page,
}) => {
  const ids = await connectionIds(page);
  const messages = await openThread(page, ids.sigmamind, seedChat.chatId);
  const details = detailsPanel(page);
  await expect(details.getByRole("heading", { name: "Dynamic variables" })).toBeVisible();
  const variables = details.getByRole("region", { name: "Dynamic variables" });
  await expect(variables.getByText("customer_name")).toBeVisible();
  await expect(variables.getByText("Michael", { exact: true })).toBeVisible();
  await expect(details.getByText("Stored in Parley").first()).toBeVisible();
  // SigmaMind gives no message times: the position stands in.
  await expect(messages.getByRole("article").first().getByText("#1")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test("Cozmox: cost with its breakdown and tokens, tool calls that expand", async ({ staffPage: page }) => {
  const ids = await connectionIds(page);
  // The first Cozmox conversation with a tool call and a breakdown of several items.
  let conversationId: string | null = null;
  for (let position = 0; position < 15 && !conversationId; position += 1) {
    const item = await conversationAt(page, ids.cozmox, position);
    const response = await page.request.get(
      `/api/conversations/${ids.cozmox}/${encodeURIComponent(item.id)}`,
    );
    const thread = (await response.json()) as ThreadAnswer;
    if (
      thread.conversation.costBreakdown.length > 1 &&
      thread.messages.some((message) => message.toolCalls.length > 0)
    )
      conversationId = item.id;
  }
  expect(conversationId).not.toBeNull();
  const messages = await openThread(page, ids.cozmox, conversationId ?? "");
  const details = detailsPanel(page);
  await expect(details.getByRole("heading", { name: "Cost breakdown" })).toBeVisible();
  const breakdown = details.getByRole("table", { name: "Cost breakdown" });
  await expect(breakdown.getByRole("row")).not.toHaveCount(1);
  await expect(breakdown.getByText(/^Model: /).first()).toBeVisible();
  await expect(details.getByText(/\$\d+\.\d+/).first()).toBeVisible();
  await expect(details.getByText(/\d+ in · \d+ out tokens/).first()).toBeVisible();

  const toolCall = messages.getByTestId("tool-call").first();
  await toolCall.scrollIntoViewIfNeeded();
  await expect(toolCall.getByText("Arguments")).toBeHidden();
  await toolCall.getByText(/^Tool call:/).click();
  await expect(toolCall.getByText("Arguments")).toBeVisible();
  await expect(toolCall.locator("pre").first()).toContainText("{");
  await expectNoSeriousAxeViolations(page);
});

test("Zaia: ticket, owner and version; the 10,000-message thread reaches its last message with a small DOM", async ({
  staffPage: page,
}) => {
  test.setTimeout(180_000);
  const ids = await connectionIds(page);
  const messages = await openThread(page, ids.zaia, zaiaLongThreadIds.tenThousand);
  const details = detailsPanel(page);
  await expect(details.getByRole("heading", { name: "Ticket" })).toBeVisible();
  await expect(details.getByRole("heading", { name: "Owner" })).toBeVisible();
  await expect(details.getByText("v2", { exact: true }).first()).toBeVisible();

  expect(await messages.locator("*").count()).toBeLessThan(1000);
  await page.getByRole("button", { name: "Jump to last" }).click();
  await expect(messages.getByRole("article", { name: /, message 10000$/ })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText("10,000 of 10,000 messages")).toBeVisible();
  expect(await messages.locator("*").count()).toBeLessThan(1000);

  await page.getByRole("button", { name: "Jump to first" }).click();
  await expect(messages.getByRole("article", { name: /, message 1$/ })).toBeVisible();
});

test("Chatling: sources as links and answer ratings", async ({ staffPage: page }) => {
  const ids = await connectionIds(page);
  const messages = await openThread(page, ids.chatling, chatlingThousand);
  const source = messages.getByRole("link", { name: /opens in a new tab/ }).first();
  await expect(source).toBeVisible();
  await expect(source).toHaveAttribute("target", "_blank");
  await expect(source).toHaveAttribute("rel", "noopener noreferrer");
  await expect(source).toHaveAttribute("href", /^https:\/\//);
  await expect(messages.getByText("Sources").first()).toBeVisible();

  // Ratings sit a few messages down: scroll until both kinds have been seen.
  const seen = new Set<string>();
  for (let step = 0; step < 40 && seen.size < 2; step += 1) {
    for (const label of ["Rated helpful", "Rated not helpful"])
      if (await messages.getByText(label, { exact: true }).first().isVisible()) seen.add(label);
    await messages.evaluate((element) => element.scrollBy(0, 400));
  }
  expect([...seen].sort()).toEqual(["Rated helpful", "Rated not helpful"]);
});

test("find in thread counts matches, moves between them and highlights the current one", async ({
  staffPage: page,
}) => {
  const ids = await connectionIds(page);
  const messages = await openThread(page, ids.chatling, chatlingThousand);
  const find = page.getByRole("searchbox", { name: "Find in thread" });
  await find.fill("refund");
  const status = page.getByRole("search", { name: "Find in thread" }).getByRole("status");
  await expect(status).toHaveText(/^Match 1 of \d+ in loaded messages$/);
  const total = Number(/of (\d+)/.exec((await status.textContent()) ?? "")?.[1]);
  expect(total).toBeGreaterThan(1);
  const current = messages.locator("[data-current-match]");
  await expect(current).toBeVisible();
  await expect(current.locator("mark").first()).toHaveText(/refund/i);
  const first = await current.getAttribute("data-message-id");

  await find.press("Enter");
  await expect(status).toHaveText(/^Match 2 of /);
  await expect(current).toBeVisible();
  expect(await current.getAttribute("data-message-id")).not.toBe(first);

  await page.getByRole("button", { name: "Previous match" }).click();
  await expect(status).toHaveText(/^Match 1 of /);
  expect(await current.getAttribute("data-message-id")).toBe(first);

  await find.press("Escape");
  await expect(find).toHaveValue("");
  await expect(page).toHaveURL(/\/conversations\/.+\/.+/);
});

test("a link to one message loads pages until it is found, then scrolls to it and highlights it", async ({
  staffPage: page,
}) => {
  const ids = await connectionIds(page);
  const response = await page.request.get(
    `/api/conversations/${ids.zaia}/${zaiaLongThreadIds.thousand}/messages?cursor=600&limit=200`,
  );
  const later = (await response.json()) as { messages: { id: string }[] };
  const target = later.messages[100]?.id ?? "";
  expect(target).not.toBe("");
  const messages = await openThread(
    page,
    ids.zaia,
    zaiaLongThreadIds.thousand,
    `?message=${encodeURIComponent(target)}`,
  );
  const linked = messages.locator("[data-linked]");
  await expect(linked).toBeVisible({ timeout: 30_000 });
  await expect(linked).toHaveAttribute("data-message-id", target);
  await expect(linked).toHaveAccessibleName(/, message 701$/);
  await expect(linked).toBeInViewport();

  // "Copy link" gives the same kind of address.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await linked.getByRole("button", { name: "Copy link to message 701" }).click();
  await expect(toast(page, "?message=")).toContainText(
    threadUrl(ids.zaia, zaiaLongThreadIds.thousand, `?message=${target}`),
  );
});

test("Previous and Next follow the filtered list, across list pages, and Escape goes back to it", async ({
  staffPage: page,
}) => {
  const ids = await connectionIds(page);
  const listQuery = `?connection=${ids.zaia}&limit=25`;
  const first = await conversationAt(page, ids.zaia, 0, { limit: "25" });
  const last = await conversationAt(page, ids.zaia, 24, { limit: "25" });
  const second = await conversationAt(page, ids.zaia, 1, { limit: "25" });

  await openThread(page, ids.zaia, first.id, listQuery);
  await expect(page.getByRole("button", { name: "Previous conversation" })).toBeDisabled();
  const next = page.getByRole("button", { name: "Next conversation" });
  await expect(next).toBeEnabled();
  await next.click();
  await expect(page).toHaveURL(new RegExp(`/${second.id}\\?`));
  await expect(page).toHaveURL(new RegExp(`connection=${ids.zaia}`));
  await page.getByRole("region", { name: "Messages" }).waitFor();
  await expect(page.getByRole("button", { name: "Previous conversation" })).toBeEnabled();
  await page.keyboard.press("k");
  await expect(page).toHaveURL(new RegExp(`/${first.id}\\?`));

  // From the last row of the page, Next fetches the next list page and carries its cursor.
  await openThread(page, ids.zaia, last.id, listQuery);
  await expect(next).toBeEnabled();
  await page.keyboard.press("]");
  await expect(page).toHaveURL(/cursor=/);
  await expect(page).not.toHaveURL(new RegExp(`/${last.id}\\?`));
  await page.getByRole("region", { name: "Messages" }).waitFor();
  await expect(page.getByRole("button", { name: "Previous conversation" })).toBeEnabled();
  await page.keyboard.press("[");
  await expect(page).toHaveURL(new RegExp(`/${last.id}\\?`));

  await page.getByRole("region", { name: "Messages" }).waitFor();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(new RegExp(`/conversations\\?connection=${ids.zaia}`));
});

test("a conversation that does not exist says so and links back", async ({ staffPage: page }) => {
  const ids = await connectionIds(page);
  await page.goto(threadUrl(ids.zaia, "00000000-0000-4000-8000-000000000000"));
  await expect(page.getByRole("heading", { name: "Conversation not found" })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole("link", { name: "Back to conversations" }).click();
  await expect(page).toHaveURL(/\/conversations$/);
});

test("a provider failure shows the provider's message and Retry recovers", async ({ staffPage: page }) => {
  const ids = await connectionIds(page);
  try {
    await setSimulatorFaults("sigmamind", { errorRate: 1 });
    await page.goto(threadUrl(ids.sigmamind, seedChat.chatId));
    await expect(page.getByRole("heading", { name: "The conversation could not be loaded" })).toBeVisible({
      timeout: 30_000,
    });
  } finally {
    await setSimulatorFaults("sigmamind", {});
  }
  const retry = page.getByRole("button", { name: "Retry" });
  const messages = page.getByRole("region", { name: "Messages" });
  // The circuit breaker may stay open a few seconds after the failures.
  await expect(async () => {
    if (await retry.isVisible()) await retry.click();
    await expect(messages).toBeVisible({ timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
});

test("at 768 px the details open over the messages, and dark mode passes axe", async ({
  staffPage: page,
}) => {
  await page.setViewportSize({ width: 768, height: 800 });
  await page.emulateMedia({ colorScheme: "dark" });
  const ids = await connectionIds(page);
  await openThread(page, ids.zaia, zaiaLongThreadIds.hundred);
  const toggle = page.getByRole("button", { name: "Details" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(detailsPanel(page)).toHaveCount(0);
  await toggle.click();
  await expect(detailsPanel(page)).toBeVisible();
  await expect(detailsPanel(page)).toBeFocused();
  await expect(detailsPanel(page).getByText("Stored in Zaia")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press("Escape");
  await expect(detailsPanel(page)).toHaveCount(0);
  await expect(toggle).toBeFocused();
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});
