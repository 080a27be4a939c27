import { expect, test } from "./fixtures";

test("a staff member signs in and sees the app shell", async ({ staffPage: page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/conversations/);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Inbox" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Chatling \(demo\)/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
});

test("a staff session gets 403 from the connections API", async ({ staffPage: page }) => {
  const response = await page.request.get("/api/connections");
  expect(response.status()).toBe(403);
  expect((await response.json()) as unknown).toMatchObject({ error: { code: "forbidden" } });
});

test("an anonymous visitor is sent to sign-in and the API answers 401", async ({ page }) => {
  await page.goto("/conversations");
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText("admin@parley.local / parley-demo-admin")).toBeVisible();
  const response = await page.request.get("/api/conversations");
  expect(response.status()).toBe(401);
});
