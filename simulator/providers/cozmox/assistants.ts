/**
 * The simulated Cozmox org's assistants (Vapi `Assistant` objects, as `GET /assistant` returns
 * them) and the large transient assistant config some chats carry, shaped like the one in seed 002.
 */

export interface ModelPricing {
  provider: string;
  model: string;
  /** USD per prompt token and per completion token. */
  promptUsd: number;
  completionUsd: number;
}

export interface AssistantDefinition {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  systemPrompt: string;
  firstMessage: string;
  pricing: ModelPricing;
  /** Relative share of sessions this assistant answers. */
  weight: number;
}

/** Fixed ids so links and tests stay stable across runs. */
export const assistantDefinitions: readonly AssistantDefinition[] = [
  {
    id: "3f1c9a52-7d4e-4b8a-9c61-2e5f0d8b7a14",
    name: "Aria — Customer Support",
    createdAt: "2026-03-02T09:14:22.511Z",
    updatedAt: "2026-10-28T16:40:03.120Z",
    systemPrompt:
      "You are Aria, a friendly support assistant for an online shop. Answer in the customer's language.",
    firstMessage: "Hi, I'm Aria 👋 How can I help you today?",
    pricing: { provider: "openai", model: "gpt-4o", promptUsd: 0.0000025, completionUsd: 0.00001 },
    weight: 5,
  },
  {
    id: "8b27e6d0-41f3-4c9e-a5d2-6f90c3b1e847",
    name: "Billing Helper",
    createdAt: "2026-04-18T13:02:47.004Z",
    updatedAt: "2026-09-30T08:11:55.730Z",
    systemPrompt:
      "You help customers with invoices, refunds and subscriptions. Never promise refunds over $500.",
    firstMessage: "Hello! I can help with invoices, refunds and plans.",
    pricing: {
      provider: "anthropic",
      model: "claude-3-5-sonnet-20241022",
      promptUsd: 0.000003,
      completionUsd: 0.000015,
    },
    weight: 3,
  },
  {
    id: "c5e0a7f4-93b2-4d16-8e7a-0b4f2d9c6e31",
    name: "Sales Concierge",
    createdAt: "2026-05-07T10:45:10.392Z",
    updatedAt: "2026-11-12T19:27:38.018Z",
    systemPrompt: "You answer pre-sales questions about plans, shipping and availability.",
    firstMessage: "Welcome! Looking for the right plan?",
    pricing: {
      provider: "google",
      model: "gemini-1.5-flash",
      promptUsd: 0.000000075,
      completionUsd: 0.0000003,
    },
    weight: 2,
  },
  {
    id: "e94d3b18-2c7a-4f05-b6e9-71a8d0c5f263",
    name: "Nova (beta) 🌙",
    createdAt: "2026-08-21T22:03:59.876Z",
    updatedAt: "2026-11-19T07:58:12.441Z",
    systemPrompt: "Experimental assistant. Keep answers short and use markdown where it helps.",
    firstMessage: "Nova here. What's up?",
    pricing: {
      provider: "groq",
      model: "llama-3.1-70b-versatile",
      promptUsd: 0.00000059,
      completionUsd: 0.00000079,
    },
    weight: 1,
  },
];

/** The `Assistant` object of `GET /assistant` and `GET /assistant/{id}`. */
export function assistantWire(assistant: AssistantDefinition, orgId: string): Record<string, unknown> {
  return {
    id: assistant.id,
    orgId,
    name: assistant.name,
    createdAt: assistant.createdAt,
    updatedAt: assistant.updatedAt,
    model: {
      provider: assistant.pricing.provider,
      model: assistant.pricing.model,
      temperature: 0.4,
      maxTokens: 800,
      messages: [{ role: "system", content: assistant.systemPrompt }],
    },
    voice: { provider: "azure", voiceId: "andrew" },
    firstMessage: assistant.firstMessage,
    firstMessageMode: "assistant-speaks-first",
  };
}

/**
 * A secret that sits inside every transient assistant config, as real configs carry provider
 * credentials. Parley must never show it; adapter tests search their output for it.
 */
