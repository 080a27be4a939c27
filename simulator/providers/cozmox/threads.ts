/**
 * Lazily generated chat content. A conversation's turns are a pure function of its `contentSeed`,
 * made on first use and cached, so the 250-chat session costs nothing until someone reads it.
 *
 * Each turn is one Cozmox chat: the new user `input` (a string, a message array, or the mixed
 * form of seed 002's example) and the `output` messages. Most sessions use OpenAI-style messages
 * (`{role, content, tool_calls?, tool_call_id?}`); some use the call-transcript style of seed 002
 * (`{role, message, time, secondsFromStart}`, with `bot` for the assistant).
 */
import { assistantText, firstNames, systemNotes, userText } from "../../core/content";
import { LruCache } from "../../core/lru";
import { createRandom, type Random } from "../../core/random";
import type { ChatSkeleton, ConversationSkeleton, Turn, WireMessage } from "./data";

export type { Turn, WireMessage } from "./data";

/** How many earlier messages a chat's `messages` carries as context (a model's context window). */
export const HISTORY_WINDOW = 20;

const followUps = [
  "Yes, it's order #A-10427.",
  "Thanks, and how long does that take?",
  "That didn't work 😕",
  "Can you send me the link again?",
  "OK perfect, thank you!",
  "Merci beaucoup !",
  "谢谢！还有一个问题。",
  "שוב תודה, זה עזר",
  "Could you explain step 2 in more detail?",
  "I tried that already. Still the same error:\n\n```\nError 500: upstream timeout\n```",
] as const;

const developerNotes = [
  "Customer is on the **Team** plan; prefer links to the billing portal.",
  "Reply in the customer's language. Never share internal ticket ids.",
] as const;

const chatNames = ["Follow-up", "Escalation check", "Refund status", "Widget chat", "SMS thread"] as const;

interface ToolScenario {
  name: string;
  args: Record<string, unknown>;
  result: Record<string, unknown>;
}

const toolScenarios: readonly ToolScenario[] = [
  {
    name: "lookup_order",
    args: { orderId: "A-10427" },
    result: { status: "shipped", carrier: "UPS", eta: "2026-11-24" },
  },
  {
    name: "get_refund_status",
    args: { chargeId: "ch_3PmX9a2eZvKYlo2C" },
    result: { refunded: true, amount: 29 },
  },
  {
    name: "check_shipping",
    args: { country: "CA", postalCode: "M5V 2T6" },
    result: { available: true, days: 5 },
  },
];

/** Generated turns of the conversations read last: bounded, so reading a whole scale stays flat. */
const cache = new LruCache<string, Turn[]>(1_000);

/** How many conversations' turns are cached now (`stats().cachedThreads`). */
export function cachedThreadCount(): number {
  return cache.size;
}

/**
 * The turns of a generated conversation, one per chat skeleton: the generated ones (cached by id
 * and seed, a pure function of them) and then those live changes appended.
 */
export function conversationTurns(conversation: ConversationSkeleton): readonly Turn[] {
  const appended = conversation.appendedTurns ?? [];
  const generatedChats = conversation.chats.length - appended.length;
  const key = `${conversation.id}:${conversation.contentSeed}:${generatedChats}`;
  let turns = cache.get(key);
  if (!turns) {
    turns = generateTurns(conversation, generatedChats);
    cache.set(key, turns);
  }
  return appended.length === 0 ? turns : [...turns, ...appended];
}

/** Messages of one chat: fixed by its skeleton at scale, else counted from its generated turn. */
export function chatMessageCount(conversation: ConversationSkeleton, chat: ChatSkeleton): number {
  if (chat.messages !== undefined) return chat.messages;
  if (conversation.source === "seed-002") return 0;
  const turn = conversationTurns(conversation)[chat.position];
  return turn ? turn.inputMessages.length + turn.output.length : 0;
}

function firstUserText(conversation: ConversationSkeleton, random: Random): string {
  return conversation.openingMessage ?? userText(random);
}

function laterUserText(random: Random): string {
  return random.chance(0.5) ? userText(random) : random.pick(followUps);
}

function generateTurns(conversation: ConversationSkeleton, chats: number): Turn[] {
  const random = createRandom(conversation.contentSeed);
  return conversation.chats.slice(0, chats).map((chat) => {
    const text = chat.position === 0 ? firstUserText(conversation, random) : laterUserText(random);
    return turnFor(conversation, chat, text, random);
  });
}

/** One chat's turn: its content, its name and its assistant fields. */
export function turnFor(
  conversation: ConversationSkeleton,
  chat: ChatSkeleton,
  text: string,
  random: Random,
): Turn {
  const base =
    chat.messages !== undefined
      ? sizedTurn(conversation, chat, text, chat.messages, random)
      : conversation.style === "transcript"
        ? transcriptTurn(conversation, chat, text, random)
        : openAiTurn(chat, text, random);
  return {
    ...base,
    name: random.chance(0.05) ? random.pick(chatNames) : undefined,
    assistantOverrides: random.chance(0.1)
      ? {
          variableValues: {
            customerName: conversation.customer?.name ?? random.pick(firstNames),
          },
        }
      : undefined,
    transientAssistant: conversation.transientOnly || random.chance(0.15),
  };
}

/** The user's next message in a conversation's later chats (live changes use it too). */
export { laterUserText };

/**
 * A turn of exactly `messages` messages (scale mode, live changes): the input (with a system or
 * developer preface on some first turns), then the answers: one, two, or a tool round and more.
 */
