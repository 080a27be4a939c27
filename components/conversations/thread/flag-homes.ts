/**
 * Where each moderation flag lives, in the words the UI shows: "Stored in Chatling" when the
 * provider holds it (so other tools see the change), "Stored in Parley" when Parley's overlay does.
 */
import { providerLabels } from "@/lib/model/constants";
import type { Conversation, FlagHome } from "@/lib/model/conversation";

export type FlagField = "important" | "archived" | "title" | "trashed";

export function storedInLabel(home: FlagHome, provider: Conversation["provider"]): string {
  return home === "provider" ? `Stored in ${providerLabels[provider]}` : "Stored in Parley";
}

export function flagHomeLabel(
  conversation: Pick<Conversation, "flagHomes" | "provider">,
  field: FlagField,
): string {
  return storedInLabel(conversation.flagHomes[field], conversation.provider);
}