export const transientAssistantSecret = "sk-cozmox-sim-transient-3c8e1f0a9b7d";

/**
 * A transient `assistant` config as chats created with an inline assistant carry it: thousands of
 * characters of transcriber, model, voice, hooks and plans (trimmed from seed 002's example).
 */
export function transientAssistantConfig(
  name: string,
  pricing: ModelPricing,
  prompt: string,
): Record<string, unknown> {
  const punctuationBoundaries = ["。", ",", ".", "!", "?", ";", "،", "۔", "।", "॥", "|", "||", ",", ":"];
  return {
    transcriber: {
      provider: "assembly-ai",
      language: "en",
      confidenceThreshold: 0.4,
      formatTurns: false,
      endOfTurnConfidenceThreshold: 0.7,
      wordBoost: ["Parley", "refund", "invoice"],
    },
    model: {
      model: pricing.model,
      provider: pricing.provider,
      messages: [{ content: prompt, role: "system" }],
      tools: [
        {
          type: "function",
          function: {
            name: "lookup_order",
            strict: false,
            description: "Looks up an order by its number.",
            parameters: {
              type: "object",
              properties: { orderId: { type: "string" } },
              required: ["orderId"],
            },
          },
          server: { timeoutSeconds: 20, url: "https://hooks.example.com/cozmox/tools", headers: {} },
        },
      ],
      temperature: 0.7,
      maxTokens: 5025,
    },
    voice: {
      provider: "azure",
      voiceId: "andrew",
      cachingEnabled: true,
      chunkPlan: { enabled: true, minCharacters: 30, punctuationBoundaries },
      speed: 1.25,
    },
    firstMessage: "Hello! How can I help you today?",
    firstMessageMode: "assistant-speaks-first",
    clientMessages: [
      "conversation-update",
      "function-call",
      "hang",
      "model-output",
      "transcript",
      "tool-calls",
    ],
    serverMessages: ["conversation-update", "end-of-call-report", "function-call", "tool-calls"],
    silenceTimeoutSeconds: 30,
    maxDurationSeconds: 600,
    backgroundSound: "office",
    credentials: [{ provider: pricing.provider, apiKey: transientAssistantSecret, name: "inline key" }],
    hooks: [
      {
        on: "call.ending",
        do: [
          {
            type: "transfer",
            destination: { type: "number", number: "+14155550100", message: "Transferring" },
          },
        ],
        filters: [{ type: "oneOf", key: "call.endedReason", oneOf: ["pipeline-error"] }],
      },
    ],
    name,
    endCallPhrases: ["goodbye", "talk to you soon"],
    compliancePlan: { hipaaEnabled: { hipaaEnabled: false }, pciEnabled: { pciEnabled: false } },
    metadata: {},
    analysisPlan: {
      minMessagesThreshold: 1,
      summaryPlan: { messages: [{}], enabled: true, timeoutSeconds: 30.5 },
      successEvaluationPlan: { rubric: "NumericScale", messages: [{}], enabled: true, timeoutSeconds: 30.5 },
    },
    startSpeakingPlan: {
      waitSeconds: 0.4,
      smartEndpointingEnabled: false,
      smartEndpointingPlan: { provider: "cozmox" },
      transcriptionEndpointingPlan: {
        onPunctuationSeconds: 0.1,
        onNoPunctuationSeconds: 1.5,
        onNumberSeconds: 0.5,
      },
    },
    stopSpeakingPlan: {
      numWords: 0,
      voiceSeconds: 0.2,
      backoffSeconds: 1,
      acknowledgementPhrases: ["i understand", "i see", "i got it", "okay", "got it", "mm-hmm"],
      interruptionPhrases: ["stop", "wait", "hold", "nevermind"],
    },
    server: {
      timeoutSeconds: 20,
      url: "https://hooks.example.com/cozmox",
      headers: { "x-webhook-secret": transientAssistantSecret },
      backoffPlan: { type: "fixed", maxRetries: 0, baseDelaySeconds: 1 },
    },
  };
}
