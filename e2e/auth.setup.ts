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
