/**
 * Internal notes end to end: staff write a note in the thread's side panel with a mention chosen
 * by keyboard completion (Ctrl+Enter saves), add a note about one message (shown beside it, and
 * in the panel with a link back to it), the panel passes axe, and the list's search finds the
 * conversation through its note, marked "Note:". The notes are deleted at the end.
 */
import { expect, test } from "./fixtures";
import { rowByKey, rows, waitForList } from "./list-helpers";
import {
  connectionIds,
  conversationAt,
  detailsPanel,
  expectNoSeriousAxeViolations,
  openThread,
} from "./thread-support";

test.describe.configure({ timeout: 180_000 });

test("a note with a keyboard-chosen mention, a note about a message, the note found by search", async ({
  staffPage: page,
}) => {
  const word = `flamingo${Date.now().toString(36)}`;
  const ids = await connectionIds(page);
  const conversation = await conversationAt(page, ids.zaia, 5, { view: "all" });
  const notesUrl = `/api/conversations/${encodeURIComponent(conversation.connectionId)}/${encodeURIComponent(conversation.id)}/notes`;
  try {
    const messages = await openThread(page, conversation.connectionId, conversation.id);
    const panel = detailsPanel(page);
    await expect(panel.getByRole("heading", { name: /Notes \(0\)/ })).toBeVisible({ timeout: 30_000 });

    // A mention chosen from the completion with the keyboard only.
    const composer = panel.getByRole("textbox", { name: "New note", exact: true });
    await composer.click();
    await composer.pressSequentially("Please ask @Ada Ad");
    const options = panel.getByRole("listbox", { name: "People to mention" });
    await expect(options.getByRole("option", { name: "Ada Admin" })).toBeVisible();
    await composer.press("Enter");
    await expect(options).toBeHidden();
    await composer.pressSequentially(`about the ${word} refund`);
    await expect(composer).toHaveValue(`Please ask @Ada Admin about the ${word} refund`);
    const saved = page.waitForResponse(
      (response) => response.request().method() === "POST" && response.url().endsWith("/notes"),
    );
    await composer.press("Control+Enter");
    expect((await saved).status()).toBe(201);
    await expect(composer).toHaveValue("");
    const note = panel.getByRole("article", { name: "Note by Sam Staff" }).first();
    await expect(note.locator("[data-mention]")).toHaveText("@Ada Admin");
    await expect(panel.getByRole("heading", { name: /Notes \(1\)/ })).toBeVisible();

    // A note about the first message: shown beside it, and in the panel with a link to it.
    await messages.getByRole("button", { name: "Add note about message 1", exact: true }).click();
    const aboutComposer = panel.getByRole("textbox", { name: "New note about the message" });
    await expect(aboutComposer).toBeFocused();
    await expect(panel.getByText("This note will be about message 1.")).toBeVisible();
    await aboutComposer.pressSequentially("This answer quoted the wrong price");
    await aboutComposer.press("Control+Enter");
    const beside = messages.getByRole("list", { name: "Notes about this message" });
    await expect(beside).toContainText("This answer quoted the wrong price");
    await expect(panel.getByRole("heading", { name: /Notes \(2\)/ })).toBeVisible();
    await expect(panel.getByRole("button", { name: "About message 1: show it" })).toBeVisible();
    await expectNoSeriousAxeViolations(page, '[role="region"][aria-label="Conversation details"]');
    await panel.getByRole("button", { name: "About message 1: show it" }).click();
    await expect(page).toHaveURL(/[?&]message=/);
    await expect(messages.locator("article[data-linked]")).toContainText(
      "This answer quoted the wrong price",
    );

    // The list's search finds the conversation through its note.
    await page.goto(`/conversations?view=all&q=${word}`);
    await waitForList(page);
    await expect(rows(page)).toHaveCount(1);
    const snippet = rowByKey(page, `${conversation.connectionId}~${conversation.id}`).getByTestId(
      "match-snippet",
    );
    await expect(snippet).toContainText("Note:");
    await expect(snippet.locator("mark")).toHaveText(word);
    await expect(snippet).toContainText("@Ada Admin");
  } finally {
    const answer = (await (await page.request.get(notesUrl)).json()) as { items?: { id: string }[] };
    for (const item of answer.items ?? [])
      await page.request.delete(`${notesUrl}/${item.id}`, {
        headers: { origin: new URL(page.url()).origin },
      });
  }
});
