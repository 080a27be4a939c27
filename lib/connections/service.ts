/**
 * Connection management for admins: add, rename, re-point, rotate the key, remove, and test a key
 * before saving. Every change writes an audit row; no key ever appears in an answer or a row.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/audit-log";
import { getConfig, providerAddressPolicy } from "@/lib/config";
import type { Database } from "@/lib/db/client";
import { type DomainError, invalid, isDomainError, isProviderError, notFound } from "@/lib/model/errors";
import { getAdapter } from "@/lib/providers/registry";
import { checkBaseUrlResolved } from "./base-url";
import { forgetRuntime, handleFor } from "./runtime";
import {
  deleteConnectionRow,
  getConnectionRow,
  insertConnection,
  listConnectionRows,
  toView,
  updateConnectionRow,
  withKey,
} from "./repository";
import type { ConnectionView, CreateConnectionInput, UpdateConnectionInput } from "./schemas";
import type { ProviderId } from "@/lib/model/conversation";

async function validBaseUrl(raw: string): Promise<string> {
  const check = await checkBaseUrlResolved(raw, providerAddressPolicy(getConfig()));
  if (!check.ok) throw invalid(`baseUrl: ${check.message}`);
  return check.url;
}

export async function listConnectionViews(db: Database): Promise<ConnectionView[]> {
  return (await listConnectionRows(db)).map(toView);
}

export async function createConnection(
  db: Database,
  actor: Actor,
  input: CreateConnectionInput,
): Promise<ConnectionView> {
  const baseUrl = await validBaseUrl(input.baseUrl);
  const row = await insertConnection(db, { ...input, baseUrl, actorId: actor.id });
  const view = toView(row);
  await recordAudit(db, {
    actor: { id: actor.id, email: actor.email },
    action: "connection.create",
    connectionId: row.id,
    connectionName: row.name,
    targetId: row.id,
    after: { provider: view.provider, name: view.name, baseUrl: view.baseUrl, keyHint: view.keyHint },
    outcome: "success",
  });
  return view;
}

export async function updateConnection(
  db: Database,
  actor: Actor,
  id: string,
  input: UpdateConnectionInput,
): Promise<ConnectionView> {
  const existing = await getConnectionRow(db, id);
  if (!existing) throw notFound(`No connection with id "${id.slice(0, 60)}".`);
  const baseUrl = input.baseUrl === undefined ? undefined : await validBaseUrl(input.baseUrl);
  const row = await updateConnectionRow(db, id, { ...input, baseUrl, actorId: actor.id });
  if (!row) throw notFound(`No connection with id "${id.slice(0, 60)}".`);
  forgetRuntime(id);
  const before = toView(existing);
  const after = toView(row);
  await recordAudit(db, {
    actor: { id: actor.id, email: actor.email },
    action: input.apiKey ? "connection.rotate_key" : "connection.update",
    connectionId: id,
    connectionName: row.name,
    targetId: id,
    before: {
      name: before.name,
      baseUrl: before.baseUrl,
      keyHint: before.keyHint,
      indexTranscripts: before.indexTranscripts,
    },
    after: {
      name: after.name,
      baseUrl: after.baseUrl,
      keyHint: after.keyHint,
      indexTranscripts: after.indexTranscripts,
    },
    outcome: "success",
  });
  return after;
}

export async function removeConnection(db: Database, actor: Actor, id: string): Promise<void> {
  const existing = await getConnectionRow(db, id);
  if (!existing) throw notFound(`No connection with id "${id.slice(0, 60)}".`);
  await deleteConnectionRow(db, id);
  forgetRuntime(id);
  await recordAudit(db, {
    actor: { id: actor.id, email: actor.email },
    action: "connection.delete",
    connectionId: id,
    connectionName: existing.name,
    targetId: id,
    before: {
      provider: existing.provider,
      name: existing.name,
      baseUrl: existing.baseUrl,
      keyHint: existing.keyHint,
    },
    outcome: "success",
  });
}

/**
 * Tries a key with a real provider call. With `connectionId` and no key, tests the stored key,
 * but only against the stored base URL: sending a saved key to a different URL needs the key
 * typed again (otherwise a stored key could be sent anywhere). Every test writes an audit row,
 * refused or not. Answers `{ ok, code, message }`, never the key.
 */
export async function testConnection(
  db: Database,
  actor: Actor,
  input: { provider: ProviderId; baseUrl: string; apiKey?: string; connectionId?: string },
): Promise<{ ok: boolean; code: string | null; message: string }> {
  const row = input.connectionId ? await getConnectionRow(db, input.connectionId) : null;
  const audit = (outcome: { ok: boolean; code: string | null; message: string } | { refused: string }) =>
    recordAudit(db, {
      actor: { id: actor.id, email: actor.email },
      action: "connection.test",
      connectionId: row?.id ?? null,
      connectionName: row?.name ?? null,
      targetId: row?.id ?? null,
      after: {
        provider: input.provider,
        // Without any user:password part, so a refused URL cannot put a credential in the log.
        baseUrl: input.baseUrl.replace(/\/\/[^/?#]*@/, "//").slice(0, 500),
        storedKey: !input.apiKey,
        ...("refused" in outcome ? {} : { ok: outcome.ok, code: outcome.code }),
      },
      outcome: "refused" in outcome || !outcome.ok ? "failure" : "success",
      error: "refused" in outcome ? outcome.refused : outcome.ok ? null : outcome.message,
    });
  const refuse = async (error: DomainError): Promise<never> => {
    await audit({ refused: error.message });
    throw error;
  };
  let baseUrl: string;
  try {
    baseUrl = await validBaseUrl(input.baseUrl);
  } catch (error) {
    if (isDomainError(error)) return refuse(error);
    throw error;
  }
  let apiKey = input.apiKey;
  if (!apiKey) {
    if (!input.connectionId)
      return refuse(invalid("apiKey: send the key to test, or the connectionId of a saved connection."));
    if (!row) return refuse(notFound(`No connection with id "${input.connectionId.slice(0, 60)}".`));
    if (row.provider !== input.provider)
      return refuse(invalid("provider does not match the saved connection."));
    if (baseUrl !== row.baseUrl)
      return refuse(
        invalid("apiKey: enter the key again to test it against a base URL other than the saved one."),
      );
    apiKey = withKey(row).apiKey;
  }
  const probeId = `probe-${randomUUID()}`;
  const handle = handleFor({ id: probeId, provider: input.provider, name: "test", baseUrl, apiKey });
  let result: { ok: boolean; code: string | null; message: string };
  try {
    await getAdapter(input.provider).verify(handle.context);
    result = { ok: true, code: null, message: "The provider accepted the key." };
  } catch (error) {
    result = isProviderError(error)
      ? { ok: false, code: error.code, message: error.message }
      : { ok: false, code: "internal", message: "The key could not be tested." };
  }
  await audit(result);
  return result;
}
