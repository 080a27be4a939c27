/**
 * The simulated Zaia chat endpoints (seed 003): lean and detailed lists, one chat, create, update,
 * soft remove. Lists are bare JSON arrays sorted by last message time, newest first, paged by
 * `pageNumber` (from 1) and `pageSize` (1–100, default 10), with no total.
 */
import { z } from "zod";
import { json, type Route, type SimRequest } from "../../core/http";
import { zaiaChannels, zaiaChannelTypes, type ZaiaChannelType } from "./catalog";
import { lastSummary } from "./chat-messages";
import type { ZaiaChatRecord } from "./data";
import {
  badRequest,
  dateTime,
  enumList,
  isUuid,
  notFound,
  optionalUuid,
  pageParams,
  paginate,
  requireUuidPath,
  searchText,
  uuidList,
  withValidation,
} from "./query";
import type { ZaiaStore } from "./store";
import { detailChat, findVersion, leanChat } from "./wire";

interface ChatFilters {
  channelIds: readonly string[];
  /** Only applied when the parameter is given (a chat without a channel has no type). */
  channelTypes: readonly ZaiaChannelType[];
  ownerIds: readonly string[];
  responderIds: readonly string[];
  responderVersionIds: readonly string[];
  /** Inclusive bounds on `lastChatMessageCreatedAt`; chats without messages fall outside any bound. */
  start: number | null;
  end: number | null;
  search: string | null;
}

/** The filters of `GET /api/v1/chats`. */
function leanFilters(query: URLSearchParams): ChatFilters {
  return {
    channelIds: uuidList(query, "channelIds"),
    channelTypes: enumList(query, "channelTypes", zaiaChannelTypes),
    ownerIds: uuidList(query, "ownerIds"),
    responderIds: uuidList(query, "responderIds"),
    responderVersionIds: uuidList(query, "responderVersionIds"),
    start: dateTime(query, "lastChatMessageCreatedAtStart"),
    end: dateTime(query, "lastChatMessageCreatedAtEnd"),
    search: searchText(query),
  };
}

/** The filters the seed documents for `GET /api/v1/chats/details`; other parameters are ignored. */
function detailFilters(query: URLSearchParams): ChatFilters {
  return {
    channelIds: uuidList(query, "channelIds"),
    channelTypes: [],
    ownerIds: [],
    responderIds: uuidList(query, "responderIds"),
    responderVersionIds: uuidList(query, "responderVersionIds"),
    start: null,
    end: null,
    search: searchText(query),
  };
}

function matches(store: ZaiaStore, chat: ZaiaChatRecord, filters: ChatFilters): boolean {
  if (
    filters.channelIds.length > 0 &&
    (chat.channelId === null || !filters.channelIds.includes(chat.channelId))
  )
    return false;
  if (filters.channelTypes.length > 0) {
    const type = zaiaChannels.find((channel) => channel.id === chat.channelId)?.type;
    if (type === undefined || !filters.channelTypes.includes(type)) return false;
  }
  if (filters.ownerIds.length > 0 && !filters.ownerIds.includes(chat.ownerId)) return false;
  if (filters.responderIds.length > 0 && !filters.responderIds.includes(chat.responderId)) return false;
  if (
    filters.responderVersionIds.length > 0 &&
    (chat.responderVersionId === null || !filters.responderVersionIds.includes(chat.responderVersionId))
  )
    return false;
  if (filters.start !== null || filters.end !== null) {
    if (chat.lastChatMessageCreatedAt === null) return false;
    const time = Date.parse(chat.lastChatMessageCreatedAt);
    if (filters.start !== null && time < filters.start) return false;
    if (filters.end !== null && time > filters.end) return false;
  }
  if (filters.search !== null) {
    const owner = store.owner(chat.ownerId);
    const haystack = [chat.title, owner?.name, owner?.identifier, owner?.email, lastSummary(chat)?.content];
    const needle = filters.search;
    if (!haystack.some((text) => typeof text === "string" && text.toLowerCase().includes(needle)))
      return false;
  }
  return true;
}

function hasFilters(filters: ChatFilters): boolean {
  const { channelIds, channelTypes, ownerIds, responderIds, responderVersionIds } = filters;
  const lists = [channelIds, channelTypes, ownerIds, responderIds, responderVersionIds];
  return (
    lists.some((list) => list.length > 0) ||
    filters.start !== null ||
    filters.end !== null ||
    filters.search !== null
  );
}

