import { expect, test as setup } from "@playwright/test";
import { storageStatePath } from "./fixtures";

const accounts = [
  { role: "admin", email: "admin@parley.local", password: "parley-demo-admin" },
  { role: "staff", email: "staff@parley.local", password: "parley-demo-staff" },
] as const;

for (const account of accounts) {
  setup(`sign in as ${account.role}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/conversations/);
    await page.context().storageState({ path: storageStatePath(account.role) });
  });
}

/**
 * The list is served from the index: specs start once the first listing of every connection is
 * in it (`listed`; transcripts may still be read in the background, within each provider's budget).
 */
setup("wait for the first sync of every connection", async ({ page }) => {
  setup.setTimeout(240_000);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(accounts[1].email);
  await page.getByLabel("Password").fill(accounts[1].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/conversations/);
  const request = page.request;
  await expect
    .poll(
      async () => {
        const status = await request.get("/api/sync");
        if (!status.ok()) return `HTTP ${status.status()}`;
        const body = (await status.json()) as { connections: { connectionName: string; listed: boolean }[] };
        const waiting = body.connections.filter((connection) => !connection.listed);
        return body.connections.length > 0 && waiting.length === 0
          ? "listed"
          : `waiting for ${waiting.map((connection) => connection.connectionName).join(", ")}`;
      },
      { timeout: 230_000, intervals: [1_000] },
    )
    .toBe("listed");
});
