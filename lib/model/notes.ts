/**
 * Internal notes on a conversation: Parley's own markdown, never sent to a provider. A mention is
 * stored as the token `<@userId>` inside the body (CommonMark reads it as plain text: neither a tag
 * nor an autolink), so a renamed user still resolves and the renderer shows a chip. In the composer
 * people read and write `@Name`; `draftToBody` and `bodyToDraft` convert between the two. Pure
 * (zod and `lib/model`), so the API, the OpenAPI document and the browser share it.
 */
import { z } from "zod";

/** Longest note body, in characters. */
export const NOTE_MAX_LENGTH = 10_000;
/** Most distinct users one note may mention. */
export const MAX_MENTIONS_PER_NOTE = 20;

const USER_ID = "[A-Za-z0-9_-]{1,64}";
/** One mention token; global, so use it with `matchAll`/`replace` only. */
export const MENTION_TOKEN = new RegExp(`<@(${USER_ID})>`, "g");

export const mentionToken = (userId: string) => `<@${userId}>`;

/** The distinct user ids a body mentions, in order of first mention. */
export function mentionIdsOf(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_TOKEN)].map((match) => match[1] as string))];
}

const bodySchema = z
  .string()
  .trim()
  .min(1, "a note cannot be empty")
  .max(NOTE_MAX_LENGTH, `a note must be at most ${NOTE_MAX_LENGTH.toLocaleString("en")} characters`)
  .refine(
    (body) => mentionIdsOf(body).length <= MAX_MENTIONS_PER_NOTE,
    `a note may mention at most ${MAX_MENTIONS_PER_NOTE} people`,
  );

export const createNoteSchema = z
  .object({
    body: bodySchema,
    /** The message the note is about ("about this answer"), or none. */
    messageId: z.string().min(1).max(512).nullable().default(null),
  })
  .strict();
export type CreateNoteInput = z.infer<typeof createNoteSchema>;

export const updateNoteSchema = z.object({ body: bodySchema }).strict();
export type UpdateNoteInput = z.infer<typeof updateNoteSchema>;

/** A user as staff may see them: id and display name only (never an email). */
export const directoryUserSchema = z.object({ id: z.string(), name: z.string() });
export type DirectoryUser = z.infer<typeof directoryUserSchema>;
export const userDirectorySchema = z.object({ items: z.array(directoryUserSchema) });

/** A mentioned user as the note is read: the current name; a deactivated one renders as text. */
export const noteMentionSchema = z.object({
  id: z.string(),
  /** null when the user no longer exists. */
  name: z.string().nullable(),
  active: z.boolean(),
});
export type NoteMention = z.infer<typeof noteMentionSchema>;

export const noteSchema = z.object({
  id: z.string(),
  connectionId: z.string(),
  conversationId: z.string(),
  author: z.object({ id: z.string(), name: z.string().nullable() }),
  /** Markdown with `<@userId>` mention tokens. */
  body: z.string(),
  mentions: z.array(noteMentionSchema),
  messageId: z.string().nullable(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  /** What the caller may do with it: edit (the author), delete (the author or an admin). */
  canEdit: z.boolean(),
  canDelete: z.boolean(),
});
export type Note = z.infer<typeof noteSchema>;
export const noteListSchema = z.object({ items: z.array(noteSchema) });
export const deletedNoteSchema = z.object({ id: z.string() });

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The composer's text to a stored body: each `@Name` of a user chosen from the completion becomes
 * that user's token (longest names first, so "@Ada Lovelace" wins over "@Ada"). A name followed by
 * a letter or digit is not a mention ("@Adam" is not "@Ada").
 */
export function draftToBody(text: string, chosen: readonly DirectoryUser[]): string {
  const byLength = [...new Map(chosen.map((user) => [user.id, user])).values()].sort(
    (a, b) => b.name.length - a.name.length,
  );
  let body = text;
  for (const user of byLength) {
    if (!user.name) continue;
    const pattern = new RegExp(`@${escapeRegExp(user.name)}(?![\\p{L}\\p{N}_])`, "gu");
    body = body.replace(pattern, mentionToken(user.id));
  }
  return body;
}

/** A stored body back to the composer's text, with the users it mentions (to convert it back). */
export function bodyToDraft(
  body: string,
  mentions: readonly NoteMention[],
): { text: string; chosen: DirectoryUser[] } {
  const byId = new Map(mentions.map((mention) => [mention.id, mention]));
  const chosen: DirectoryUser[] = [];
  const text = body.replace(MENTION_TOKEN, (token, id: string) => {
    const name = byId.get(id)?.name;
    if (!name) return token;
    chosen.push({ id, name });
    return `@${name}`;
  });
  return { text, chosen };
}

/**
 * The `@query` being typed just before `caret`, if any: `@` at the start or after a space or an
 * opening bracket, then up to 40 characters without a line break. Answers its start and the query.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|[\s([{])@([^\s@][^\n@]{0,39}|)$/u.exec(before);
  if (!match) return null;
  const query = match[2] ?? "";
  // A query with two spaces in a row, or ending a sentence, is no longer a name being typed.
  if (/\s{2}|[.!?,;:]\s/.test(query)) return null;
  return { start: before.length - query.length - 1, query };
}
