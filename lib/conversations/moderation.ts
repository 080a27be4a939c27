/**
 * Moderation that behaves the same on every provider: important, archive and rename go to the
 * provider where it holds the flag (Chatling important/archive, Zaia title), else to Parley's
 * overlay; trash is always Parley's. Every request that reaches here writes exactly one audit
 * row, successful or not. A failure at the provider leaves the overlay untouched and undoes what
 * the provider had already accepted; a flag Parley stores itself never needs the provider.
 */
import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import type { Database } from "@/lib/db/client";
import { forbidden, invalid, isDomainError, isProviderError, unsupported } from "@/lib/model/errors";
import type { ModerationBody, ModerationState } from "./api-schemas";
import type { ConnectionHandle } from "@/lib/connections/connection-handle";
import type { Conversation, FlagHomes } from "@/lib/model/conversation";
import { updateIndexAfterModeration } from "@/lib/index/refresh";
import { flagHomesFor, getOverlayRow, toConversation, upsertOverlay, type OverlayChange } from "./overlay";

type Field = keyof ModerationBody;

/** The change is done and audited at the provider; the index catches up at the next sync if this fails. */
function logIndexError(error: unknown): void {
  console.error("[conversations] index update failed:", error instanceof Error ? error.message : error);
}

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
  if (isProviderError(error) || isDomainError(error)) return error.message;
  return "unexpected error";
}

/** Where each field of a change is stored for this connection. */
interface ChangePlan {
  atProvider: Field[];
  inOverlay: Field[];
}

function planChange(homes: FlagHomes, body: ModerationBody): ChangePlan {
  const plan: ChangePlan = { atProvider: [], inOverlay: [] };
  for (const field of Object.keys(body) as Field[]) {
    const home = field === "trashed" ? "parley" : homes[field];
    (home === "provider" ? plan.atProvider : plan.inOverlay).push(field);
  }
  return plan;
}

interface CurrentState {
  state: ModerationState;
  /** The provider's own title, when it could be read (a reset title falls back to it). */
  providerTitle: string | null;
}

/**
 * The conversation's moderation state before the change. A change that touches a field the
 * provider stores needs the provider's word (and fails with it). A change Parley stores itself
 * (trash, and important/archive/rename where Parley holds them) does not: when the provider cannot
 * be reached the state comes from the overlay alone, so a provider outage never blocks Parley's
 * own flags. A provider that says the conversation does not exist still refuses the change.
 */
async function readCurrentState(
  db: Database,
  handle: ConnectionHandle,
  conversationId: string,
  plan: ChangePlan,
): Promise<CurrentState> {
  const overlay = await getOverlayRow(db, handle.id, conversationId);
  try {
    const row = await handle.adapter.getConversation(handle.context, conversationId);
    const current = toConversation(handle, row, overlay);
    return { state: stateOf(current), providerTitle: row.title };
  } catch (error) {
    const providerUnreachable =
      isProviderError(error) && (error.code === "unavailable" || error.code === "rate_limited");
    if (plan.atProvider.length > 0 || !providerUnreachable) throw error;
    return {
      state: {
        important: overlay?.important ?? false,
        archived: overlay?.archived ?? false,
        trashed: overlay?.trashed ?? false,
        title: overlay?.title ?? null,
      },
      providerTitle: null,
    };
  }
}

function stateOf(conversation: Conversation): ModerationState {
  return {
    important: conversation.flags.important,
    archived: conversation.flags.archived,
    trashed: conversation.flags.trashed,
    title: conversation.title,
  };
}

type ProviderWrite = (value: never) => Promise<void>;

/** The adapter call that stores `field` at the provider, bound to one conversation. */
function providerWriter(handle: ConnectionHandle, conversationId: string, field: Field) {
  const { adapter, context } = handle;
  const missing = () => Promise.reject(unsupported(`${handle.name}: the provider cannot change ${field}.`));
  switch (field) {
    case "important":
      return (value: boolean) => adapter.setImportant?.(context, conversationId, value) ?? missing();
    case "archived":
      return (value: boolean) => adapter.setArchived?.(context, conversationId, value) ?? missing();
    case "title":
      return (value: string | null) => adapter.setTitle?.(context, conversationId, value) ?? missing();
    case "trashed":
      return missing;
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

/**
 * Applies the provider's fields one by one. Each success pushes its inverse on `undo`, so a later
 * failure can put back what the provider already accepted.
 */
async function applyAtProvider(
  handle: ConnectionHandle,
  conversationId: string,
  fields: readonly Field[],
  body: ModerationBody,
  current: CurrentState,
  undo: (() => Promise<void>)[],
): Promise<void> {
  for (const field of fields) {
    const write = providerWriter(handle, conversationId, field) as ProviderWrite;
    const previous = field === "title" ? current.providerTitle : current.state[field];
    await write(body[field] as never);
    undo.push(() => write(previous as never));
  }
}

/** The overlay change for Parley's own fields. */
function overlayChangeFor(fields: readonly Field[], body: ModerationBody): OverlayChange {
  const change: OverlayChange = {};
  for (const field of fields) {
    if (field === "title") change.title = body.title ?? null;
    else change[field] = body[field];
  }
  return change;
}

function stateAfter(current: CurrentState, body: ModerationBody, plan: ChangePlan): ModerationState {
  const after: ModerationState = { ...current.state };
  if (body.important !== undefined) after.important = body.important;
  if (body.archived !== undefined) after.archived = body.archived;
  if (body.trashed !== undefined) after.trashed = body.trashed;
  if (body.title !== undefined)
    after.title = plan.inOverlay.includes("title") ? (body.title ?? current.providerTitle) : body.title;
  return after;
}

/**
 * Applies one moderation request: provider fields first (rolled back if a later step fails), then
 * Parley's overlay, then exactly one audit row, successful or not.
 */
export async function moderateConversation(
  db: Database,
  actor: Actor,
  handle: ConnectionHandle,
  conversationId: string,
  body: ModerationBody,
): Promise<{ state: ModerationState; flagHomes: FlagHomes }> {
  const audit = {
    actor: { id: actor.id, email: actor.email },
    action: moderationAction(body),
    connectionId: handle.id,
    connectionName: handle.name,
    conversationId,
  };
  const homes = flagHomesFor(handle);
  const plan = planChange(homes, body);
  let current: CurrentState | null = null;
  const undoAtProvider: (() => Promise<void>)[] = [];
  try {
    current = await readCurrentState(db, handle, conversationId, plan);
    await applyAtProvider(handle, conversationId, plan.atProvider, body, current, undoAtProvider);
    if (plan.inOverlay.length > 0)
      await upsertOverlay(
        db,
        { connectionId: handle.id, conversationId },
        overlayChangeFor(plan.inOverlay, body),
        actor.id,
      );
    const after = stateAfter(current, body, plan);
    await recordAudit(db, {
      ...audit,
      before: pick(current.state, body),
      after: pick(after, body),
      outcome: "success",
    });
    await updateIndexAfterModeration(db, handle, conversationId, {
      important: body.important,
      archived: body.archived,
      title: body.title === undefined ? undefined : after.title,
    }).catch(logIndexError);
    return { state: after, flagHomes: homes };
  } catch (error) {
    // Put back what the provider already accepted, so a failed request leaves nothing half-applied.
    for (const undo of undoAtProvider.reverse()) await undo().catch(() => undefined);
    await recordAudit(db, {
      ...audit,
      before: current ? pick(current.state, body) : null,
      after: { ...body },
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
    await updateIndexAfterModeration(db, handle, conversationId, { deleted: kind }).catch(logIndexError);
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
