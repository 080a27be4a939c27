import { describe, expect, it, vi } from "vitest";
import { createConnectionMemo } from "./connection-memo";

describe("connection memo", () => {
  it("shares one load between concurrent callers and keeps the value for its time limit", async () => {
    const memo = createConnectionMemo();
    const load = vi.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return ["bot-1"];
    });
    const answers = await Promise.all(Array.from({ length: 10 }, () => memo.get("chatbots", 60_000, load)));
    expect(load).toHaveBeenCalledTimes(1);
    expect(answers.every((answer) => answer[0] === "bot-1")).toBe(true);
    await memo.get("chatbots", 60_000, load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("loads again once the time limit has passed", async () => {
    const memo = createConnectionMemo();
    let calls = 0;
    const load = async () => ++calls;
    expect(await memo.get("n", 10, load)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await memo.get("n", 10, load)).toBe(2);
  });

  it("does not keep a failed load", async () => {
    const memo = createConnectionMemo();
    await expect(
      memo.get("x", 60_000, async () => {
        throw new Error("provider down");
      }),
    ).rejects.toThrow("provider down");
    expect(await memo.get("x", 60_000, async () => "ok")).toBe("ok");
  });

  it("stays within its size bound", async () => {
    const memo = createConnectionMemo(3);
    for (const key of ["a", "b", "c", "d"]) memo.set(key, key, 60_000);
    const load = vi.fn(async () => "reloaded");
    expect(await memo.get("a", 60_000, load)).toBe("reloaded");
    expect(await memo.get("d", 60_000, load)).toBe("d");
  });

  it("forgets one key or everything", async () => {
    const memo = createConnectionMemo();
    memo.set("a", 1, 60_000);
    memo.set("b", 2, 60_000);
    memo.forget("a");
    expect(await memo.get("a", 60_000, async () => 10)).toBe(10);
    memo.forget();
    expect(await memo.get("b", 60_000, async () => 20)).toBe(20);
  });
});
