import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../../core/server";
import { resetSimulator, startTestSimulator } from "../../testing";
import { chatlingChatbots, chatlingHostileConversations, chatlingLongThreads } from "./data";
import { seedConversation } from "./seed-conversation";
import {
  callChatling,
  chatbotListSchema,
  chatbotSchema,
  contactListSchema,
  contactSchema,
  conversationListSchema,
  conversationSchema,
  errorBodySchema,
  messageListSchema,
  messageSchema,
  parseAnswer,
  successOf,
  type WireConversation,
  type WireMessage,
} from "./test-support";

let simulator: RunningSimulator;
const call = (path: string, options?: Parameters<typeof callChatling>[2]) =>
  callChatling(simulator.url, path, options);

const firstChatbot = chatlingChatbots[0]?.id ?? "";
const secondChatbot = chatlingChatbots[1]?.id ?? "";
const conversationsPath = (chatbotId: string) => `/v2/chatbots/${chatbotId}/conversations`;

async function listAllConversations(
  chatbotId: string,
  sort: "date_desc" | "date_asc",
): Promise<WireConversation[]> {
  const all: WireConversation[] = [];
  for (let page = 1; ; page++) {
    const { data } = parseAnswer(
      await call(`${conversationsPath(chatbotId)}?page=${page}&sort=${sort}`),
      conversationListSchema,
    );
    expect(data.pages.current_page).toBe(page);
    expect(data.pages.per_page).toBe(20);
    all.push(...data.conversations);
    if (data.pages.current_page >= data.pages.last_page) return all;
  }
}

async function readMessages(chatbotId: string, conversationId: string, page: number, sort = "date_asc") {
  const path = `${conversationsPath(chatbotId)}/${conversationId}/messages?page=${page}&sort=${sort}`;
  return parseAnswer(await call(path), messageListSchema).data;
}

beforeAll(async () => {
  simulator = await startTestSimulator();
});
afterAll(async () => {
  await simulator.close();
});
afterEach(async () => {
  await resetSimulator(simulator.url);
});

describe("GET /v2/chatbots", () => {
  it("lists the project's chatbots in §11's shape on one page of 15", async () => {
    const { data } = parseAnswer(await call("/v2/chatbots"), chatbotListSchema);
    expect(data.pages).toEqual({ current_page: 1, last_page: 1, per_page: 15 });
    expect(data.chatbots.map((chatbot) => chatbot.id)).toEqual(["9761342719", "4309158726", "6624870135"]);
    expect(data.chatbots[0]).toMatchObject({ name: "My chatbot", version: "2.0", visibility: "public" });
  });

  it("reads one chatbot and answers 404 with the error envelope for an unknown one", async () => {
    const { data } = parseAnswer(await call(`/v2/chatbots/${secondChatbot}`), successOf(chatbotSchema));
    expect(data.name).toBe("Soporte Tienda 🛍️");
    const missing = await call("/v2/chatbots/1234567890");
    expect(missing.status).toBe(404);
    expect(parseAnswer(missing, errorBodySchema).message).toBe("Chatbot not found.");
  });
});

