/**
 * Seed 004's example conversation, verbatim (same ids, field order and values; its messages carry no
 * `id`, exactly as the document shows them). It lives in the first chatbot.
 *
 * @see https://docs.chatling.ai/api-reference/v2/conversations/update-conversation
 */
import type { ChatlingConversation } from "./wire";

export const seedConversationChatbotId = "9761342719";

export const seedConversation: ChatlingConversation = {
  id: "8977617953",
  contact_id: "qtr89df0-112d-d197-b541-3f8674663246",
  archived: 0,
  important: 1,
  created_at: "2024-06-14T15:45:34+00:00",
  messages: [
    {
      text: "System variables are predefined variables that contain system information or can be used to perform specific actions. These variables are automatically created by the Builder.",
      role: "bot",
      is_ai_kb_response: true,
      data: {
        helpful_value: null,
        sources: [
          {
            type: "webpage",
            title: "Types of variables - Chatling Documentation",
            url: "https://docs.chatling.ai/builder/variables/variable-types",
          },
          {
            type: "webpage",
            title: "Sidebar - Chatling Documentation",
            url: "https://docs.chatling.ai/builder/sidebar",
          },
          {
            type: "webpage",
            title: "What are variables? - Chatling Documentation",
            url: "https://docs.chatling.ai/builder/variables/what-are-variables",
          },
        ],
      },
      created_at: "2024-06-17T16:09:52+00:00",
    },
    {
      text: "What are system variables",
      role: "user",
      created_at: "2024-06-17T16:09:45+00:00",
    },
    {
      text: "**Hello! How can I assist you today?**\n\nIf you have any questions related to our chatbot or services, please feel free to ask. I'm here to help!",
      role: "bot",
      is_ai_kb_response: true,
      data: {
        helpful_value: null,
        sources: [],
      },
      created_at: "2024-06-14T15:45:39+00:00",
    },
    {
      text: "Hello!",
      role: "user",
      created_at: "2024-06-14T15:45:34+00:00",
    },
  ],
};
