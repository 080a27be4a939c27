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
import { createRandom, type Random } from "../../core/random";
import type { ChatSkeleton, ConversationSkeleton } from "./data";

export type WireMessage = Record<string, unknown>;

export interface Turn {
  /** The chat's `input` as sent; undefined when the chat was created without one. */
  input: unknown;
  /** The turn's new messages in message form, as later chats carry them in `messages`. */
  inputMessages: WireMessage[];
  output: WireMessage[];
  name: string | undefined;
  assistantOverrides: Record<string, unknown> | undefined;
  /** Whether the chat carries an inline `assistant` config. */
  transientAssistant: boolean;
}

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

const cache = new WeakMap<ConversationSkeleton, Turn[]>();

/** The turns of a generated conversation, one per chat skeleton (cached). */
export function conversationTurns(conversation: ConversationSkeleton): Turn[] {
  let turns = cache.get(conversation);
  if (!turns) {
    turns = generateTurns(conversation);
    cache.set(conversation, turns);
  }
  return turns;
}

function firstUserText(conversation: ConversationSkeleton, random: Random): string {
  return conversation.openingMessage ?? userText(random);
}

function laterUserText(random: Random): string {
  return random.chance(0.5) ? userText(random) : random.pick(followUps);
}

function generateTurns(conversation: ConversationSkeleton): Turn[] {
  const random = createRandom(conversation.contentSeed);
  return conversation.chats.map((chat) => {
    const text = chat.position === 0 ? firstUserText(conversation, random) : laterUserText(random);
    const base =
      conversation.style === "transcript"
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
  });
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

function openAiOutput(random: Random): WireMessage[] {
  const roll = random.next();
  if (roll < 0.15) {
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
