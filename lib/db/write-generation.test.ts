import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMemoryDatabase, type DatabaseHandle } from "./client";
import { labels } from "./schema";
import { isReadOnlyStatement, writeGeneration } from "./write-generation";

describe("isReadOnlyStatement", () => {
  it.each([
    ["select 1", true],
    ["  SELECT c.id from indexed_conversations c where c.updated_at > $1", true],
    ["with m as (select 1) select * from m", true],
    ["(select 1) union (select 2)", true],
    ["explain select 1", true],
    ["insert into labels (name) values ($1)", false],
    ["update moderation_overlay set title = $1", false],
    ["delete from labels", false],
    ["with gone as (delete from labels returning id) select count(*) from gone", false],
    ["select id from labels for update", false],
    ["begin", false],
    ["analyze indexed_conversations", false],
  ])("%s → %s", (text, readOnly) => {
    expect(isReadOnlyStatement(text)).toBe(readOnly);
  });
});

describe("writeGeneration on the embedded database", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = openMemoryDatabase();
    await handle.ready;
  });
  afterAll(() => handle.close());

  it("does not move for reads", async () => {
    const before = writeGeneration(handle.db);
    expect(before).not.toBeNull();
    await handle.db.select().from(labels);
    await handle.db.execute(sql`select count(*) from labels`);
    expect(writeGeneration(handle.db)).toBe(before);
  });

  it("moves for a write, before it runs and after", async () => {
    const before = writeGeneration(handle.db) ?? 0;
    const writing = handle.pglite?.query(
      "insert into labels (id, name, name_key, colour) values ('l1', 'Refund', 'refund', 'red')",
    );
    const during = writeGeneration(handle.db) ?? 0;
    await writing;
    expect(during).toBeGreaterThan(before);
    expect(writeGeneration(handle.db)).toBeGreaterThan(during);
    await handle.db.update(labels).set({ colour: "blue" });
    expect(writeGeneration(handle.db)).toBeGreaterThan(during + 1);
  });

  it("moves for a transaction, even one whose statements are reads", async () => {
    const before = writeGeneration(handle.db) ?? 0;
    await handle.db.transaction(async (tx) => {
      await tx.select().from(labels);
    });
    expect(writeGeneration(handle.db)).toBeGreaterThan(before);
  });

  it("is null for a database whose writes it does not see", () => {
    expect(writeGeneration({})).toBeNull();
  });
});
