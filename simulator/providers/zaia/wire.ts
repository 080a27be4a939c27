/**
 * The JSON objects the simulated Zaia API returns, built from the stored records. Field sets and
 * their order follow seed 003 exactly (lean chat, chat with details); the channel, responder and
 * agent objects follow providers.md §4.2 and, for agents, the simulator's own guess (NOTES.md).
 */
import {
  zaiaAgents,
  zaiaChannels,
  zaiaSquads,
  zaiaWorkspaceId,
  type ZaiaAgent,
  type ZaiaChannel,
  type ZaiaChannelType,
  type ZaiaMessageRole,
  type ZaiaResponderEntity,
  type ZaiaTicketStatus,
} from "./catalog";
import { lastTwoSummaries } from "./chat-messages";
import type { ZaiaChatRecord, ZaiaOwner } from "./data";

/** `GET /api/v1/chats`, `GET /api/v1/chats/{id}`, `POST`/`PATCH` answers (seed 003). */
export interface ZaiaLeanChat {
  createdAt: string;
  id: string;
  isRemoved: boolean;
  updatedAt: string;
  channelId: string | null;
  currentResponderId: string | null;
  lastChatMessageCreatedAt: string | null;
  ownerId: string;
  responderId: string;
  title: string | null;
  workspaceId: string;
}

/** `GET /api/v1/chats/details` and `GET /api/v1/chats/{id}/details` (seed 003). */
export interface ZaiaDetailChat {
  channelId: string | null;
  channelName: string | null;
  channelType: ZaiaChannelType | null;
  createdAt: string;
  id: string;
  isOwnerBlocked: boolean | null;
  isRemoved: boolean;
  lastMessageContent: string | null;
  lastMessageCreatedAt: string | null;
  lastMessageRole: ZaiaMessageRole | null;
  ownerEmail: string | null;
  ownerId: string;
  ownerIdentifier: string | null;
  ownerName: string | null;
  penultimateMessageContent: string | null;
  penultimateMessageCreatedAt: string | null;
  penultimateMessageRole: ZaiaMessageRole | null;
  responderEntity: ZaiaResponderEntity;
  responderId: string;
  responderName: string;
  responderPicture: string | null;
  responderVersionId: string | null;
  responderVersionNumber: number | null;
  ticketId: string | null;
  ticketStatus: ZaiaTicketStatus | null;
  title: string | null;
  workspaceId: string;
}

export interface ZaiaResponder {
  entity: ZaiaResponderEntity;
  id: string;
  name: string;
  picture: string | null;
  workspaceId: string;
}

export function leanChat(chat: ZaiaChatRecord): ZaiaLeanChat {
  return {
    createdAt: chat.createdAt,
    id: chat.id,
    isRemoved: chat.isRemoved,
    updatedAt: chat.updatedAt,
    channelId: chat.channelId,
    currentResponderId: chat.currentResponderId,
    lastChatMessageCreatedAt: chat.lastChatMessageCreatedAt,
    ownerId: chat.ownerId,
    responderId: chat.responderId,
    title: chat.title,
    workspaceId: zaiaWorkspaceId,
  };
}

/** Every responder of the workspace, agents first (`GET /api/v1/super-identities/responders`). */
export const zaiaResponders: readonly ZaiaResponder[] = [
  ...zaiaAgents.map((agent) => ({
    entity: "agent" as const,
    id: agent.superIdentityId,
    name: agent.name,
    picture: agent.picture,
    workspaceId: zaiaWorkspaceId,
  })),
  ...zaiaSquads.map((squad) => ({
    entity: "squad" as const,
    id: squad.superIdentityId,
    name: squad.name,
    picture: squad.picture,
    workspaceId: zaiaWorkspaceId,
  })),
];

export function findVersion(versionId: string): { agent: ZaiaAgent; number: number } | null {
  for (const agent of zaiaAgents) {
    const version = agent.versions.find((candidate) => candidate.id === versionId);
    if (version) return { agent, number: version.number };
  }
  return null;
}

/**
 * The chat with details. `versionOverride` is the `responderVersionId` query of the single-chat
 * endpoint: the answer then describes that version of the chat's responder.
 */
export function detailChat(
  chat: ZaiaChatRecord,
  owner: ZaiaOwner | null,
  versionOverride: string | null = null,
): ZaiaDetailChat {
  const channel: ZaiaChannel | null =
    zaiaChannels.find((candidate) => candidate.id === chat.channelId) ?? null;
  const responder = zaiaResponders.find((candidate) => candidate.id === chat.responderId);
  const versionId = versionOverride ?? chat.responderVersionId;
  const version = versionId === null ? null : findVersion(versionId);
  const { last, penultimate } = lastTwoSummaries(chat);
  return {
    channelId: chat.channelId,
    channelName: channel?.name ?? null,
    channelType: channel?.type ?? null,
    createdAt: chat.createdAt,
    id: chat.id,
    isOwnerBlocked: owner?.isBlocked ?? null,
    isRemoved: chat.isRemoved,
    lastMessageContent: last?.content ?? null,
    lastMessageCreatedAt: last?.createdAt ?? null,
    lastMessageRole: last?.role ?? null,
    ownerEmail: owner?.email ?? null,
    ownerId: chat.ownerId,
    ownerIdentifier: owner?.identifier ?? null,
    ownerName: owner?.name ?? null,
    penultimateMessageContent: penultimate?.content ?? null,
    penultimateMessageCreatedAt: penultimate?.createdAt ?? null,
    penultimateMessageRole: penultimate?.role ?? null,
    responderEntity: responder?.entity ?? "agent",
    responderId: chat.responderId,
    responderName: responder?.name ?? "Unknown responder",
    responderPicture: responder?.picture ?? null,
    responderVersionId: version === null ? null : versionId,
    responderVersionNumber: version?.number ?? null,
    ticketId: chat.ticketId,
    ticketStatus: chat.ticketStatus,
    title: chat.title,
    workspaceId: zaiaWorkspaceId,
  };
}

export function channelObject(channel: ZaiaChannel) {
  return {
    id: channel.id,
    name: channel.name,
    type: channel.type,
    workspaceId: zaiaWorkspaceId,
    createdAt: channel.createdAt,
    updatedAt: channel.updatedAt,
  };
}

/** `GET /api/v1/agents` rows: the simulator's guess at the shape (see NOTES.md). */
export function agentObject(agent: ZaiaAgent) {
  return {
    id: agent.id,
    superIdentityId: agent.superIdentityId,
    name: agent.name,
    picture: agent.picture,
    workspaceId: zaiaWorkspaceId,
    createdAt: agent.createdAt,
    updatedAt: agent.updatedAt,
    versions: agent.versions.map((version) => ({
      id: version.id,
      number: version.number,
      createdAt: version.createdAt,
    })),
  };
}
