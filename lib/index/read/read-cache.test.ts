import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database, DatabaseHandle } from "@/lib/db/client";
import { openMemoryDatabase } from "@/lib/db/client";
import { labels } from "@/lib/db/schema";
import { cachedJson } from "./read-cache";

/** A read that counts its runs and answers the labels' names (what a write changes). */
function countingRead(db: Database) {
  const counted = { runs: 0 };
  const read = async () => {
    counted.runs++;
    const rows = await db.select({ name: labels.name }).from(labels);
    return rows.map((row) => row.name).sort();
  };
  return { counted, read };
}

describe("cachedJson on the embedded database", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = openMemoryDatabase();
    await handle.ready;
  });
  afterAll(() => handle.close());

  const addLabel = (id: string) =>
    handle.db.insert(labels).values({ id, name: id, nameKey: id, colour: "red" });

  it("answers a repeated read from memory until a write, then reads again", async () => {
    const { counted, read } = countingRead(handle.db);
    await addLabel("alpha");
    expect(await cachedJson(handle.db, "names", read)).toBe('["alpha"]');
    expect(await cachedJson(handle.db, "names", read)).toBe('["alpha"]');
    expect(counted.runs).toBe(1);
    await addLabel("beta");
    expect(await cachedJson(handle.db, "names", read)).toBe('["alpha","beta"]');
    expect(counted.runs).toBe(2);
  });

  it("keeps answers apart by key", async () => {
    const { counted, read } = countingRead(handle.db);
    await cachedJson(handle.db, "one", read);
    await cachedJson(handle.db, "two", read);
    expect(counted.runs).toBe(2);
  });

  it("does not keep an answer read while a write began or ended", async () => {
    const { counted, read } = countingRead(handle.db);
    const readDuringWrite = async () => {
      const names = await read();
      await addLabel(`during-${counted.runs}`);
      return names;
    };
    await cachedJson(handle.db, "during", readDuringWrite);
    await cachedJson(handle.db, "during", read);
    expect(counted.runs).toBe(2);
  });

  it("shares one read among identical requests that arrive while it runs", async () => {
    const { counted, read } = countingRead(handle.db);
    await addLabel("gamma");
    const answers = await Promise.all([1, 2, 3, 4].map(() => cachedJson(handle.db, "shared", read)));
    expect(new Set(answers).size).toBe(1);
    expect(counted.runs).toBe(1);
  });

  it("keeps nothing when the read fails", async () => {
    let runs = 0;
    const failing = async () => {
      runs++;
      throw new Error("the read failed");
    };
    await expect(cachedJson(handle.db, "failing", failing)).rejects.toThrow("the read failed");
    await expect(cachedJson(handle.db, "failing", failing)).rejects.toThrow("the read failed");
    expect(runs).toBe(2);
  });

  it("reads every time on a database whose writes it does not see (PostgreSQL)", async () => {
    const shared = {} as Database;
    let runs = 0;
    const read = async () => ++runs;
    expect(await cachedJson(shared, "k", read)).toBe("1");
    expect(await cachedJson(shared, "k", read)).toBe("2");
  });
});
