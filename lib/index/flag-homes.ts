/**
 * Where each moderation flag of a connection lives: at the provider where its API holds the flag
 * (Chatling important/archived, Zaia title), else in Parley's overlay. Trash is always Parley's.
 */
import type { FlagHomes } from "@/lib/model/conversation";
import type { Capabilities } from "@/lib/providers/contract";

export function flagHomesOf(capabilities: Pick<Capabilities, "moderation">): FlagHomes {
  const native = capabilities.moderation;
  return {
    important: native.important ? "provider" : "parley",
    archived: native.archived ? "provider" : "parley",
    title: native.title ? "provider" : "parley",
    trashed: "parley",
  };
}
