import { describe, expect, it } from "vitest";
import { zaiaChannels } from "./catalog";
import { generateZaiaSeedData, zaiaHostileChatIds, zaiaLongThreadIds } from "./data";
import { createZaiaProvider } from "./index";
import { messageAt, previewOf, threadMessages } from "./thread";

describe("Zaia seed data", () => {
  it("is deterministic", () => {
    const first = generateZaiaSeedData();
    const second = generateZaiaSeedData();
    expect(second).toEqual(first);
    const long = first.chats.find((chat) => chat.id === zaiaLongThreadIds.thousand);
    if (!long) throw new Error("the 1,000-message chat exists");
    expect(messageAt(long.thread, 500)).toEqual(messageAt({ ...long.thread }, 500));
  });

  it("starts fast: the whole provider in under 300 ms of CPU time", () => {
    // CPU time, best of three: other test processes share this machine's cores.
    const runs = [0, 1, 2].map(() => {
      const started = process.cpuUsage();
      generateZaiaSeedData();
      createZaiaProvider();
      const used = process.cpuUsage(started);
      return (used.user + used.system) / 1_000;
    });
    expect(Math.min(...runs)).toBeLessThan(300);
  });

  it("has the documented mix: ~560 chats, 6 channels of 5 types, ~200 owners, tickets, removals", () => {
    const { chats, owners } = generateZaiaSeedData();
    expect(chats.length).toBe(560);
    expect(owners.length).toBe(200);
    expect(new Set(chats.map((chat) => chat.id)).size).toBe(chats.length);
    expect(new Set(zaiaChannels.map((channel) => channel.type)).size).toBe(5);
    const share = (count: number) => count / chats.length;
    expect(share(chats.filter((chat) => chat.ticketId !== null).length)).toBeGreaterThan(0.15);
    expect(share(chats.filter((chat) => chat.ticketId !== null).length)).toBeLessThan(0.25);
    expect(share(chats.filter((chat) => chat.isRemoved).length)).toBeGreaterThan(0.02);
    expect(share(chats.filter((chat) => chat.isRemoved).length)).toBeLessThan(0.1);
    const oldest = Math.min(...chats.map((chat) => Date.parse(chat.createdAt)));
    expect(Date.parse("2026-11-20T12:00:00.000Z") - oldest).toBeGreaterThan(100 * 86_400_000);
  });

  it("has the long threads at their fixed ids and hostile first messages", () => {
    const { chats } = generateZaiaSeedData();
    const count = (id: string) => chats.find((chat) => chat.id === id)?.thread.count;
    expect(count(zaiaLongThreadIds.hundred)).toBe(100);
    expect(count(zaiaLongThreadIds.thousand)).toBe(1_000);
    expect(count(zaiaLongThreadIds.tenThousand)).toBe(10_000);
    const script = chats.find((chat) => chat.id === zaiaHostileChatIds.script);
    if (!script) throw new Error("the hostile chat exists");
    const firstUser = threadMessages(script.thread).find((message) => message.role === "user");
    expect(firstUser?.content).toBe("<script>alert('xss')</script>");
  });

  it("hands over to a human after a transfer note in some ticketed chats", () => {
    const { chats } = generateZaiaSeedData();
    const handedOver = chats.filter((chat) => chat.thread.humanFromIndex !== null);
    expect(handedOver.length).toBeGreaterThan(10);
    for (const chat of handedOver.slice(0, 10)) {
      const messages = threadMessages(chat.thread);
      const transferAt = chat.thread.humanFromIndex ?? -1;
      expect(messages[transferAt]?.role).toBe("system");
      const after = messages.slice(transferAt + 1);
      expect(after.some((message) => message.role === "human")).toBe(true);
      expect(after.some((message) => message.role === "assistant")).toBe(false);
    }
  });

  it("previews keep 280 characters without splitting an emoji", () => {
    expect(previewOf(null)).toBeNull();
    expect(previewOf("short")).toBe("short");
    const long = "🎉".repeat(300);
    const preview = previewOf(long) ?? "";
    expect(Array.from(preview)).toHaveLength(280);
    expect(preview.endsWith("🎉…")).toBe(true);
  });
});
