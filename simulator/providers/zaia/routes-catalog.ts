/**
 * The simulated Zaia endpoints around chats: chat messages (providers.md §11), channels,
 * responders (agents and squads by super identity) and agents with their versions (a guess, see
 * NOTES.md). Every list is a bare JSON array.
 */
import { json, type Route } from "../../core/http";
import { zaiaAgents, zaiaChannels, zaiaSquads } from "./catalog";
import { chatMessages } from "./chat-messages";
import {
  boundedInt,
  notFound,
  optionalUuid,
  pageParams,
  paginate,
  searchText,
  uuidList,
  withValidation,
  ZaiaRequestError,
} from "./query";
import type { ZaiaStore } from "./store";
import { agentObject, channelObject, zaiaResponders } from "./wire";

const MAX_MESSAGES_PER_PAGE = 1_000;
const DEFAULT_MESSAGES_PER_PAGE = 250;

export function catalogRoutes(store: ZaiaStore): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/v1/chat-messages",
      handler: withValidation((request) => {
        const chatId = optionalUuid(request.query, "chatId");
        if (chatId === null) throw new ZaiaRequestError(`Missing query parameter "chatId".`);
        const threadId = optionalUuid(request.query, "chatThreadId");
        const limit = boundedInt(
          request.query,
          "pagination[limit]",
          DEFAULT_MESSAGES_PER_PAGE,
          1,
          MAX_MESSAGES_PER_PAGE,
        );
        const offset = boundedInt(request.query, "pagination[offset]", 0, 0, Number.MAX_SAFE_INTEGER);
        const chat = store.find(chatId);
        if (!chat) return notFound();
        const messages = chatMessages(chat);
        const selected =
          threadId === null ? messages : messages.filter((message) => message.chatThreadId === threadId);
        return json(200, selected.slice(offset, offset + limit));
      }),
    },
    {
      method: "GET",
      pattern: "/api/v1/channels",
      handler: withValidation((request) => {
        const page = pageParams(request.query);
        const responderIds = uuidList(request.query, "responderIds");
        const search = searchText(request.query);
        const rows = [...zaiaChannels]
          .filter(
            (channel) =>
              responderIds.length === 0 ||
              channel.responderIds.some((responder) => responderIds.includes(responder)),
          )
          .filter((channel) => search === null || channel.name.toLowerCase().includes(search))
          .sort((left, right) => left.createdAt.localeCompare(right.createdAt));
        return json(200, paginate(rows, page).map(channelObject));
      }),
    },
    {
      method: "GET",
      pattern: "/api/v1/super-identities/responders",
      handler: withValidation((request) => {
        const page = pageParams(request.query);
        const search = searchText(request.query);
        const rows = zaiaResponders.filter(
          (responder) => search === null || responder.name.toLowerCase().includes(search),
        );
        return json(200, paginate(rows, page));
      }),
    },
    {
      method: "GET",
      pattern: "/api/v1/agents",
      handler: withValidation((request) => {
        const page = pageParams(request.query);
        const search = searchText(request.query);
        const squadId = optionalUuid(request.query, "squadId");
        const versionId = optionalUuid(request.query, "versionId");
        const squad = squadId === null ? null : zaiaSquads.find((candidate) => candidate.id === squadId);
        const rows = zaiaAgents
          .filter((agent) => search === null || agent.name.toLowerCase().includes(search))
          .filter(
            (agent) =>
              squadId === null || (squad?.memberSuperIdentityIds.includes(agent.superIdentityId) ?? false),
          )
          .filter(
            (agent) => versionId === null || agent.versions.some((version) => version.id === versionId),
          );
        return json(200, paginate(rows, page).map(agentObject));
      }),
    },
  ];
}
