/**
 * The sidebar's counts, a saved view's delete confirmation and a thread's download: the built-in
 * views show their counts as part of the link's name ("Important, 12"); deleting a view asks
 * first, starting on Cancel, and Cancel keeps it; "Download as Markdown" delivers the server's
 * file.
 */
import { readFile } from "node:fs/promises";
import { test } from "./fixtures";
import { expect, expectNoSeriousAxeViolations, gotoList } from "./list-helpers";
import { connectionIds, conversationAt, openThread } from "./thread-support";

test("counts on the views, a delete that asks first, and a thread download", async ({ staffPage: page }) => {
  test.setTimeout(120_000);
  const name = `Counted ${Date.now().toString(36)}`;
  const created = await page.request.post("/api/views", { data: { name, query: "view=trash" } });
  expect(created.status()).toBe(201);
  await gotoList(page);

  const main = page.getByRole("navigation", { name: "Main" });
  await expect(main.getByRole("link", { name: /^Inbox\s*,\s*[\d,]+\+?$/ })).toBeVisible();
  await expect(main.getByRole("link", { name: /^Important\s*,\s*[\d,]+\+?$/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'nav[aria-label="Main"]');
  // Trash is Parley's own flag: its count holds still while the first sync may still add rows
  // ("+" while a connection backfills, so only the number is compared).
  const trash = main.getByRole("link", { name: /^Trash\s*,\s*[\d,]+\+?$/ });
  // The comma before the number is for screen readers only.
  const shown = (await trash.getByTestId("view-count").innerText()).replace(/^[\s,]+/, "").trim();
  const counts = (await (await page.request.get("/api/views/counts")).json()) as {
    views: Record<string, { count: number }>;
  };
  expect(shown.replace("+", "")).toBe(counts.views.trash?.count.toLocaleString("en-US"));
  // A saved view of the trash counts the same, from the same answer.
  const savedViews = page.getByRole("list", { name: "Saved views" });
  await expect(
    savedViews.getByRole("link", { name: new RegExp(`^${name}\\s*,\\s*${shown.replace("+", "\\+")}$`) }),
  ).toBeVisible();

  const actions = savedViews.getByRole("button", { name: `Actions for view ${name}` });
  await actions.click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Delete the view “${name}”?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("This cannot be undone.");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoSeriousAxeViolations(page, '[role="alertdialog"]');
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(actions).toBeFocused();
  await expect(savedViews.getByRole("link", { name: new RegExp(name) })).toBeVisible();
  const kept = (await (await page.request.get("/api/views")).json()) as { personal: { id: string }[] };
  const id = ((await created.json()) as { id: string }).id;
  expect(kept.personal.map((view) => view.id)).toContain(id);
  expect((await page.request.delete(`/api/views/${id}`)).status()).toBe(204);

  const ids = await connectionIds(page);
  const conversation = await conversationAt(page, ids.zaia, 0);
  await openThread(page, ids.zaia, conversation.id);
  await page.getByRole("button", { name: "Download conversation" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 60_000 }),
    page.getByRole("menuitem", { name: "Download as Markdown" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^parley-conversation-[A-Za-z0-9._-]+\.md$/);
  const markdown = await readFile(await download.path(), "utf8");
  expect(markdown).toMatch(/^# .+\n\n- Connection: /);
  expect(markdown).toContain(`- Conversation id: ${conversation.id}`);
});
