/**
 * The console over the index (issue 10): a search that finds words said inside a thread and opens
 * the thread at that message with them marked (the rows already in the first HTML); the "N new
 * conversations" banner after a conversation is added at the simulator and Refresh is pressed; a
 * failing provider whose indexed rows stay listed with their age, and Retry.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { clearSimulatorFaults, setSimulatorFaults, simulatorUrl, test } from "./fixtures";
import { connectionId, expect, gotoList, rowByKey, rows } from "./list-helpers";

const ZAIA = "Zaia (demo)";

interface ApiMatch {
  field: string;
  messageId: string | null;
}
interface ApiPage {
  items: { connectionId: string; id: string; matches?: ApiMatch[] }[];
}

/** Four words in a row from a message of one of the connection's newest threads. */
async function phraseFromAThread(request: APIRequestContext, connection: string): Promise<string> {
  const list = (await (
    await request.get(`/api/conversations?connection=${connection}&limit=10`)
  ).json()) as ApiPage;
  for (const item of list.items) {
    const thread = await request.get(
      `/api/conversations/${encodeURIComponent(item.connectionId)}/${encodeURIComponent(item.id)}?limit=50`,
    );
    if (!thread.ok()) continue;
    const body = (await thread.json()) as { messages: { role: string; text: string }[] };
    for (const message of body.messages.slice(1)) {
      if (message.role !== "user" && message.role !== "assistant") continue;
      const words = message.text.split(/\s+/);
      for (let index = 0; index + 4 <= words.length; index++) {
        const run = words.slice(index, index + 4);
        if (run.every((word) => /^\p{L}{3,}$/u.test(word))) return run.join(" ");
      }
    }
  }
  throw new Error(`No message with four plain words in a row on ${connection}`);
}

async function syncState(request: APIRequestContext, connection: string): Promise<string> {
  const body = (await (await request.get("/api/sync")).json()) as {
    connections: { connectionId: string; state: string }[];
  };
  return body.connections.find((entry) => entry.connectionId === connection)?.state ?? "missing";
}

const freshness = (page: Page, name: string) =>
  page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: `Refresh ${name}` });

test("a search finds words said inside a thread and opens the thread at that message, marked", async ({
  staffPage: page,
}) => {
  test.setTimeout(120_000);
  const zaia = await connectionId(page.request, ZAIA);
  const phrase = await phraseFromAThread(page.request, zaia);
  const search = `?connection=${zaia}&q=${encodeURIComponent(phrase)}`;
  // The transcripts are indexed in the background after the first listing: wait for this one.
  let messageId: string | null = null;
  let rowKey = "";
  await expect
    .poll(
      async () => {
        const answer = (await (
          await page.request.get(`/api/conversations${search}&limit=25`)
        ).json()) as ApiPage;
        for (const item of answer.items) {
          const match = item.matches?.find((entry) => entry.field === "message" && entry.messageId);
          if (match?.messageId) {
            messageId = match.messageId;
            rowKey = `${item.connectionId}~${item.id}`;
            return true;
          }
        }
        return false;
      },
      { timeout: 90_000, intervals: [1_000] },
    )
    .toBe(true);

  // The first page is rendered on the server: the rows are in the first HTML.
  const html = await (await page.request.get(`/conversations${search}`)).text();
  expect(html).toContain(`data-row-key="${rowKey}"`);

  await gotoList(page, search);
  const snippet = rowByKey(page, rowKey).getByTestId("match-snippet");
  await expect(snippet.locator("mark").first()).toBeVisible();
  await snippet.click();
  await expect(page).toHaveURL(new RegExp(`message=${encodeURIComponent(messageId ?? "")}`));
  const linked = page.locator(`article[data-message-id="${messageId}"]`);
  await expect(linked).toHaveAttribute("data-linked", "");
  await expect(linked.locator("mark[data-search-match]").first()).toBeVisible();
  const marked = (await linked.locator("mark[data-search-match]").allInnerTexts()).join(" ").toLowerCase();
  expect(
    phrase
      .toLowerCase()
      .split(" ")
      .some((word) => marked.includes(word)),
  ).toBe(true);
});

test("a conversation added at the provider shows as 'N new' after Refresh, keeping the selection", async ({
  staffPage: page,
}) => {
  test.setTimeout(120_000);
  const zaia = await connectionId(page.request, ZAIA);
  await gotoList(page);
  const selected = rows(page).nth(2);
  const selectedKey = await selected.getAttribute("data-row-key");
  await selected.getByRole("checkbox").check();

  const added = await fetch(`${simulatorUrl}/__admin/conversations/zaia`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ add: 1, messages: 2 }),
  });
  expect(added.ok).toBe(true);
  const id = ((await added.json()) as { added: { id: string }[] }).added[0]?.id ?? "";
  try {
    await freshness(page, ZAIA).click();
    const banner = page.getByRole("button", { name: /^Show \d+ new conversations?$/ });
    await expect(banner).toBeVisible({ timeout: 45_000 });
    await expect(rowByKey(page, `${zaia}~${id}`)).toHaveCount(0);
    await banner.click();
    await expect(rowByKey(page, `${zaia}~${id}`)).toBeVisible();
    await expect(banner).toBeHidden();
    await expect(rowByKey(page, selectedKey ?? "").getByRole("checkbox")).toBeChecked();
    await expect(
      page
        .getByTestId("connection-freshness")
        .filter({ hasText: /synced/ })
        .first(),
    ).toBeVisible();
  } finally {
    await fetch(`${simulatorUrl}/__admin/conversations/zaia`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ remove: [id] }),
    });
  }
});

test("a provider whose sync fails keeps its rows, with their age, and Retry syncs it again", async ({
  staffPage: page,
}) => {
  test.setTimeout(120_000);
  const zaia = await connectionId(page.request, ZAIA);
  try {
    await setSimulatorFaults("zaia", { errorRate: 1 });
    await gotoList(page, `?connection=${zaia}`);
    await freshness(page, ZAIA).click();
    await expect.poll(() => syncState(page.request, zaia), { timeout: 60_000 }).toBe("failing");
    await page.reload();
    const notice = page
      .getByRole("region", { name: "Notices about connections" })
      .getByRole("listitem")
      .filter({ hasText: "Sync failing" });
    await expect(notice).toContainText(/Last confirmed (just now|\d+ min ago)/);
    await expect(rows(page).first()).toBeVisible();
    await expect(rows(page).first().getByTestId("last-confirmed")).toContainText(/Last confirmed/);
    await expect(
      page
        .getByRole("navigation", { name: "Main" })
        .getByText(/sync failing/)
        .first(),
    ).toBeVisible();

    await clearSimulatorFaults();
    await notice.getByRole("button", { name: `Retry ${ZAIA}` }).click();
    await expect(notice).toBeHidden({ timeout: 60_000 });
    await expect(rows(page).first().getByTestId("last-confirmed")).toHaveCount(0);
  } finally {
    await clearSimulatorFaults();
  }
});
