import { describe, expect, it } from "vitest";
import { authHeaders, listPlan, threadPlan, wireRequestCount, type Discovery } from "./direct-plans";

const discovery: Discovery = {
  chatlingChatbotIds: ["9761342719", "4309158726", "6624870135"],
  threadIds: {
    sigmamind: "chat_x",
    cozmox: "6b4c494f-c22c-4bce-84fa-a7a86942c7d3",
    zaia: "82a12a1e-ecce-4a16-973d-47d9df63593d",
    chatling: "4309158726-5000001000",
  },
  chatlingThreadLastPage: 10,
};

describe("direct plans", () => {
  it("sign each request the way the provider's adapter does", () => {
    expect(Object.keys(authHeaders("sigmamind"))).toEqual(["x-api-key"]);
    expect(authHeaders("zaia").authorization).not.toMatch(/^Bearer /);
    expect(authHeaders("cozmox").authorization).toMatch(/^Bearer /);
    expect(authHeaders("chatling").authorization).toMatch(/^Bearer /);
  });

  it("read one list page the way each adapter does", () => {
    expect(listPlan("sigmamind", discovery).stages).toEqual([
      [expect.objectContaining({ path: "/sigmamind/v1/chats?page=0&size=25" })],
    ]);
    expect(listPlan("zaia", discovery).stages[0]?.[0]?.path).toBe(
      "/zaia/api/v1/chats/details?pageNumber=1&pageSize=25",
    );
    const cozmox = listPlan("cozmox", discovery);
    expect(cozmox.stages).toHaveLength(1);
    expect(cozmox.stages[0]?.map((wire) => wire.path)).toEqual([
      "/cozmox/session?sortOrder=DESC&page=1&limit=25",
      "/cozmox/assistant?limit=1000",
    ]);
    const chatling = listPlan("chatling", discovery);
    expect(chatling.stages).toHaveLength(1);
    expect(wireRequestCount(chatling)).toBe(3);
  });

  it("read the first 200 messages the way each adapter does", () => {
    expect(threadPlan("zaia", discovery).stages[0]?.[0]?.path).toBe(
      "/zaia/api/v1/chat-messages?chatId=82a12a1e-ecce-4a16-973d-47d9df63593d&pagination%5Blimit%5D=201&pagination%5Boffset%5D=0",
    );
    expect(threadPlan("sigmamind", discovery).stages[0]?.[0]?.path).toBe("/sigmamind/v1/chats/chat_x");
    const chatling = threadPlan("chatling", discovery);
    expect(
      chatling.stages.map((stage) =>
        stage.map((wire) => new URL(wire.path, "http://x").searchParams.get("page")),
      ),
    ).toEqual([["1"], ["2", "10"]]);
    expect(chatling.stages[0]?.[0]?.path).toMatch(
      /^\/chatling\/v2\/chatbots\/4309158726\/conversations\/5000001000\/messages\?/,
    );
  });

  it("do not ask Chatling for the same page twice when the thread has two pages", () => {
    expect(threadPlan("chatling", { ...discovery, chatlingThreadLastPage: 2 }).stages[1]).toHaveLength(1);
    expect(threadPlan("chatling", { ...discovery, chatlingThreadLastPage: 1 }).stages).toHaveLength(1);
  });
});
