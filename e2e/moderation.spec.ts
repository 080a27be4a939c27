/**
 * Moderation in the thread view, on every provider: important, archive, rename and trash, each
 * undone again (toast Undo, `z`, or the opposite button), with the label that says where each
 * flag lives. Admins delete at the provider behind a typed confirmation; staff never see that.
 *
 * Each test works on its own conversation (by provider and position) and puts it back as it was,
 * also when it fails half-way, so the spec passes on a fresh server and on re-runs.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import {
  connectionIds,
  conversationAt,
  detailsPanel,
  expectNoSeriousAxeViolations,
  openThread,
  toast,
  type Provider,
} from "./thread-support";

test.describe.configure({ timeout: 180_000 });

interface ConversationState {
  title: string | null;
  providerTitle: string | null;
  flags: { important: boolean; archived: boolean; trashed: boolean };
  flagHomes: { title: "provider" | "parley" };
}

function apiPath(connectionId: string, conversationId: string): string {
  return `/api/conversations/${encodeURIComponent(connectionId)}/${encodeURIComponent(conversationId)}`;
}

async function readState(
  page: Page,
  connectionId: string,
  conversationId: string,
): Promise<ConversationState> {
  const response = await page.request.get(`${apiPath(connectionId, conversationId)}?limit=1`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { conversation: ConversationState }).conversation;
}

/** Runs an action and waits until the moderation request it sends has been answered with success. */
async function saved(page: Page, action: () => Promise<void>): Promise<void> {
  const answer = page.waitForResponse(
    (response) => response.request().method() === "PATCH" && response.url().includes("/api/conversations/"),
  );
  await action();
  expect((await answer).ok()).toBe(true);
}

/** Puts back whatever a failed test left changed. */
async function restoreState(
  page: Page,
  connectionId: string,
  conversationId: string,
  original: ConversationState,
) {
  const current = await readState(page, connectionId, conversationId);
  const change: Record<string, unknown> = {};
  for (const flag of ["important", "archived", "trashed"] as const)
    if (current.flags[flag] !== original.flags[flag]) change[flag] = original.flags[flag];
  if (current.title !== original.title)
    change.title =
      original.flagHomes.title === "parley" && original.title === original.providerTitle
        ? null
        : original.title;
  if (Object.keys(change).length === 0) return;
  const response = await page.request.patch(apiPath(connectionId, conversationId), { data: change });
  expect(response.ok()).toBe(true);
}

/**
 * Puts the conversation of the test that just ran back as it was. An `afterEach` hook (not a
 * `finally`) because it still runs, with the page open, when a test times out.
 */
let pendingRestore: (() => Promise<void>) | null = null;
test.afterEach(async () => {
  const restore = pendingRestore;
  pendingRestore = null;
  if (restore) await restore();
});

const cases: {
  provider: Provider;
  label: string;
  homes: { important: string; archived: string; title: string };
}[] = [
  {
    provider: "sigmamind",
    label: "SigmaMind",
    homes: { important: "Parley", archived: "Parley", title: "Parley" },
  },
  {
    provider: "cozmox",
    label: "Cozmox",
    homes: { important: "Parley", archived: "Parley", title: "Parley" },
  },
  { provider: "zaia", label: "Zaia", homes: { important: "Parley", archived: "Parley", title: "Zaia" } },
  {
    provider: "chatling",
    label: "Chatling",
    homes: { important: "Chatling", archived: "Chatling", title: "Parley" },
  },
];

