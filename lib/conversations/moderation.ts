/**
 * Moderation that behaves the same on every provider: important, archive and rename go to the
 * provider where it holds the flag (Chatling important/archive, Zaia title), else to Parley's
 * overlay; trash is always Parley's. Every request that reaches here writes exactly one audit
 * row, successful or not, and a provider failure leaves the overlay untouched.
 */
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Database } from "@/lib/db/client";
import { DomainError, forbidden, invalid, isProviderError, unsupported } from "@/lib/model/errors";
import type { ModerationBody, ModerationState } from "./api-schemas";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import type { FlagHomes } from "@/lib/model/conversation";
import { flagHomesFor, getOverlayRow, toConversation, upsertOverlay, type OverlayChange } from "./overlay";

type Field = keyof ModerationBody;

export function moderationAction(body: ModerationBody): string {
  const keys = Object.keys(body) as Field[];
  if (keys.length !== 1) return "conversation.update";
  const key = keys[0];
  switch (key) {
    case "important":
      return body.important ? "conversation.important" : "conversation.unimportant";
    case "archived":
      return body.archived ? "conversation.archive" : "conversation.unarchive";
    case "title":
      return "conversation.rename";
    case "trashed":
      return body.trashed ? "conversation.trash" : "conversation.restore";
    default:
      return "conversation.update";
  }
}

function errorMessage(error: unknown): string {
  if (isProviderError(error) || error instanceof DomainError) return error.message;
  return "unexpected error";
}

export async function moderateConversation(
  db: Database,
  actor: Actor,
  handle: ConnectionHandle,
  conversationId: string,
  body: ModerationBody,
): Promise<{ state: ModerationState; flagHomes: FlagHomes }> {
  const action = moderationAction(body);
  const audit = {
    actor: { id: actor.id, email: actor.email },
    action,
    connectionId: handle.id,
    connectionName: handle.name,
    conversationId,
  };
  const homes = flagHomesFor(handle);
  let before: ModerationState | null = null;
  const appliedAtProvider: (() => Promise<void>)[] = [];
  try {
    const [row, overlay] = await Promise.all([
      handle.adapter.getConversation(handle.context, conversationId),
      getOverlayRow(db, handle.id, conversationId),
    ]);
    const current = toConversation(handle, row, overlay);
    before = {
      important: current.flags.important,
      archived: current.flags.archived,
      trashed: current.flags.trashed,
      title: current.title,
    };
    const after: ModerationState = { ...before };
    const overlayChange: OverlayChange = {};
    const { adapter, context } = handle;

    if (body.important !== undefined) {
      const value = body.important;
      if (homes.important === "provider" && adapter.setImportant) {
        const previous = before.important;
        await adapter.setImportant(context, conversationId, value);
        appliedAtProvider.push(
          () => adapter.setImportant?.(context, conversationId, previous) ?? Promise.resolve(),
        );
      } else overlayChange.important = value;
      after.important = value;
    }
    if (body.archived !== undefined) {
      const value = body.archived;
      if (homes.archived === "provider" && adapter.setArchived) {
        const previous = before.archived;
        await adapter.setArchived(context, conversationId, value);
        appliedAtProvider.push(
          () => adapter.setArchived?.(context, conversationId, previous) ?? Promise.resolve(),
        );
      } else overlayChange.archived = value;
      after.archived = value;
    }
    if (body.title !== undefined) {
      const value = body.title;
      if (homes.title === "provider" && adapter.setTitle) {
        const previous = row.title;
        await adapter.setTitle(context, conversationId, value);
        appliedAtProvider.push(
          () => adapter.setTitle?.(context, conversationId, previous) ?? Promise.resolve(),
        );
        after.title = value;
      } else {
        overlayChange.title = value;
        after.title = value ?? row.title;
      }
    }
    if (body.trashed !== undefined) {
      overlayChange.trashed = body.trashed;
      after.trashed = body.trashed;
    }
    if (Object.keys(overlayChange).length > 0)
      await upsertOverlay(db, { connectionId: handle.id, conversationId }, overlayChange, actor.id);
    await recordAudit(db, {
      ...audit,
      before: pick(before, body),
      after: pick(after, body),
      outcome: "success",
    });
    return { state: after, flagHomes: homes };
  } catch (error) {
    // Undo what a provider already accepted, so a failed request leaves nothing half-applied.
    for (const undo of appliedAtProvider.reverse()) await undo().catch(() => undefined);
    await recordAudit(db, {
      ...audit,
      before: before ? pick(before, body) : null,
      after: requested(body),
      outcome: "failure",
      error: errorMessage(error),
    });
    throw error;
  }
}

/** The fields a request touched, from a full state. */
function pick(state: ModerationState, body: ModerationBody): Partial<ModerationState> {
  const result: Partial<ModerationState> = {};
  for (const key of Object.keys(body) as Field[]) {
    if (key === "title") result.title = state.title;
    else result[key] = state[key];
  }
  return result;
}

function requested(body: ModerationBody): Partial<ModerationState> {
  return { ...body };
}

/** Delete at the provider (admins; Zaia soft remove, Cozmox hard delete). Irreversible at the provider. */
export async function deleteAtProvider(
  db: Database,
  actor: Actor,
  handle: ConnectionHandle,
  conversationId: string,
  confirm: string,
): Promise<void> {
  const audit = {
    actor: { id: actor.id, email: actor.email },
    action: "conversation.delete",
    connectionId: handle.id,
    connectionName: handle.name,
    conversationId,
  };
  try {
    if (actor.role !== "admin") throw forbidden("Only administrators can delete at the provider.");
    const kind = handle.adapter.capabilities.moderation.deleteAtProvider;
    if (!kind || !handle.adapter.deleteAtProvider)
      throw unsupported(
        `${handle.name}: this provider has no delete; move the conversation to trash instead.`,
      );
    if (confirm !== conversationId)
      throw invalid("To delete, send the conversation id in `confirm` exactly as shown.");
    await handle.adapter.deleteAtProvider(handle.context, conversationId);
    await upsertOverlay(
      db,
      { connectionId: handle.id, conversationId },
      { deletedAtProvider: true },
      actor.id,
    );
    await recordAudit(db, {
      ...audit,
      before: { deletedAtProvider: false },
      after: { deletedAtProvider: true, kind },
      outcome: "success",
    });
  } catch (error) {
    // A delete made of several provider calls may have done part of its work: record which part.
    const partial = isProviderError(error) ? error.details.partial : undefined;
    await recordAudit(db, {
      ...audit,
      outcome: "failure",
      error: errorMessage(error),
      ...(partial && {
        before: { deletedAtProvider: false },
        after: { deletedAtProvider: "partial", partial },
      }),
    });
    throw error;
  }
}
