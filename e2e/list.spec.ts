/**
 * The conversation list: filters per provider (and what the URL carries), notices, paging,
 * shared links, history, a provider fault, accessibility, dark mode and a 768 px screen.
 * Read-only: nothing here changes a conversation, so it runs beside the other specs.
 */
import { test } from "./fixtures";
import {
  connectionId,
  expect,
  expectNoSeriousAxeViolations,
  gotoList,
  pickFilter,
  rowKeys,
  rows,
  searchParams,
  waitForList,
} from "./list-helpers";

test.describe("conversation list", () => {
  // The shared development server compiles on demand; a production build answers far sooner.
  test.describe.configure({ timeout: 240_000 });

  test("shows the inbox with its columns and no serious axe violation", async ({ staffPage: page }) => {
    await gotoList(page);
    await expect(page.getByRole("heading", { level: 1, name: "Inbox" })).toBeVisible();
    await expect(rows(page)).toHaveCount(25);
    for (const column of [
      "Conversation",
      "Connection and channel",
      "Responder",
      "Contact",
      "Status",
      "Last activity",
      "Cost",
      "Flags",
    ]) {
      await expect(page.getByRole("columnheader", { name: column, exact: true })).toBeVisible();
    }
    const first = rows(page).first();
    await expect(first.locator("time[datetime]").first()).toHaveText(/ago|just now/);
    // Providers without costs say "unknown", never $0.
    await expect(page.locator("tbody td").filter({ hasText: /^\$0\.0000$/ })).toHaveCount(0);
    await expect(
      page.getByRole("button", { name: /^Important: .+ \(in (Parley|Chatling)\)$/ }).first(),
    ).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("channel type and channel filter Zaia (the others have no channels, so no rows match) and live in the URL", async ({
    staffPage: page,
  }) => {
    await gotoList(page);
    await pickFilter(page, "Channel type", "WhatsApp");
    await waitForList(page);
    expect(searchParams(page).get("channelType")).toBe("whatsapp");
    // Served from the index: no connection is left out or scanned, so no notice (a first sync
    // still reading transcripts may say so; that is not about this filter).
    await expect(
      page
        .getByRole("region", { name: "Notices about connections" })
        .locator('[data-notice-kind]:not([data-notice-kind="backfilling"])'),
    ).toHaveCount(0);
    for (const text of await rows(page).allInnerTexts()) expect(text).toContain("Zaia (demo)");
    for (const text of await rows(page).locator("td").nth(2).allInnerTexts())
      expect(text).toMatch(/WhatsApp/);

    await page.getByRole("button", { name: "Remove filter Channel type: WhatsApp" }).click();
    await waitForList(page);
    expect(searchParams(page).get("channelType")).toBeNull();

    await pickFilter(page, "Channel", "Website widget");
    await waitForList(page);
    expect(searchParams(page).get("channel")).toBeTruthy();
    const channels = await rows(page).evaluateAll((elements) =>
      elements.map((element) => element.textContent ?? ""),
    );
    expect(channels.length).toBeGreaterThan(0);
    for (const text of channels) expect(text).toContain("Website widget");
    await page.getByRole("button", { name: "Reset all" }).click();
    await waitForList(page);
    expect(searchParams(page).get("channel")).toBeNull();
  });

  test("responder filters Cozmox rows", async ({ staffPage: page }) => {
    await gotoList(page);
    await pickFilter(page, "Responder", "Sales Concierge");
    await waitForList(page);
    expect(searchParams(page).get("responder")).toBeTruthy();
    await expect(
      page.getByRole("button", { name: "Remove filter Responder: Sales Concierge" }),
    ).toBeVisible();
    const texts = await rows(page).allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).toContain("Cozmox (demo)");
      expect(text).toContain("Sales Concierge");
    }
  });

  test("version filters Zaia rows", async ({ staffPage: page }) => {
    await gotoList(page);
    await pickFilter(page, "Version", "Aurora Atendimento v3");
    await waitForList(page);
    expect(searchParams(page).get("version")).toBeTruthy();
    const texts = await rows(page).allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toMatch(/Aurora Atendimento[\s\S]*Version 3/);
  });

  test("status filters SigmaMind, and across every connection only rows with that status match", async ({
    staffPage: page,
  }) => {
    const sigmamind = await connectionId(page.request, "SigmaMind (demo)");
    await gotoList(page, `?connection=${sigmamind}`);
    await pickFilter(page, "Status", "Ended");
    await waitForList(page);
    expect(searchParams(page).get("status")).toBe("ended");
    const texts = await rows(page).allInnerTexts();
    expect(texts.length).toBeGreaterThan(0);
    for (const text of texts) expect(text).toContain("Ended");

    // Across every connection: answered from the index, no notice about the filter (a first sync
    // still reading transcripts may say so); Chatling has no status, so none of its rows match.
    await page.getByRole("button", { name: /^Remove filter Connection/ }).click();
    await waitForList(page);
    await expect(
      page
        .getByRole("region", { name: "Notices about connections" })
        .locator('[data-notice-kind]:not([data-notice-kind="backfilling"])'),
    ).toHaveCount(0);
    for (const text of await rows(page).allInnerTexts()) {
      expect(text).toContain("Ended");
      expect(text).not.toContain("Chatling (demo)");
    }
  });

  test("a date range keeps only conversations active in it", async ({ staffPage: page }) => {
    await gotoList(page);
    const newest = await rows(page).nth(5).locator("time[datetime]").first().getAttribute("datetime");
    const anchor = new Date(newest ?? Date.now());
    const day = (offset: number) =>
      new Date(anchor.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
    const from = day(20);
    const to = day(5);
    await page.getByRole("button", { name: /^Date filter/ }).click();
    const popover = page.getByRole("dialog", { name: "Date range filter" });
    await expectNoSeriousAxeViolations(page, "[data-slot='popover-content']");
    await popover.getByLabel("From").fill(from);
    await popover.getByLabel("To").fill(to);
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(new RegExp(`from=${from}.*to=${to}|to=${to}.*from=${from}`));
    await waitForList(page);
    const times = await rows(page).evaluateAll((elements) =>
      elements.map((element) => element.querySelector("time[datetime]")?.getAttribute("datetime") ?? ""),
    );
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) {
      expect(time >= `${from}T00:00:00`).toBe(true);
      expect(time <= `${to}T23:59:59.999Z`).toBe(true);
    }
  });

  test("search on Zaia finds a conversation by its title", async ({ staffPage: page }) => {
    const zaia = await connectionId(page.request, "Zaia (demo)");
    await gotoList(page, `?connection=${zaia}`);
    await page.keyboard.press("/");
    await expect(page.getByRole("searchbox", { name: "Search conversations" })).toBeFocused();
    await page.keyboard.type("Wholesale");
    await expect(page).toHaveURL(/q=Wholesale/);
    await waitForList(page);
    await expect(rows(page).first()).toContainText("Wholesale order follow-up");
    for (const text of await rows(page).allInnerTexts()) expect(text).toContain("Zaia (demo)");
  });

  test("an empty result says why and offers to reset the filters", async ({ staffPage: page }) => {
    await gotoList(page, "?q=no-conversation-says-this-xq7");
    const empty = page.locator("[data-slot='empty-state']");
    await expect(empty.getByRole("heading", { name: "No conversations match these filters" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await empty.getByRole("button", { name: "Reset filters" }).click();
    await expect(page).not.toHaveURL(/q=/);
    await waitForList(page);
    await expect(rows(page).first()).toBeVisible();
  });

  test("a filter no selected connection can apply is disabled with the reason", async ({
    staffPage: page,
  }) => {
    const sigmamind = await connectionId(page.request, "SigmaMind (demo)");
    await gotoList(page, `?connection=${sigmamind}`);
    const channelType = page.getByRole("button", { name: /^Channel type filter/ });
    await expect(channelType).toHaveAttribute("aria-disabled", "true");
    await expect(channelType).toHaveAccessibleDescription("SigmaMind (demo) cannot filter by channel type.");
    await channelType.click({ force: true });
    await expect(page.getByRole("dialog", { name: "Channel type filter" })).toHaveCount(0);
    // The index sorts every connection both ways.
    await expect(page.getByRole("button", { name: "Oldest" })).not.toHaveAttribute("aria-disabled", "true");
    // With every connection, the partial support is stated in the popover.
    await page.getByRole("button", { name: /^Remove filter Connection/ }).click();
    await waitForList(page);
    await page.getByRole("button", { name: /^Version filter/ }).click();
    await expect(page.getByRole("dialog", { name: "Version filter" })).toContainText(
      "SigmaMind (demo), Cozmox (demo) and Chatling (demo) cannot filter by version: no rows of theirs match.",
    );
    await expectNoSeriousAxeViolations(page, "[data-slot='popover-content']");
  });

  test("pages forward and back, changes page size, and a copied link shows the same rows", async ({
    staffPage: page,
  }) => {
    await gotoList(page);
    const previousButton = page.getByRole("button", { name: "Previous", exact: true });
    await expect(previousButton).toBeDisabled();
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("Page 1");
    const firstPage = await rowKeys(page);

    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(page).toHaveURL(/cursor=/);
    await waitForList(page);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("Page 2");
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("26–50");
    const secondPage = await rowKeys(page);
    expect(secondPage).toHaveLength(25);
    expect(secondPage.filter((key) => firstPage.includes(key))).toEqual([]);

    // A copied link opened in a new page shows the same rows.
    const copied = page.url();
    const other = await page.context().newPage();
    await other.goto(copied);
    await waitForList(other);
    expect(await rowKeys(other)).toEqual(secondPage);
    await other.close();

    // Back and forward walk the history.
    await page.goBack();
    await expect(page).not.toHaveURL(/cursor=/);
    await waitForList(page);
    expect(await rowKeys(page)).toEqual(firstPage);
    await page.goForward();
    await expect(page).toHaveURL(/cursor=/);
    await waitForList(page);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("Page 2");

    await previousButton.click();
    await expect(page).not.toHaveURL(/cursor=/);
    await waitForList(page);
    expect(await rowKeys(page)).toEqual(firstPage);

    await page.getByRole("combobox", { name: "Rows per page" }).click();
    await page.getByRole("option", { name: "50" }).click();
    await expect(page).toHaveURL(/limit=50/);
    await waitForList(page);
    await expect(rows(page)).toHaveCount(50);
    await expect(page.getByRole("navigation", { name: "Pagination" })).toContainText("1–50");
  });

  test("the sidebar switches views and the heading follows", async ({ staffPage: page }) => {
    await gotoList(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Archived" }).click();
    await expect(page).toHaveURL(/view=archived/);
    await expect(page.getByRole("heading", { level: 1, name: "Archived" })).toBeVisible();
    await waitForList(page);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trash" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Trash" })).toBeVisible();
  });

  test("dark mode renders without serious axe violations", async ({ staffPage: page }) => {
    await gotoList(page);
    await page.getByRole("button", { name: "Toggle theme" }).click();
    await page.getByRole("menuitemradio", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expectNoSeriousAxeViolations(page);
    await page.getByRole("button", { name: /^Responder filter/ }).click();
    await expect(page.getByRole("dialog", { name: "Responder filter" })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press("Escape");
    // Let the popover finish closing (and hand focus back) before the theme menu opens: two Radix
    // layers that open and close at once can pass focus back and forth.
    await expect(page.getByRole("dialog", { name: "Responder filter" })).toBeHidden();
    await expect(page.getByRole("button", { name: /^Responder filter/ })).toBeFocused();
    await page.getByRole("button", { name: "Toggle theme" }).click();
    await page.getByRole("menuitemradio", { name: "Light" }).click();
    await expect(page.locator("html")).not.toHaveClass(/dark/);
  });

  test("at 768 px the list stays usable and a conversation opens in a sheet", async ({ staffPage: page }) => {
    await page.setViewportSize({ width: 768, height: 900 });
    await gotoList(page);
    await expect(page.getByRole("searchbox", { name: "Search conversations" })).toBeVisible();
    const row = rows(page).nth(1);
    await expect(row.getByRole("link")).toBeVisible();
    const hasHorizontalScroll = await page.evaluate(
      () => document.documentElement.scrollWidth > window.innerWidth,
    );
    expect(hasHorizontalScroll).toBe(false);
    await row.click();
    await expect(page).toHaveURL(/open=/);
    const sheet = page.getByRole("dialog");
    await expect(sheet).toBeVisible();
    await expect(sheet.getByRole("link", { name: "Open full page" })).toBeVisible();
    // One way to close it on screen: the thread's own button (the sheet's corner one is left out).
    await expect(sheet.getByRole("button", { name: /^Close/ })).toHaveCount(1);
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press("Escape");
    await expect(page).not.toHaveURL(/open=/);
    await expect(row).toBeFocused();
  });
});