function sizedTurn(
  conversation: ConversationSkeleton,
  chat: ChatSkeleton,
  text: string,
  messages: number,
  random: Random,
): TurnContent {
  if (conversation.style === "transcript") {
    const turn = transcriptTurn(conversation, chat, text, random);
    const [bot] = turn.output;
    const output = Array.from({ length: messages - 1 }, (_, index) =>
      index === 0 && bot ? bot : { ...bot, message: assistantText(random) },
    );
    return { ...turn, output };
  }
  const plain = openAiTurn(chat, text, random);
  const user = { role: "user", content: text };
  const withPreface = chat.position === 0 && messages >= 3 && random.chance(0.3);
  const preface = random.chance(0.5)
    ? { role: "system", content: random.pick(systemNotes) }
    : { role: "developer", content: random.pick(developerNotes) };
  const inputMessages = withPreface ? [preface, user] : [user];
  return {
    input: withPreface ? inputMessages : plain.inputMessages.length > 1 ? text : plain.input,
    inputMessages,
    output: outputOfSize(messages - inputMessages.length, random),
  };
}

function outputOfSize(size: number, random: Random): WireMessage[] {
  if (size <= 0) return [];
  if (size < 3)
    return Array.from({ length: size }, () => ({ role: "assistant", content: assistantText(random) }));
  const more = Array.from({ length: size - 3 }, () => ({
    role: "assistant",
    content: assistantText(random),
  }));
  return [...toolRound(random), ...more];
}

type TurnContent = Pick<Turn, "input" | "inputMessages" | "output">;

function openAiTurn(chat: ChatSkeleton, text: string, random: Random): TurnContent {
  const user = { role: "user", content: text };
  const roll = random.next();
  let input: unknown;
  let inputMessages: WireMessage[];
  if (chat.position === 0 && roll < 0.12) {
    const preface = random.chance(0.5)
      ? { role: "system", content: random.pick(systemNotes) }
      : { role: "developer", content: random.pick(developerNotes) };
    inputMessages = [preface, user];
    input = inputMessages;
  } else if (roll < 0.68) {
    inputMessages = [user];
    input = text;
  } else if (roll < 0.88) {
    inputMessages = [user];
    input = [user];
  } else if (roll < 0.94 || chat.position === 0) {
    // The mixed form of seed 002's example: the text, then the same text as a message array.
    inputMessages = [user];
    input = [text, [user]];
  } else {
    // No `input`: the new user message is only the tail of `messages`.
    inputMessages = [user];
    input = undefined;
  }
  return { input, inputMessages, output: openAiOutput(random) };
}

/** An assistant tool call, its result and the answer that follows. */
function toolRound(random: Random): WireMessage[] {
  const scenario = random.pick(toolScenarios);
  const callId = `call_${random.alphanumeric(24)}`;
  return [
    {
      role: "assistant",
      tool_calls: [
        {
          id: callId,
          type: "function",
          function: { name: scenario.name, arguments: JSON.stringify(scenario.args) },
        },
      ],
    },
    { role: "tool", content: JSON.stringify(scenario.result), tool_call_id: callId },
    { role: "assistant", content: assistantText(random) },
  ];
}

function openAiOutput(random: Random): WireMessage[] {
  const roll = random.next();
  if (roll < 0.15) return toolRound(random);
  if (roll < 0.2) {
    return [
      { role: "assistant", content: assistantText(random) },
      { role: "assistant", content: assistantText(random) },
    ];
  }
  return [{ role: "assistant", content: assistantText(random) }];
}

function transcriptTurn(
  conversation: ConversationSkeleton,
  chat: ChatSkeleton,
  text: string,
  random: Random,
): TurnContent {
  const fromStart = (ms: number) => Math.round((ms - conversation.createdAtMs) / 10) / 100;
  const userTime = chat.createdAtMs;
  const userDuration = random.int(800, 4_000);
  const botTime = Math.max(userTime + 1, chat.updatedAtMs - random.int(200, 500));
  const botDuration = random.int(1_500, 6_000);
  return {
    input: text,
    inputMessages: [
      {
        role: "user",
        message: text,
        time: userTime,
        endTime: userTime + userDuration,
        secondsFromStart: fromStart(userTime),
        duration: userDuration,
      },
    ],
    output: [
      {
        role: "bot",
        message: assistantText(random),
        time: botTime,
        endTime: botTime + botDuration,
        secondsFromStart: fromStart(botTime),
        duration: botDuration,
      },
    ],
  };
}

/**
 * The context a chat's `messages` carries, then its own input. In a conversation, the last
 * HISTORY_WINDOW earlier messages (a model's context window); in a chain, everything before it,
 * because `previousChatId` hands the previous chat's messages and output on whole (Vapi: "The
 * messages from the previous chat will be used as context"), so the latest chat of a chain holds
 * the whole conversation.
 */
export function chatHistory(
  conversation: ConversationSkeleton,
  turns: readonly Turn[],
  position: number,
): WireMessage[] {
  const window = conversation.grouping === "chain" ? Number.POSITIVE_INFINITY : HISTORY_WINDOW;
  const earlier: WireMessage[] = [];
  let index = position - 1;
  for (; index >= 0 && earlier.length < window; index--) {
    const turn = turns[index];
    if (turn) earlier.unshift(...turn.inputMessages, ...turn.output);
  }
  const wholeConversationFits = index < 0 && earlier.length <= window;
  const prompt =
    conversation.style === "transcript" && wholeConversationFits
      ? [
          {
            role: "system",
            message: conversation.assistant.systemPrompt,
            time: conversation.createdAtMs,
            secondsFromStart: 0,
          },
        ]
      : [];
  const context = window === Number.POSITIVE_INFINITY ? earlier : earlier.slice(-window);
  return [...prompt, ...context, ...(turns[position]?.inputMessages ?? [])];
}
