/**
 * The review queue end to end: a whole review pass with the keyboard only (from a filtered list,
 * N opens the next unreviewed conversation; I takes it, 4 scores it, M marks it reviewed, N goes
 * on), the sidebar's Mine view listing what was taken, and the admins' Review page (axe; staff are
 * sent away). The reviewed conversation is put back at the end.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { rowByKey, waitForList } from "./list-helpers";
import { reviewShortcuts } from "../components/conversations/keyboard/shortcuts";
import { connectionIds, expectNoSeriousAxeViolations } from "./thread-support";

test.describe.configure({ timeout: 180_000 });

const openKey = (page: Page) => new URL(page.url()).searchParams.get("open");

/** Presses a review key and waits for the PATCH it sends to succeed. */
async function pressAndSave(page: Page, key: string): Promise<void> {
  const saved = page.waitForResponse(
    (response) =>
      response.request().method() === "PATCH" && /\/api\/conversations\/[^/]+\/[^/?]+$/.test(response.url()),
  );
  await page.keyboard.press(key);
  const response = await saved;
  expect(response.ok(), await response.text()).toBe(true);
}

test("a whole review pass with the keyboard only, then the Mine view", async ({ staffPage: page }) => {
  const ids = await connectionIds(page);
  await page.goto(`/conversations?view=all&connection=${ids.zaia}&reviewState=unreviewed`);
  await waitForList(page);
  // The review keys are listed with the others.
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  for (const shortcut of reviewShortcuts)
    await expect(dialog.locator(`[data-shortcut="${shortcut.id}"]`)).toContainText(shortcut.description);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  await page.keyboard.press("n");
  await expect.poll(() => openKey(page), { timeout: 30_000 }).not.toBeNull();
  const first = openKey(page) ?? "";
  const review = page.getByRole("group", { name: "Review" });
  await expect(review.getByRole("button", { name: "Take it" })).toBeEnabled({ timeout: 30_000 });

  try {
    await pressAndSave(page, "i");
    await expect(review.getByRole("button", { name: "Give back" })).toBeVisible();
    await pressAndSave(page, "4");
    await expect(review.getByRole("button", { name: "Score 4/5" })).toHaveAttribute("aria-pressed", "true");
    await pressAndSave(page, "m");
    await expect(review.getByRole("button", { name: "Reviewed" })).toBeVisible();

    await page.keyboard.press("n");
    await expect.poll(() => openKey(page), { timeout: 30_000 }).not.toBe(first);
    await expect(review.getByRole("button", { name: "Take it" })).toBeVisible();

    const [connectionId, conversationId] = [
      first.slice(0, first.indexOf("~")),
      first.slice(first.indexOf("~") + 1),
    ];
    const saved = await page.request.get(
      `/api/conversations/${encodeURIComponent(connectionId)}/${encodeURIComponent(conversationId)}/review`,
    );
    expect(await saved.json()).toMatchObject({
      assignee: { name: expect.any(String) },
      reviewState: "reviewed",
      score: 4,
      reviewedBy: { name: expect.any(String) },
    });

    // Mine: what this user took, from the sidebar.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Mine/ }).click();
    await expect(page).toHaveURL(/[?&]assignee=me/);
    await waitForList(page);
    await expect(rowByKey(page, first)).toBeVisible();
  } finally {
    const [connectionId, conversationId] = [
      first.slice(0, first.indexOf("~")),
      first.slice(first.indexOf("~") + 1),
    ];
    await page.request.patch(
      `/api/conversations/${encodeURIComponent(connectionId)}/${encodeURIComponent(conversationId)}`,
      {
        data: { assignee: null, reviewState: "unreviewed", score: null },
        headers: { origin: new URL(page.url()).origin },
      },
    );
  }
});

test("the Review page shows progress to admins only, and passes axe", async ({ adminPage, staffPage }) => {
  await adminPage.goto("/review");
  await expect(adminPage.getByRole("heading", { level: 1, name: "Review" })).toBeVisible({ timeout: 30_000 });
  await expect(adminPage.getByRole("table", { name: "By responder" })).toBeVisible({ timeout: 30_000 });
  await expect(adminPage.getByRole("table", { name: "By reviewer" })).toBeVisible();
  await expectNoSeriousAxeViolations(adminPage);

  await staffPage.goto("/review");
  await expect(staffPage).not.toHaveURL(/\/review/);
});
