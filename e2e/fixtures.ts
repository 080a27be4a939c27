/**
 * Shared end-to-end helpers: signed-in pages per role (storage states written by auth.setup.ts),
 * and direct access to the simulator's admin endpoints for fault injection.
 */
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";

export function storageStatePath(role: "admin" | "staff"): string {
  return path.join(process.cwd(), ".reports", `storage-${role}.json`);
}

export const simulatorUrl =
  process.env.E2E_SIMULATOR_URL ?? `http://127.0.0.1:${process.env.E2E_SIMULATOR_PORT ?? 4110}`;

export async function setSimulatorFaults(provider: string, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${simulatorUrl}/__admin/faults/${provider}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  expect(response.ok).toBe(true);
}

export async function clearSimulatorFaults(): Promise<void> {
  const response = await fetch(`${simulatorUrl}/__admin/faults`, { method: "DELETE" });
  expect(response.ok).toBe(true);
}

/** Fails the test if the page opens a dialog (alert/confirm/prompt): hostile content must never run. */
export function forbidDialogs(page: Page): { dialogs: string[] } {
  const record = { dialogs: [] as string[] };
  page.on("dialog", (dialog) => {
    record.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return record;
}

type Fixtures = { staffPage: Page; adminPage: Page };

export const test = base.extend<Fixtures>({
  staffPage: async ({ browser }, provide) => {
    const context = await browser.newContext({ storageState: storageStatePath("staff") });
    const page = await context.newPage();
    await provide(page);
    await context.close();
  },
  adminPage: async ({ browser }, provide) => {
    const context = await browser.newContext({ storageState: storageStatePath("admin") });
    const page = await context.newPage();
    await provide(page);
    await context.close();
  },
});

export { expect };