describe("GET /v2/chatbots/{chatbotId}/conversations", () => {
  it("pages to the end without duplicates, newest first, each row embedding its 3 newest messages", async () => {
    const all = await listAllConversations(firstChatbot, "date_desc");
    expect(all).toHaveLength(171);
    expect(new Set(all.map((conversation) => conversation.id)).size).toBe(all.length);
    const times = all.map((conversation) => Date.parse(conversation.created_at));
    expect(times).toEqual([...times].sort((left, right) => right - left));
    for (const conversation of all) {
      expect(conversation.messages.length).toBeLessThanOrEqual(3);
      const messageTimes = conversation.messages.map((message) => Date.parse(message.created_at));
      expect(messageTimes).toEqual([...messageTimes].sort((left, right) => right - left));
    }
    expect(all.some((conversation) => conversation.contact_id === null)).toBe(true);
    expect(all.some((conversation) => conversation.messages.length === 0)).toBe(true);
    expect(all.filter((conversation) => conversation.archived === 1).length).toBeGreaterThan(5);
    expect(all.filter((conversation) => conversation.important === 1).length).toBeGreaterThan(5);
  });

  it("sorts oldest first with sort=date_asc", async () => {
    const newest = await listAllConversations(secondChatbot, "date_desc");
    const oldest = await listAllConversations(secondChatbot, "date_asc");
    expect(oldest.map((conversation) => conversation.id)).toEqual(
      newest.map((conversation) => conversation.id).reverse(),
    );
  });

  it("scopes the list to the chatbot in the path", async () => {
    const first = await listAllConversations(firstChatbot, "date_desc");
    const second = await listAllConversations(secondChatbot, "date_desc");
    const firstIds = new Set(first.map((conversation) => conversation.id));
    expect(second.length).toBe(158);
    expect(second.some((conversation) => firstIds.has(conversation.id))).toBe(false);
    expect(firstIds.has(seedConversation.id)).toBe(true);
  });

  it("answers a page past the end with an empty list", async () => {
    const { data } = parseAnswer(
      await call(`${conversationsPath(firstChatbot)}?page=50`),
      conversationListSchema,
    );
    expect(data.conversations).toEqual([]);
    expect(data.pages).toEqual({ current_page: 50, last_page: 9, per_page: 20 });
  });

  it.each([
    ["page=abc", "The page field must be an integer."],
    ["page=1.5", "The page field must be an integer."],
    ["page=0", "The page field must be at least 1."],
    ["page=99999999999999999999", "The page field must be an integer."],
    ["sort=newest", "The selected sort is invalid. Use date_desc or date_asc."],
  ])("answers 400 with a message for %s", async (query, message) => {
    const answer = await call(`${conversationsPath(firstChatbot)}?${query}`);
    expect(answer.status).toBe(400);
    expect(parseAnswer(answer, errorBodySchema)).toEqual({ status: "error", message });
  });
});

