/**
 * Keyboard triage on the list: j/k roving focus, s/e/#/z on three conversations (each change
 * checked, then undone), inline rename with r, Enter/Esc for the side panel, the `?` dialog and
 * the command palette. It works on SigmaMind rows 7 to 12 of the inbox, which no other spec
 * touches, and puts everything back (through the API if a step fails half-way).
 */
import { shortcuts } from "../components/conversations/keyboard/shortcuts";
import { test } from "./fixtures";
import {
  connectionId,
  expect,
  expectNoSeriousAxeViolations,
  gotoList,
  rowByKey,
  rows,
  searchParams,
  setFlags,
  waitForList,
} from "./list-helpers";
import type { Locator, Page } from "@playwright/test";

test.describe.configure({ timeout: 240_000 });

async function pressTimes(page: Page, key: string, times: number): Promise<void> {
  for (let index = 0; index < times; index += 1) await page.keyboard.press(key);
}

async function currentKey(page: Page): Promise<string> {
  const row = page.locator('tbody tr[aria-current="true"]');
  await expect(row).toHaveCount(1);
  return (await row.getAttribute("data-row-key")) ?? "";
}

async function isImportant(row: Locator): Promise<boolean> {
  return (await row.getByRole("button", { name: /^Important/ }).getAttribute("aria-pressed")) === "true";
}

function toast(page: Page, text: string | RegExp) {
  return page.locator("[data-sonner-toast]").filter({ hasText: text }).first();
}

test("keyboard-only triage of three conversations: j/k, s, e, #, z", async ({ staffPage: page }) => {
  const sigmamind = await connectionId(page.request, "SigmaMind (demo)");
  await gotoList(page, `?connection=${sigmamind}`);
  const touched = new Map<string, { important: boolean }>();
  let restored = false;
  try {
    await pressTimes(page, "j", 8);
    await page.keyboard.press("k");
    const seventh = rows(page).nth(6);
    await expect(seventh).toHaveAttribute("aria-current", "true");
    await expect(seventh).toBeFocused();
    await expect(page.locator('tbody tr[aria-current="true"]')).toHaveCount(1);

    // s: important, then z.
    const key7 = (await seventh.getAttribute("data-row-key")) ?? "";
    const star = seventh.getByRole("button", { name: /^Important: .+ \(in Parley\)$/ });
    const wasImportant = (await star.getAttribute("aria-pressed")) === "true";
    touched.set(key7, { important: wasImportant });
    await page.keyboard.press("s");
    await expect(star).toHaveAttribute("aria-pressed", String(!wasImportant));
    await expect(toast(page, wasImportant ? "Removed from important" : "Marked important")).toBeVisible();
    await page.keyboard.press("z");
    await expect(star).toHaveAttribute("aria-pressed", String(wasImportant));
    await expect(toast(page, /^Undone: /)).toBeVisible();

    // e: archive leaves the inbox; the cursor stays in place, on the row that took its place.
    await page.keyboard.press("j");
    await expect(rows(page).nth(7)).toBeFocused();
    const key8 = await currentKey(page);
    touched.set(key8, { important: await isImportant(rowByKey(page, key8)) });
    await page.keyboard.press("e");
    await expect(rowByKey(page, key8)).toHaveCount(0);
    await expect(toast(page, "Archived")).toBeVisible();
    await expect(rows(page).nth(7)).toHaveAttribute("aria-current", "true");
    await expect(rows(page).nth(7)).toBeFocused();
    const replacement = await currentKey(page);
    await page.keyboard.press("z");
    await expect(rowByKey(page, key8)).toHaveCount(1);
    await expect(toast(page, "Undone: archived")).toBeVisible();
    await expect(rowByKey(page, replacement)).toBeFocused();

    // #: trash, then z restores.
    await page.keyboard.press("j");
    const key9 = await currentKey(page);
    expect(key9).not.toBe(replacement);
    await expect(rowByKey(page, key9)).toBeFocused();
    touched.set(key9, { important: await isImportant(rowByKey(page, key9)) });
    await page.keyboard.press("#");
    await expect(rowByKey(page, key9)).toHaveCount(0);
    await expect(toast(page, "Moved to trash")).toBeVisible();
    await page.keyboard.press("z");
    await expect(rowByKey(page, key9)).toHaveCount(1);
    await expect(toast(page, "Undone: moved to trash")).toBeVisible();

    // Enter opens beside the list, Esc closes and gives the focus back to the row.
    const opened = await currentKey(page);
    await page.keyboard.press("Enter");
    await expect.poll(() => searchParams(page).get("open")).toBe(opened);
    const panel = page.getByTestId("conversation-panel");
    await expect(panel.getByRole("link", { name: "Open full page" })).toHaveAttribute(
      "href",
      new RegExp(`/conversations/[^?]+\\?connection=${sigmamind}`),
    );
    // With the panel open, j moves to the next conversation and shows it there.
    await page.keyboard.press("j");
    await expect.poll(async () => searchParams(page).get("open") === (await currentKey(page))).toBe(true);
    expect(searchParams(page).get("open")).not.toBe(opened);
    await page.keyboard.press("Escape");
    await expect(page).not.toHaveURL(/open=/);
    await expect(page.locator('tbody tr[aria-current="true"]')).toBeFocused();
    restored = true;
  } finally {
    if (!restored) {
      for (const [key, original] of touched)
        await setFlags(page.request, key, { important: original.important, archived: false, trashed: false });
    }
  }
});

