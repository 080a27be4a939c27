/**
 * Admin users: staff cannot reach the admin pages; an admin adds a user who signs in elsewhere and
 * is signed out at once when deactivated; the last administrator cannot demote themself (the
 * server refuses, the page says why). Users are unique per run and removed at the end.
 */
import AxeBuilder from "@axe-core/playwright";
import { request as apiRequest, type Page } from "@playwright/test";
import { expect, storageStatePath, test } from "./fixtures";

/**
 * Waits on a server round trip (a page's first client-side fetch, a save, a provider test) get
 * longer than the default: a busy shared dev server can take a while.
 */
const SERVER_MS = 30_000;

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = violations.filter(
    (violation) => violation.impact === "serious" || violation.impact === "critical",
  );
  expect(
    serious.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
  ).toEqual([]);
}

interface ListedUser {
  id: string;
  email: string;
  name: string;
  role: string | null;
  banned: boolean | null;
}

async function listUsers(page: Page): Promise<ListedUser[]> {
  const response = await page.request.get("/api/auth/admin/list-users?limit=1000");
  expect(response.status()).toBe(200);
  return ((await response.json()) as { users: ListedUser[] }).users;
}

/** better-auth checks the Origin of cookie-authenticated POSTs. */
async function authPost(page: Page, path: string, data: Record<string, unknown>) {
  return page.request.post(`/api/auth/admin/${path}`, {
    data,
    headers: { origin: new URL(page.url()).origin },
  });
}

/** Emails of users this file creates: removed after each test, even one that failed midway. */
const createdEmails = new Set<string>();

test.afterEach(async ({ baseURL }) => {
  if (createdEmails.size === 0) return;
  const api = await apiRequest.newContext({ baseURL, storageState: storageStatePath("admin") });
  try {
    const origin = new URL(baseURL ?? "http://127.0.0.1").origin;
    const response = await api.get("/api/auth/admin/list-users?limit=1000");
    const { users } = (await response.json()) as { users: ListedUser[] };
    for (const user of users.filter((candidate) => createdEmails.has(candidate.email)))
      await api.post("/api/auth/admin/remove-user", { data: { userId: user.id }, headers: { origin } });
  } finally {
    createdEmails.clear();
    await api.dispose();
  }
});

test("staff are sent away from the admin pages and see no admin links", async ({ staffPage: page }) => {
  test.setTimeout(90_000);
  for (const path of ["/admin/connections", "/admin/users", "/admin/audit"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/conversations\?denied=admin/);
  }
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Inbox" })).toBeVisible();
  for (const name of ["Users", "Audit log"]) await expect(nav.getByRole("link", { name })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: /^Connections$/ })).toHaveCount(0);
  const response = await page.request.get("/api/auth/admin/list-users");
  expect(response.status()).toBe(403);
});

