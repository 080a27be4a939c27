/**
 * The request budget kept in the database: one budget per key across instances (two pools on one
 * PostgreSQL with TEST_DATABASE_URL; one PGlite otherwise), interactive calls first.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import { BACKGROUND_SHARE, DatabaseRateBudget } from "./budget";
import { openTestDatabase } from "./test-database";

let first: DatabaseHandle;
let second: DatabaseHandle;
beforeAll(async () => {
  first = await openTestDatabase();
  // A second "instance": its own pool on the same PostgreSQL (PGlite has one process, one client).
  if (process.env.TEST_DATABASE_URL) {
    const { openDatabase } = await import("@/lib/db/client");
    second = openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, dataDir: "/tmp" });
    await second.ready;
  } else second = first;
});
afterAll(async () => {
  if (second !== first) await second?.close();
  await first?.close();
});

let keys = 0;
const key = () => `test:${Date.now()}:${keys++}`;

describe("the database request budget", () => {
  it("is one budget per key across instances: concurrent takes beyond the limit wait", async () => {
    const budgetKey = key();
    const instances = [
      new DatabaseRateBudget(first.db, budgetKey, 10, 60_000),
      new DatabaseRateBudget(second.db, budgetKey, 10, 60_000),
    ];
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, index) => instances[index % 2]!.take(0, "interactive")),
    );
    expect(answers.filter((wait) => wait === 0)).toHaveLength(10);
    for (const wait of answers.filter((value) => value > 0)) {
      expect(wait).toBeGreaterThan(55_000);
      expect(wait).toBeLessThanOrEqual(60_000);
    }
  });

  it("serves background calls only from the share interactive ones leave", async () => {
    const budgetKey = key();
    const budget = new DatabaseRateBudget(first.db, budgetKey, 10, 60_000);
    const other = new DatabaseRateBudget(second.db, budgetKey, 10, 60_000);
    const background = await Promise.all(Array.from({ length: 10 }, () => other.take(0, "background")));
    expect(background.filter((wait) => wait === 0)).toHaveLength(Math.floor(10 * BACKGROUND_SHARE));
    const interactive = await Promise.all(Array.from({ length: 5 }, () => budget.take(0, "interactive")));
    expect(interactive.filter((wait) => wait === 0)).toHaveLength(10 - Math.floor(10 * BACKGROUND_SHARE));
  });

  it("waits for a slot within maxWaitMs, and answers the wait beyond it", async () => {
    const budget = new DatabaseRateBudget(first.db, key(), 2, 800);
    expect(await budget.take(0, "interactive")).toBe(0);
    expect(await budget.take(0, "interactive")).toBe(0);
    expect(await budget.take(100, "interactive")).toBeGreaterThan(100);
    const started = Date.now();
    expect(await budget.take(2_000, "interactive")).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });
});
