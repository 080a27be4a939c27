/**
 * Lazily generated chat content. A session's turns are a pure function of its `contentSeed`, made
 * on first use and cached, so the 250-chat session costs nothing until someone reads it.
 *
 * Each turn is one Cozmox chat: the new user `input` (a string, a message array, or the mixed
 * form of seed 002's example) and the `output` messages. Most sessions use OpenAI-style messages
 * (`{role, content, tool_calls?, tool_call_id?}`); some use the call-transcript style of seed 002
 * (`{role, message, time, secondsFromStart}`, with `bot` for the assistant).
 */
import { assistantText, firstNames, systemNotes, userText } from "../../core/content";
import { createRandom, type Random } from "../../core/random";
import type { ChatSkeleton, SessionSkeleton } from "./data";

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

const cache = new WeakMap<SessionSkeleton, Turn[]>();

/** The turns of a generated session, one per chat skeleton (cached). */
export function sessionTurns(session: SessionSkeleton): Turn[] {
  let turns = cache.get(session);
  if (!turns) {
    turns = generateTurns(session);
    cache.set(session, turns);
  }
  return turns;
}

function firstUserText(session: SessionSkeleton, random: Random): string {
  return session.openingMessage ?? userText(random);
}

function laterUserText(random: Random): string {
  return random.chance(0.5) ? userText(random) : random.pick(followUps);
}

function generateTurns(session: SessionSkeleton): Turn[] {
  const random = createRandom(session.contentSeed);
  return session.chats.map((chat) => {
    const text = chat.position === 0 ? firstUserText(session, random) : laterUserText(random);
    const base =
      session.style === "transcript"
        ? transcriptTurn(session, chat, text, random)
        : openAiTurn(chat, text, random);
    return {
      ...base,
      name: random.chance(0.05) ? random.pick(chatNames) : undefined,
      assistantOverrides: random.chance(0.1)
        ? {
            variableValues: {
              customerName: session.customer?.name ?? random.pick(firstNames),
            },
          }
        : undefined,
      transientAssistant: session.transientOnly || random.chance(0.15),
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
  session: SessionSkeleton,
  chat: ChatSkeleton,
  text: string,
  random: Random,
): TurnContent {
  const fromStart = (ms: number) => Math.round((ms - session.createdAtMs) / 10) / 100;
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

/** The context a chat's `messages` carries: the last HISTORY_WINDOW earlier messages, then its input. */
export function chatHistory(
  session: SessionSkeleton,
  turns: readonly Turn[],
  position: number,
): WireMessage[] {
  const earlier: WireMessage[] = [];
  let index = position - 1;
  for (; index >= 0 && earlier.length < HISTORY_WINDOW; index--) {
    const turn = turns[index];
    if (turn) earlier.unshift(...turn.inputMessages, ...turn.output);
  }
  const wholeSessionFits = index < 0 && earlier.length <= HISTORY_WINDOW;
  const prompt =
    session.style === "transcript" && wholeSessionFits
      ? [
          {
            role: "system",
            message: session.assistant.systemPrompt,
            time: session.createdAtMs,
            secondsFromStart: 0,
          },
        ]
      : [];
  return [...prompt, ...earlier.slice(-HISTORY_WINDOW), ...(turns[position]?.inputMessages ?? [])];
}