test("r renames inline: Enter saves, Escape cancels, z undoes", async ({ staffPage: page }) => {
  const sigmamind = await connectionId(page.request, "SigmaMind (demo)");
  await gotoList(page, `?connection=${sigmamind}`);
  await pressTimes(page, "j", 11);
  const row = rows(page).nth(10);
  await expect(row).toBeFocused();
  const key = (await row.getAttribute("data-row-key")) ?? "";
  const link = rowByKey(page, key).getByRole("link").first();
  const before = await link.innerText();
  let restored = false;
  try {
    await page.keyboard.press("r");
    const field = page.getByRole("textbox", { name: /^New title for / });
    await expect(field).toBeFocused();
    await page.keyboard.type("x");
    await page.keyboard.press("Escape");
    await expect(field).toHaveCount(0);
    await expect(link).toHaveText(before);
    await expect(rowByKey(page, key)).toBeFocused();

    await page.keyboard.press("r");
    await expect(field).toBeFocused();
    await field.fill("Keyboard triage check");
    await page.keyboard.press("Enter");
    await expect(link).toHaveText("Keyboard triage check");
    await expect(toast(page, "Renamed")).toBeVisible();
    await expect(rowByKey(page, key)).toBeFocused();
    await page.keyboard.press("z");
    await expect(link).toHaveText(before, { timeout: 20_000 });
    restored = true;
  } finally {
    if (!restored) await setFlags(page.request, key, { title: null });
  }
});

test("? lists every shortcut in an accessible dialog", async ({ staffPage: page }) => {
  await gotoList(page);
  await page.keyboard.press("j");
  await expect(rows(page).first()).toBeFocused();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  for (const shortcut of shortcuts) {
    await expect(dialog.locator(`[data-shortcut="${shortcut.id}"]`)).toContainText(shortcut.description);
  }
  await expectNoSeriousAxeViolations(page);
  // Shortcuts do not act behind an open dialog.
  await page.keyboard.press("j");
  await expect(rows(page).first()).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(rows(page).first()).toBeFocused();
});

test("the command palette switches view, filters to one connection and toggles the theme", async ({
  staffPage: page,
}) => {
  await gotoList(page);
  await page.keyboard.press("Control+k");
  const palette = page.getByRole("dialog", { name: "Command palette" });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole("combobox")).toBeFocused();
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.type("Archived");
  await page.keyboard.press("Enter");
  await expect(palette).toBeHidden();
  await expect(page).toHaveURL(/view=archived/);
  await expect(page.getByRole("heading", { level: 1, name: "Archived" })).toBeVisible();
  await waitForList(page);

  const zaia = await connectionId(page.request, "Zaia (demo)");
  await page.keyboard.press("Control+k");
  await expect(palette).toBeVisible();
  await page.keyboard.type("Only Zaia");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`connection=${zaia}`));

  // Toggle the theme twice through the palette (axe checks it in the other theme too).
  const startsDark = await page.locator("html").evaluate((element) => element.classList.contains("dark"));
  for (const dark of [!startsDark, startsDark]) {
    await page.keyboard.press("Control+k");
    await expect(palette).toBeVisible();
    await page.keyboard.type("Toggle theme");
    await expect(palette.getByRole("option", { name: /^Toggle theme/ })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expectNoSeriousAxeViolations(page);
    await palette.getByRole("combobox").press("Enter");
    await expect(palette).toBeHidden();
    await expect(page.locator("html")).toHaveClass(dark ? /dark/ : /light/);
  }
});