test("an admin adds a user, who is signed out at once when deactivated", async ({
  adminPage: page,
  browser,
}) => {
  // Two browsers, three dialogs and a sign-in: give it room on a busy machine.
  test.setTimeout(120_000);
  const stamp = Date.now();
  const user = {
    name: `E2E User ${stamp}`,
    email: `e2e-user-${stamp}@parley.local`,
    password: `pw-${stamp}-long`,
  };
  createdEmails.add(user.email);
  const userContext = await browser.newContext();
  try {
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(page.getByRole("table")).toBeVisible({ timeout: SERVER_MS });
    await expectNoSeriousAxeViolations(page);

    await page.getByRole("button", { name: "Add user" }).click();
    const dialog = page.getByRole("dialog", { name: "Add user" });
    await dialog.getByLabel("Name").fill(user.name);
    await dialog.getByLabel("Email").fill(user.email);
    await dialog.getByLabel("Initial password").fill("too-short");
    await dialog.getByRole("button", { name: "Add user" }).click();
    await expect(dialog.getByText("The password needs at least 10 characters.")).toBeVisible();
    await dialog.getByLabel("Initial password").fill(user.password);
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole("button", { name: "Add user" }).click();
    await expect(dialog).toBeHidden({ timeout: SERVER_MS });
    await expect(page.getByText(`${user.name} (${user.email}) can now sign in`)).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: user.email });
    await expect(row).toContainText("Staff");
    await expect(row).toContainText("Active");

    // The new user signs in in a browser of their own.
    const userPage = await userContext.newPage();
    await userPage.goto("/sign-in");
    await userPage.getByLabel("Email").fill(user.email);
    await userPage.getByLabel("Password").fill(user.password);
    const signedIn = userPage.waitForResponse((response) =>
      response.url().endsWith("/api/auth/sign-in/email"),
    );
    await userPage.getByRole("button", { name: "Sign in" }).click();
    expect((await signedIn).status()).toBe(200);
    // The first visit to the list can be slow on a dev server; the sign-in itself already succeeded.
    await expect(userPage).toHaveURL(/\/conversations/, { timeout: 30_000 });
    await expect(userPage.getByRole("button", { name: new RegExp(`Account: ${user.name}`) })).toBeVisible();

    // Deactivating ends their sessions: their next navigation lands on sign-in.
    await page.getByRole("button", { name: `Actions for ${user.name}` }).click();
    await page.getByRole("menuitem", { name: "Deactivate…" }).click();
    const confirm = page.getByRole("alertdialog", { name: `Deactivate ${user.name}?` });
    await expect(confirm).toContainText("signed out everywhere at once");
    await expectNoSeriousAxeViolations(page);
    await confirm.getByRole("button", { name: "Deactivate" }).click();
    await expect(confirm).toBeHidden({ timeout: SERVER_MS });
    await expect(page.getByText(`${user.name} is deactivated and signed out`)).toBeVisible();
    await expect(row).toContainText("Deactivated");

    // The open page may already be on its way to the sign-in page (its next poll answered 401),
    // which interrupts or aborts this navigation: either way it must end there, as checked next.
    await userPage.goto("/conversations").catch(() => undefined);
    await expect(userPage).toHaveURL(/\/sign-in/);
    await expect(userPage.getByRole("heading", { name: "Sign in to Parley" })).toBeVisible();

    // Clean up through the page: remove the user.
    await page.getByRole("button", { name: `Actions for ${user.name}` }).click();
    await page.getByRole("menuitem", { name: "Remove…" }).click();
    const remove = page.getByRole("alertdialog", { name: `Remove ${user.name}?` });
    await remove.getByRole("button", { name: "Remove user" }).click();
    await expect(remove).toBeHidden({ timeout: SERVER_MS });
    await expect(page.getByRole("row").filter({ hasText: user.email })).toHaveCount(0);
  } finally {
    await userContext.close();
  }
});