describe("GET /v2/chatbots/{chatbotId}/conversations/{conversationId}", () => {
  it("serves seed 004's conversation verbatim", async () => {
    const answer = await call(`${conversationsPath(firstChatbot)}/${seedConversation.id}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ status: "success", data: seedConversation });
    expect(answer.text).toContain(
      '"contact_id":"qtr89df0-112d-d197-b541-3f8674663246","archived":0,"important":1',
    );
  });

  it("embeds the 50 newest messages, newest first", async () => {
    const { chatbotId, conversationId } = chatlingLongThreads.oneThousand;
    const answer = await call(`${conversationsPath(chatbotId)}/${conversationId}`);
    const { data } = parseAnswer(answer, successOf(conversationSchema));
    const lastPage = await readMessages(chatbotId, conversationId, 10);
    expect(data.messages).toHaveLength(50);
    expect(data.messages.map((message) => message.id)).toEqual(
      lastPage.messages
        .slice(-50)
        .map((message) => message.id)
        .reverse(),
    );
  });

  it("opens the hostile conversations with their hostile first user message", async () => {
    for (const hostile of chatlingHostileConversations) {
      const messages = (await readMessages(hostile.chatbotId, hostile.conversationId, 1)).messages;
      expect(messages.find((message) => message.role === "user")?.text).toBe(hostile.firstUserText);
    }
    expect(chatlingHostileConversations[0]?.firstUserText).toBe("<script>alert('xss')</script>");
    expect(chatlingHostileConversations[1]?.firstUserText).toBe('<img src=x onerror="alert(1)">');
  });

  it("answers 404 for an unknown conversation", async () => {
    const answer = await call(`${conversationsPath(firstChatbot)}/1111111111`);
    expect(answer.status).toBe(404);
    expect(parseAnswer(answer, errorBodySchema).message).toBe("Conversation not found.");
  });
});

describe("GET …/conversations/{conversationId}/messages", () => {
  it("pages the 10,000-message thread 100 at a time in time order", async () => {
    const { chatbotId, conversationId } = chatlingLongThreads.tenThousand;
    const first = await readMessages(chatbotId, conversationId, 1);
    expect(first.pages).toEqual({ current_page: 1, last_page: 100, per_page: 100 });
    const second = await readMessages(chatbotId, conversationId, 2);
    const last = await readMessages(chatbotId, conversationId, 100);
    const newest = await readMessages(chatbotId, conversationId, 1, "date_desc");
    const seen = [...first.messages, ...second.messages];
    expect(new Set(seen.map((message) => message.id)).size).toBe(200);
    const times = seen.map((message) => Date.parse(message.created_at));
    times.forEach((time, index) => index > 0 && expect(time).toBeGreaterThan(times[index - 1] ?? 0));
    expect(last.messages).toHaveLength(100);
    expect(newest.messages[0]).toEqual(last.messages.at(-1));
  });

  it("keeps user messages free of data and gives bot answers sources and ratings", async () => {
    const { chatbotId, conversationId } = chatlingLongThreads.oneThousand;
    const messages: WireMessage[] = [];
    for (let page = 1; page <= 10; page++)
      messages.push(...(await readMessages(chatbotId, conversationId, page)).messages);
    expect(messages).toHaveLength(1000);
    for (const message of messages) if (message.role !== "bot") expect("data" in message).toBe(false);
    const bots = messages.flatMap((message) => (message.role === "bot" ? [message] : []));
    expect(bots.some((message) => (message.data?.sources.length ?? 0) > 0)).toBe(true);
    expect(bots.some((message) => message.data?.helpful_value === 1)).toBe(true);
    expect(bots.some((message) => message.data === undefined)).toBe(true);
    expect(messages.some((message) => message.role === "system")).toBe(true);
  });

  it("answers 400 for a bad page and 404 for an unknown conversation", async () => {
    const bad = await call(`${conversationsPath(firstChatbot)}/${seedConversation.id}/messages?page=-2`);
    expect(bad.status).toBe(400);
    expect(parseAnswer(bad, errorBodySchema).message).toBe("The page field must be at least 1.");
    const missing = await call(`${conversationsPath(secondChatbot)}/${seedConversation.id}/messages`);
    expect(missing.status).toBe(404);
  });
});

describe("PATCH …/conversations/{conversationId}", () => {
  const path = `${conversationsPath(firstChatbot)}/${seedConversation.id}`;

  it("takes booleans and answers 0|1, and the change shows on every read until reset", async () => {
    const patched = await call(path, { method: "PATCH", body: { archive: true, important: false } });
    expect(parseAnswer(patched, successOf(conversationSchema)).data).toMatchObject({
      archived: 1,
      important: 0,
    });
    const reread = parseAnswer(await call(path), successOf(conversationSchema)).data;
    expect(reread).toMatchObject({ archived: 1, important: 0 });
    const listed = (await listAllConversations(firstChatbot, "date_desc")).find(
      (row) => row.id === seedConversation.id,
    );
    expect(listed).toMatchObject({ archived: 1, important: 0 });
    await resetSimulator(simulator.url);
    expect(parseAnswer(await call(path), successOf(conversationSchema)).data).toEqual(seedConversation);
  });

  it.each([
    [{ archive: "yes" }, "The archive field must be true or false."],
    [{ important: 1 }, "The important field must be true or false."],
    [{ archive: true, contact_id: 42 }, "The contact id field must be a string."],
    [{ important: false, contact_id: "nobody" }, "The selected contact id is invalid."],
    [[true], "The request body must be a JSON object."],
  ])("rejects %j with 400 and changes nothing", async (body, message) => {
    const answer = await call(path, { method: "PATCH", body });
    expect(answer.status).toBe(400);
    expect(parseAnswer(answer, errorBodySchema).message).toBe(message);
    expect(parseAnswer(await call(path), successOf(conversationSchema)).data).toEqual(seedConversation);
  });

  it("moves a conversation to another of the chatbot's contacts", async () => {
    const contacts = parseAnswer(await call(`/v2/chatbots/${firstChatbot}/contacts`), contactListSchema).data
      .contacts;
    const target = contacts.find((contact) => contact.id !== seedConversation.contact_id);
    const answer = await call(path, { method: "PATCH", body: { contact_id: target?.id } });
    expect(parseAnswer(answer, successOf(conversationSchema)).data.contact_id).toBe(target?.id);
  });

  it("refuses DELETE: Chatling has no delete endpoint", async () => {
    const answer = await call(path, { method: "DELETE" });
    expect(answer.status).toBe(405);
    expect(parseAnswer(answer, errorBodySchema).message).toBe("Method not allowed");
  });
});

describe("PATCH …/messages/{messageId}/rate-ai-answer", () => {
  const { chatbotId, conversationId } = chatlingLongThreads.oneThousand;
  const messagesPath = `${conversationsPath(chatbotId)}/${conversationId}/messages`;

  it("sets and clears helpful_value on an AI answer", async () => {
    const messages = (await readMessages(chatbotId, conversationId, 1)).messages;
    const answer = messages.find((message) => message.role === "bot" && message.data?.helpful_value === null);
    const rate = (rating: unknown) =>
      call(`${messagesPath}/${answer?.id}/rate-ai-answer`, { method: "PATCH", body: { rating } });
    expect(parseAnswer(await rate(-1), successOf(messageSchema)).data).toMatchObject({
      id: answer?.id,
      data: { helpful_value: -1 },
    });
    const reread = (await readMessages(chatbotId, conversationId, 1)).messages.find(
      (message) => message.id === answer?.id,
    );
    expect(reread).toMatchObject({ data: { helpful_value: -1 } });
    expect(parseAnswer(await rate("1"), successOf(messageSchema)).data).toMatchObject({
      data: { helpful_value: 1 },
    });
    expect(parseAnswer(await rate(0), successOf(messageSchema)).data).toMatchObject({
      data: { helpful_value: null },
    });
    expect((await rate(2)).status).toBe(400);
  });

  it("refuses to rate user messages and answers 404 for unknown messages", async () => {
    const messages = (await readMessages(chatbotId, conversationId, 1)).messages;
    const user = messages.find((message) => message.role === "user");
    const refused = await call(`${messagesPath}/${user?.id}/rate-ai-answer`, {
      method: "PATCH",
      body: { rating: 1 },
    });
    expect(refused.status).toBe(400);
    expect(parseAnswer(refused, errorBodySchema).message).toBe("Only AI answers can be rated.");
    const missing = await call(`${messagesPath}/42/rate-ai-answer`, { method: "PATCH", body: { rating: 1 } });
    expect(missing.status).toBe(404);
    expect(parseAnswer(missing, errorBodySchema).message).toBe("Message not found.");
  });
});

describe("contacts", () => {
  it("pages the contacts and reads seed 004's contact", async () => {
    const first = parseAnswer(
      await call(`/v2/chatbots/${firstChatbot}/contacts?page=1`),
      contactListSchema,
    ).data;
    const third = parseAnswer(
      await call(`/v2/chatbots/${firstChatbot}/contacts?page=3`),
      contactListSchema,
    ).data;
    expect(first.pages).toEqual({ current_page: 1, last_page: 3, per_page: 20 });
    expect(first.contacts).toHaveLength(20);
    expect(third.contacts).toHaveLength(11);
    const contact = parseAnswer(
      await call(`/v2/chatbots/${firstChatbot}/contacts/${seedConversation.contact_id}`),
      successOf(contactSchema),
    );
    expect(contact.data).toMatchObject({ id: seedConversation.contact_id, name: "Michael Smith" });
  });

  it("answers 404 for a contact a conversation points at but the project no longer has", async () => {
    const rows = await listAllConversations(firstChatbot, "date_desc");
    const contacts = new Set<string>();
    for (let page = 1; page <= 3; page++)
      for (const contact of parseAnswer(
        await call(`/v2/chatbots/${firstChatbot}/contacts?page=${page}`),
        contactListSchema,
      ).data.contacts)
        contacts.add(contact.id);
    const dangling = rows.find((row) => row.contact_id !== null && !contacts.has(row.contact_id));
    expect(dangling).toBeDefined();
    const answer = await call(`/v2/chatbots/${firstChatbot}/contacts/${dangling?.contact_id}`);
    expect(answer.status).toBe(404);
    expect(parseAnswer(answer, errorBodySchema).message).toBe("Contact not found.");
  });
});

describe("unknown paths", () => {
  it("answers 404 in Chatling's error envelope", async () => {
    const answer = await call("/v2/chatbots/9761342719/widgets");
    expect(answer.status).toBe(404);
    expect(parseAnswer(answer, errorBodySchema)).toEqual({ status: "error", message: "Not found" });
  });
});