/** The matching chats, newest first (see `ZaiaStore.sorted`). */
function listChats(store: ZaiaStore, filters: ChatFilters): readonly ZaiaChatRecord[] {
  const sorted = store.sorted();
  return hasFilters(filters) ? sorted.filter((chat) => matches(store, chat, filters)) : sorted;
}

function bodyProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "Invalid body.";
  const path = issue.path.length > 0 ? issue.path.map(String).join(".") : "body";
  return `Invalid body: ${path}: ${issue.message}`;
}

const uuidSchema = z.string().refine(isUuid, "expected a UUID");
const titleSchema = z.string().max(255).nullable();

const createBodySchema = z.strictObject({
  channelId: uuidSchema.nullable(),
  ownerId: uuidSchema,
  title: titleSchema,
});
const updateBodySchema = z.strictObject({
  title: titleSchema.optional(),
  lastChatMessageCreatedAt: z.iso.datetime({ offset: true }).nullable().optional(),
});

function chatFrom(store: ZaiaStore, request: SimRequest): ZaiaChatRecord | null {
  return store.find(requireUuidPath(request.params.id));
}

export function chatRoutes(store: ZaiaStore): Route[] {
  return [
    {
      method: "GET",
      pattern: "/api/v1/chats/details",
      handler: withValidation((request) => {
        const page = pageParams(request.query);
        const rows = paginate(listChats(store, detailFilters(request.query)), page);
        return json(
          200,
          rows.map((chat) => detailChat(chat, store.owner(chat.ownerId))),
        );
      }),
    },
    {
      method: "GET",
      pattern: "/api/v1/chats",
      handler: withValidation((request) => {
        const page = pageParams(request.query);
        return json(200, paginate(listChats(store, leanFilters(request.query)), page).map(leanChat));
      }),
    },
    {
      method: "POST",
      pattern: "/api/v1/chats",
      handler: withValidation((request) => {
        const parsed = createBodySchema.safeParse(request.body);
        if (!parsed.success) return badRequest(bodyProblem(parsed.error));
        const { channelId, ownerId, title } = parsed.data;
        if (channelId !== null && !zaiaChannels.some((channel) => channel.id === channelId))
          return notFound("Channel");
        if (!store.owner(ownerId)) return notFound("Owner");
        return json(200, leanChat(store.create({ channelId, ownerId, title })));
      }),
    },
    {
      method: "GET",
      pattern: "/api/v1/chats/:id/details",
      handler: withValidation((request) => {
        const chat = chatFrom(store, request);
        if (!chat) return notFound();
        const versionId = optionalUuid(request.query, "responderVersionId");
        if (versionId !== null) {
          const version = findVersion(versionId);
          if (!version || version.agent.superIdentityId !== chat.responderId)
            return notFound("Responder version");
        }
        return json(200, detailChat(chat, store.owner(chat.ownerId), versionId));
      }),
    },
    {
      method: "GET",
      pattern: "/api/v1/chats/:id",
      handler: withValidation((request) => {
        const chat = chatFrom(store, request);
        return chat ? json(200, leanChat(chat)) : notFound();
      }),
    },
    {
      method: "PATCH",
      pattern: "/api/v1/chats/:id",
      handler: withValidation((request) => {
        const chat = chatFrom(store, request);
        if (!chat) return notFound();
        const parsed = updateBodySchema.safeParse(request.body ?? null);
        if (!parsed.success) return badRequest(bodyProblem(parsed.error));
        const { title, lastChatMessageCreatedAt } = parsed.data;
        store.update(chat, {
          title,
          lastChatMessageCreatedAt:
            lastChatMessageCreatedAt === undefined || lastChatMessageCreatedAt === null
              ? lastChatMessageCreatedAt
              : new Date(lastChatMessageCreatedAt).toISOString(),
        });
        return json(200, leanChat(chat));
      }),
    },
    {
      method: "DELETE",
      pattern: "/api/v1/chats/:id",
      handler: withValidation((request) => {
        const chat = chatFrom(store, request);
        if (!chat) return notFound();
        store.remove(chat);
        return json(200, { message: "Chat removed." });
      }),
    },
  ];
}