for (const { provider, label, homes } of cases) {
  test(`${label}: important, archive, rename and trash, each undone, with where each flag lives`, async ({
    staffPage: page,
  }) => {
    const ids = await connectionIds(page);
    const connectionId = ids[provider];
    const target = await conversationAt(page, connectionId, 12);
    const original = await readState(page, connectionId, target.id);
    pendingRestore = () => restoreState(page, connectionId, target.id, original);
    await openThread(page, connectionId, target.id);
    const heading = page.getByRole("heading", { level: 1 });
    const originalHeading = (await heading.textContent()) ?? "";

    // Important: a toggle; undone from its toast.
    const important = page.getByRole("button", { name: "Important", exact: true });
    const wasImportant = original.flags.important;
    await expect(important).toHaveAttribute("aria-pressed", String(wasImportant));
    await expect(important).toHaveAccessibleDescription(`Stored in ${homes.important}`);
    await saved(page, () => important.click());
    await expect(important).toHaveAttribute("aria-pressed", String(!wasImportant));
    const undo = toast(page, wasImportant ? /Removed from important/ : /Marked important/)
      .first()
      .getByRole("button", { name: "Undo" });
    await saved(page, () => undo.click());
    await expect(important).toHaveAttribute("aria-pressed", String(wasImportant));

    // Archive with `e`, undone with `z`.
    const archive = page.getByRole("button", { name: "Archive", exact: true });
    await expect(archive).toHaveAccessibleDescription(`Stored in ${homes.archived}`);
    await saved(page, () => page.keyboard.press("e"));
    const unarchive = page.getByRole("button", { name: "Unarchive", exact: true });
    await expect(unarchive).toBeVisible();
    await expect(unarchive).toHaveAccessibleDescription(`Stored in ${homes.archived}`);
    await saved(page, () => page.keyboard.press("z"));
    await expect(archive).toBeVisible();

    // Rename: `r` opens the field, Escape cancels (and stays on the page), Enter saves, `z` undoes.
    const rename = page.getByRole("button", { name: "Rename", exact: true });
    await expect(rename).toHaveAccessibleDescription(`Stored in ${homes.title}`);
    await page.keyboard.press("r");
    const field = page.getByRole("textbox", { name: "Conversation title" });
    await expect(field).toBeFocused();
    await field.press("Escape");
    await expect(field).toHaveCount(0);
    await expect(heading).toHaveText(originalHeading);
    await expect(page).toHaveURL(/\/conversations\/[^/]+\/[^/?]+/);
    await rename.click();
    await expect(field).toBeFocused();
    if (provider === "sigmamind") await expectNoSeriousAxeViolations(page);
    const newTitle = `E2E rename ${label} ${Date.now()}`;
    await field.fill(newTitle);
    await saved(page, () => field.press("Enter"));
    await expect(heading).toHaveText(newTitle);
    await expect(rename).toBeFocused();
    await saved(page, () => page.keyboard.press("z"));
    await expect(heading).toHaveText(originalHeading);

    // Trash: the button and Restore; then `#`, undone with `z`.
    const trash = page.getByRole("button", { name: "Move to trash", exact: true });
    const restore = page.getByRole("button", { name: "Restore", exact: true });
    await saved(page, () => trash.click());
    await expect(restore).toBeVisible();
    await expect(restore).toHaveAccessibleDescription("Stored in Parley");
    await expect(page.getByText("In trash", { exact: true })).toBeVisible();
    await saved(page, () => restore.click());
    await expect(trash).toBeVisible();
    await saved(page, () => page.keyboard.press("#"));
    await expect(restore).toBeVisible();
    await saved(page, () => page.keyboard.press("z"));
    await expect(trash).toBeVisible();

    // The history records who did what.
    const history = detailsPanel(page).getByRole("list", { name: "History" });
    await expect(history.getByText(/staff@parley\.local.*moved it to trash/).first()).toBeVisible();
    await expect(history.getByText(/renamed it to “E2E rename/).first()).toBeVisible();

    const final = await readState(page, connectionId, target.id);
    expect(final.flags).toMatchObject(original.flags);
    expect(final.title).toBe(original.title);
  });
}

test("an admin deletes a Zaia conversation at the provider only after typing its id", async ({
  adminPage: page,
}) => {
  const ids = await connectionIds(page);
  // Deep in the list, so no other spec's conversation moves; each run removes the next one.
  const target = await conversationAt(page, ids.zaia, 300);
  await openThread(page, ids.zaia, target.id);
  const open = page.getByRole("button", { name: "Delete at provider…" });
  await expect(open).toHaveAccessibleDescription(/cannot be undone/);

  // Cancel first: nothing happens and focus comes back.
  await open.click();
  const dialog = page.getByRole("alertdialog", { name: "Delete this conversation at Zaia?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();

  await open.click();
  await expect(dialog).toContainText("cannot be undone");
  const confirm = dialog.getByRole("button", { name: "Delete at Zaia" });
  await expect(confirm).toBeDisabled();
  await expectNoSeriousAxeViolations(page);
  const field = dialog.getByRole("textbox", { name: "Type the conversation id to confirm" });
  await field.fill(target.id.slice(0, -1));
  await expect(confirm).toBeDisabled();
  await field.fill(target.id);
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(toast(page, "Deleted at Zaia")).toBeVisible();
  await expect(page).toHaveURL(/\/conversations(\?.*)?$/, { timeout: 60_000 });

  const after = await page.request.get(`${apiPath(ids.zaia, target.id)}?limit=1`);
  if (after.ok()) {
    const body = (await after.json()) as { conversation: { flags: { removedAtProvider: boolean } } };
    expect(body.conversation.flags.removedAtProvider).toBe(true);
  } else expect(after.status()).toBe(404);
});

test("staff never see Delete at provider", async ({ staffPage: page }) => {
  const ids = await connectionIds(page);
  for (const provider of ["zaia", "cozmox"] as const) {
    const target = await conversationAt(page, ids[provider], 5);
    await openThread(page, ids[provider], target.id);
    await expect(page.getByRole("button", { name: "Move to trash", exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: /Delete at provider/ })).toHaveCount(0);
  }
});

test("admins see Delete at provider only where the provider supports it", async ({ adminPage: page }) => {
  const ids = await connectionIds(page);
  const cozmox = await conversationAt(page, ids.cozmox, 5);
  await openThread(page, ids.cozmox, cozmox.id);
  await expect(page.getByRole("button", { name: "Delete at provider…" })).toBeVisible();
  const sigmamind = await conversationAt(page, ids.sigmamind, 5);
  // The thread's answer says what the provider supports, so once its actions show, "no button"
  // is the answer and not "not yet".
  await openThread(page, ids.sigmamind, sigmamind.id);
  await expect(page.getByRole("button", { name: "Move to trash", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: /Delete at provider/ })).toHaveCount(0);
});
