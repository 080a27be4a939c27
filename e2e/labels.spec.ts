/**
 * Labels end to end: an admin creates a label on the Labels admin page, staff put it on a
 * conversation from the thread's header, and the list filtered by it shows that conversation; then
 * staff put it on three more rows at once from the bulk bar, and Undo takes it off exactly those.
 * The label is unique per run and deleted at the end.
 */
import { expect, test } from "./fixtures";
import { pickFilter, rowByKey, waitForList } from "./list-helpers";
import { connectionIds, conversationAt, expectNoSeriousAxeViolations, openThread } from "./thread-support";

test.describe.configure({ timeout: 180_000 });

test("an admin creates a label, staff put it on a conversation, the list filters by it", async ({
  adminPage,
  staffPage,
}) => {
  const name = `Refund ${Date.now().toString(36)}`;
  await adminPage.goto("/admin/labels");
  await expect(adminPage.getByRole("heading", { level: 1, name: "Labels" })).toBeVisible({ timeout: 30_000 });
  const form = adminPage.getByRole("form", { name: "New label" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Colour").selectOption("teal");
  await form.getByLabel("Description").fill("The customer asked for money back");
  await form.getByRole("button", { name: "Add label" }).click();
  await expect(adminPage.getByRole("button", { name: `Delete ${name}` })).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousAxeViolations(adminPage);

  try {
    const ids = await connectionIds(staffPage);
    const conversation = await conversationAt(staffPage, ids.zaia, 3, { view: "all" });
    await openThread(staffPage, conversation.connectionId, conversation.id);
    await staffPage.getByRole("button", { name: "Add label" }).click();
    const picker = staffPage.getByRole("dialog", { name: "Labels of this conversation" });
    const saved = staffPage.waitForResponse(
      (response) => response.request().method() === "PATCH" && response.url().endsWith("/labels"),
    );
    await picker.getByRole("checkbox", { name }).click();
    expect((await saved).ok()).toBe(true);
    await expect(picker.getByRole("checkbox", { name })).toBeChecked();
    await staffPage.keyboard.press("Escape");
    await expect(staffPage.getByRole("group", { name: "Labels" }).getByText(name)).toBeVisible();

    await staffPage.goto(`/conversations?view=all&connection=${ids.zaia}`);
    await waitForList(staffPage);
    await pickFilter(staffPage, "Label", name);
    await expect(staffPage).toHaveURL(/[?&]label=/);
    await waitForList(staffPage);
    await expect(staffPage.locator("tbody tr[data-row-key]")).toHaveCount(1);
    await expect(rowByKey(staffPage, `${conversation.connectionId}~${conversation.id}`)).toBeVisible();

    // In bulk: three more rows of the connection, from the bulk bar; Undo takes it off those three.
    await staffPage.goto(`/conversations?view=all&connection=${ids.zaia}`);
    await waitForList(staffPage);
    const picked = [5, 6, 7].map((index) => staffPage.locator("tbody tr[data-row-key]").nth(index));
    const keys = await Promise.all(picked.map((row) => row.getAttribute("data-row-key")));
    const bar = staffPage.getByRole("region", { name: "Bulk actions" });
    for (const row of picked) await row.getByRole("checkbox").click();
    await expect(bar).toContainText("3 selected");
    await bar.getByRole("button", { name: "Label" }).click();
    await staffPage.getByRole("menuitem", { name: `Add ${name}` }).click();
    const summary = staffPage
      .locator("[data-sonner-toast]")
      .filter({ hasText: `“${name}” put on 3 conversations` });
    await expect(summary).toBeVisible({ timeout: 30_000 });
    for (const key of keys)
      await expect(rowByKey(staffPage, key ?? "")).toContainText(name, { timeout: 30_000 });
    await summary.getByRole("button", { name: "Undo" }).click();
    await expect(staffPage.locator("[data-sonner-toast]").filter({ hasText: "Undone:" })).toBeVisible({
      timeout: 30_000,
    });
    for (const key of keys)
      await expect(rowByKey(staffPage, key ?? "")).not.toContainText(name, { timeout: 30_000 });
  } finally {
    const labels = (await (await adminPage.request.get("/api/labels")).json()) as {
      items: { id: string; name: string }[];
    };
    const created = labels.items.find((label) => label.name === name);
    if (created)
      await adminPage.request.delete(`/api/labels/${created.id}`, {
        headers: { origin: new URL(adminPage.url()).origin },
      });
  }
});