test("the last administrator cannot demote themself: the server refuses and the page says why", async ({
  adminPage: page,
}) => {
  test.setTimeout(90_000);
  await page.goto("/admin/users");
  await expect(page.getByRole("table")).toBeVisible({ timeout: SERVER_MS });
  const users = await listUsers(page);
  const activeAdmins = users.filter(
    (user) => (user.role ?? "").split(",").includes("admin") && user.banned !== true,
  );
  // The test runs on a fresh server (npm test), where the demo admin is the only active administrator.
  expect(
    activeAdmins.map((user) => user.email),
    "the demo admin must be the only active administrator",
  ).toHaveLength(1);
  const me = activeAdmins[0];
  if (!me) throw new Error("no administrator");

  await expect(page.getByRole("note")).toContainText("You are the last active administrator");
  await page.getByRole("button", { name: `Actions for ${me.name}` }).click();
  const demote = page.getByRole("menuitem", { name: /Make staff/ });
  await expect(demote).toBeDisabled();
  await expect(demote).toContainText("Last active administrator: make someone else an administrator first.");
  await expect(page.getByRole("menuitem", { name: /Deactivate/ })).toBeDisabled();
  await expectNoSeriousAxeViolations(page);
  await page.keyboard.press("Escape");

  const refused = await authPost(page, "set-role", { userId: me.id, role: "staff" });
  expect(refused.status()).toBe(400);
  const body = (await refused.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("invalid_request");
  expect(body.error.message).toContain("last administrator");
  const deactivate = await authPost(page, "ban-user", { userId: me.id });
  expect(deactivate.status()).toBe(400);

  // Still an administrator.
  await page.reload();
  await expect(page).toHaveURL(/\/admin\/users/);
  await expect(page.getByRole("row").filter({ hasText: me.email })).toContainText("Administrator", {
    timeout: SERVER_MS,
  });
});

test("an admin changes a user's role and resets their password; the audit rows hold no password", async ({
  adminPage: page,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now();
  const user = { name: `E2E Role ${stamp}`, email: `e2e-role-${stamp}@parley.local` };
  const newPassword = `reset-${stamp}-password`;
  createdEmails.add(user.email);
  await page.goto("/admin/users");
  const created = await authPost(page, "create-user", {
    ...user,
    password: `initial-${stamp}-pw`,
    role: "staff",
  });
  expect(created.status()).toBe(200);
  const { user: createdUser } = (await created.json()) as { user: { id: string } };
  await page.reload();
  const row = page.getByRole("row").filter({ hasText: user.email });
  await expect(row).toContainText("Staff", { timeout: SERVER_MS });

  await page.getByRole("button", { name: `Actions for ${user.name}` }).click();
  await page.getByRole("menuitem", { name: "Make administrator…" }).click();
  const promote = page.getByRole("alertdialog", { name: `Make ${user.name} an administrator?` });
  await promote.getByRole("button", { name: "Make administrator" }).click();
  await expect(promote).toBeHidden({ timeout: SERVER_MS });
  await expect(row).toContainText("Administrator");
  // With two administrators, the page no longer calls anyone the last one.
  await expect(page.getByRole("note")).toHaveCount(0);

  await page.getByRole("button", { name: `Actions for ${user.name}` }).click();
  await page.getByRole("menuitem", { name: "Make staff…" }).click();
  const demote = page.getByRole("alertdialog", { name: `Make ${user.name} staff?` });
  await demote.getByRole("button", { name: "Make staff" }).click();
  await expect(demote).toBeHidden({ timeout: SERVER_MS });
  await expect(row).toContainText("Staff");

  await page.getByRole("button", { name: `Actions for ${user.name}` }).click();
  await page.getByRole("menuitem", { name: "Reset password…" }).click();
  const reset = page.getByRole("dialog", { name: `Reset the password of ${user.name}` });
  await reset.getByLabel("New password").fill(newPassword);
  await expect(reset.getByLabel("Also sign them out everywhere")).toBeChecked();
  await expectNoSeriousAxeViolations(page);
  await reset.getByRole("button", { name: "Set password" }).click();
  await expect(reset).toBeHidden({ timeout: SERVER_MS });
  await expect(
    page.getByText(`New password set for ${user.name}; they were signed out everywhere`),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: `Actions for ${user.name}` })).toBeFocused();

  const audit = await page.request.get(`/api/audit?action=user.*&limit=50`);
  const rows = (
    (await audit.json()) as { items: { action: string; targetId: string | null; outcome: string }[] }
  ).items;
  const mine = rows
    .filter((entry) => entry.targetId === createdUser.id)
    .map((entry) => `${entry.action}:${entry.outcome}`);
  expect(mine).toEqual(
    expect.arrayContaining([
      "user.create:success",
      "user.set_role:success",
      "user.reset_password:success",
      "user.revoke_sessions:success",
    ]),
  );
  expect(JSON.stringify(rows)).not.toContain(newPassword);
});
