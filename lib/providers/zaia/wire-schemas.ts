/**
 * Zod schemas of the Zaia Public API's JSON (seed 003; providers.md §4 and §11).
 *
 * Tolerant where Parley can do without a field: unknown keys pass through (`z.looseObject`), and
 * fields the seed marks nullable accept null or absence (`nullish`, mapped to null). Strict where
 * Parley relies on a field: ids, `createdAt`, `isRemoved`, the responder's id and name, the
 * owner's id. Enums whose values the seed elides (`channelType`, `lastMessageRole`,
 * `responderEntity`, `ticketStatus`) are plain strings, so a new value never fails a page.
 *
 * @see https://docs.zaia.app/documentation/api-reference-alpha/reference/chats
 */
import { z } from "zod";

const identifier = z.string().min(1);

/** A `date-time` string; the offset format is not documented, so anything `Date.parse` reads. */
export const zaiaDateTimeSchema = z
  .string()
  .refine((value) => !Number.isNaN(Date.parse(value)), "expected a date-time");

/** `GET /api/v1/chats`, `GET /api/v1/chats/{id}`, and the answer of `PATCH /api/v1/chats/{id}`. */
export const zaiaLeanChatSchema = z.looseObject({
  id: identifier,
  createdAt: zaiaDateTimeSchema,
  updatedAt: zaiaDateTimeSchema.nullish(),
  isRemoved: z.boolean(),
  channelId: z.string().nullish(),
  currentResponderId: z.string().nullish(),
  lastChatMessageCreatedAt: zaiaDateTimeSchema.nullish(),
  ownerId: identifier,
  responderId: identifier,
  title: z.string().nullish(),
  workspaceId: z.string().nullish(),
});
export type ZaiaLeanChat = z.infer<typeof zaiaLeanChatSchema>;
export const zaiaLeanChatListSchema = z.array(zaiaLeanChatSchema);

/** `GET /api/v1/chats/details` rows and `GET /api/v1/chats/{id}/details`. */
export const zaiaChatDetailsSchema = z.looseObject({
  id: identifier,
  createdAt: zaiaDateTimeSchema,
  isRemoved: z.boolean(),
  title: z.string().nullish(),
  channelId: z.string().nullish(),
  channelName: z.string().nullish(),
  channelType: z.string().nullish(),
  isOwnerBlocked: z.boolean().nullish(),
  lastMessageContent: z.string().nullish(),
  lastMessageCreatedAt: zaiaDateTimeSchema.nullish(),
  lastMessageRole: z.string().nullish(),
  ownerEmail: z.string().nullish(),
  ownerId: identifier,
  ownerIdentifier: z.string().nullish(),
  ownerName: z.string().nullish(),
  penultimateMessageContent: z.string().nullish(),
  penultimateMessageCreatedAt: zaiaDateTimeSchema.nullish(),
  penultimateMessageRole: z.string().nullish(),
  responderEntity: z.string(),
  responderId: identifier,
  responderName: z.string(),
  responderPicture: z.string().nullish(),
  responderVersionId: z.string().nullish(),
  responderVersionNumber: z.number().int().nullish(),
  ticketId: z.string().nullish(),
  ticketStatus: z.string().nullish(),
  workspaceId: z.string().nullish(),
});
export type ZaiaChatDetails = z.infer<typeof zaiaChatDetailsSchema>;
export const zaiaChatDetailsListSchema = z.array(zaiaChatDetailsSchema);

/**
 * `GET /api/v1/chat-messages` rows. The page's response schema was not captured; this is the shape
 * providers.md §11 assumes, parsed loosely (a missing id is synthesised by the mapper).
 */
export const zaiaMessageSchema = z.looseObject({
  id: z.string().nullish(),
  chatId: z.string().nullish(),
  chatThreadId: z.string().nullish(),
  role: z.string(),
  content: z.string().nullish(),
  createdAt: zaiaDateTimeSchema.nullish(),
  senderId: z.string().nullish(),
});
export type ZaiaMessage = z.infer<typeof zaiaMessageSchema>;
export const zaiaMessageListSchema = z.array(zaiaMessageSchema);

/** `GET /api/v1/channels` rows. */
export const zaiaChannelSchema = z.looseObject({
  id: identifier,
  name: z.string().nullish(),
  type: z.string().nullish(),
});
export type ZaiaChannel = z.infer<typeof zaiaChannelSchema>;
export const zaiaChannelListSchema = z.array(zaiaChannelSchema);

/** `GET /api/v1/super-identities/responders` rows: agents and squads by super identity id. */
export const zaiaResponderSchema = z.looseObject({
  entity: z.string(),
  id: identifier,
  name: z.string(),
  picture: z.string().nullish(),
});
export type ZaiaResponder = z.infer<typeof zaiaResponderSchema>;
export const zaiaResponderListSchema = z.array(zaiaResponderSchema);

/**
 * `GET /api/v1/agents` rows. Only the path is documented; `versions` is Parley's guess (see the
 * simulator's NOTES.md), so it may be missing and its numbers may be null.
 */
export const zaiaAgentSchema = z.looseObject({
  id: identifier,
  name: z.string(),
  versions: z
    .array(z.looseObject({ id: identifier, number: z.number().int().nullish() }))
    .nullish()
    .transform((versions) => versions ?? []),
});
export type ZaiaAgent = z.infer<typeof zaiaAgentSchema>;
export const zaiaAgentListSchema = z.array(zaiaAgentSchema);

/** `DELETE /api/v1/chats/{id}`: "An informative message for a call that has no effective result". */
export const zaiaMessageAnswerSchema = z.looseObject({ message: z.string() });
