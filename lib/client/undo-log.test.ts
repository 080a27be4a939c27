import { beforeEach, describe, expect, it } from "vitest";
import { clearUndoLog, recordUndo, takeLastUndo, undoEntry } from "./undo-log";

describe("the one undo log", () => {
  beforeEach(clearUndoLog);

  it("interleaves single and bulk changes from the list and the thread, and a toast's Undo takes its own entry", async () => {
    const undone: string[] = [];
    const entry = (label: string) => ({ label, run: async () => void undone.push(label) });
    recordUndo(entry("list: archived one"));
    const bulk = recordUndo(entry("list: archived 12"));
    recordUndo(entry("thread: renamed"));
    recordUndo(entry("thread: marked important"));

    await undoEntry(bulk); // the bulk toast's Undo button
    expect(undone).toEqual(["list: archived 12"]);

    for (let press = 0; press < 3; press++) await takeLastUndo()?.run(); // `z` three times
    expect(undone).toEqual([
      "list: archived 12",
      "thread: marked important",
      "thread: renamed",
      "list: archived one",
    ]);
    expect(takeLastUndo()).toBeUndefined();
  });

  it("a toast's Undo after `z` already undid the change does not run it twice", async () => {
    let runs = 0;
    const only = recordUndo({ label: "trashed", run: async () => void runs++ });
    await takeLastUndo()?.run();
    // The toast's button stays on screen; pressing it must not undo again.
    expect(await undoEntry(only)).toBe(false);
    expect(runs).toBe(1);
    expect(only.label).toBe("trashed");
  });

  it("keeps the most recent fifty", async () => {
    for (let index = 0; index < 60; index++) recordUndo({ label: String(index), run: async () => undefined });
    const labels: string[] = [];
    for (let entry = takeLastUndo(); entry; entry = takeLastUndo()) labels.push(entry.label);
    expect(labels).toHaveLength(50);
    expect(labels.at(-1)).toBe("10");
  });
});
