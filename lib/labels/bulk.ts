/**
 * One label put on (or taken off) many conversations at once: picked rows, or every row a list
 * query matches (the same predicates as the list, through the bulk jobs' target resolver). Labels
 * are Parley's own data, so the whole change is one transaction, no provider call and no job: it
 * is written whole or not at all. The answer names exactly the conversations it changed, which is
 * what an undo sends back with the inverse mode. Each changed conversation gets its audit row,
 * and the change as a whole one more with its counts.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { recordAudits, type AuditEntry } from "@/lib/audit/audit-log";
import type { Actor } from "@/lib/auth/actor";
import { resolveTarget } from "@/lib/conversations/bulk/targets";
import type { Database } from "@/lib/db/client";
import { inConversationKeys, queryRows } from "@/lib/index/read/rows";
import { invalid } from "@/lib/model/errors";
import { MAX_LABELS_PER_CONVERSATION, type BulkLabelRequest, type BulkLabelResult } from "@/lib/model/labels";
import { audited, auditActor, requireLabel } from "./service";

type Key = { connectionId: string; conversationId: string };

const WRITE_CHUNK = 2_000;

const keyTable = (keys: readonly Key[]): SQL =>
  sql`jsonb_to_recordset(${JSON.stringify(keys.map((key) => ({ c: key.connectionId, v: key.conversationId })))}::jsonb) as k (c text, v text)`;

/** The rows of `keys` that a change of `labelId` in `mode` changes, written in `tx`. */
async function writeChunk(
  tx: Database,
  actor: Actor,
  labelId: string,
  mode: BulkLabelRequest["mode"],
  keys: readonly Key[],
): Promise<Key[]> {
  type Row = { connection_id: string; conversation_id: string };
  const rows =
    mode === "add"
      ? await queryRows<Row>(
          tx,
          sql`insert into conversation_labels (connection_id, conversation_id, label_id, added_by)
            select k.c, k.v, ${labelId}, ${actor.id} from ${keyTable(keys)}
            where (select count(*) from conversation_labels cl
                   where cl.connection_id = k.c and cl.conversation_id = k.v)
                  < ${MAX_LABELS_PER_CONVERSATION}
            on conflict do nothing
            returning connection_id, conversation_id`,
        )
      : await queryRows<Row>(
          tx,
          sql`delete from conversation_labels
            where label_id = ${labelId} and ${inConversationKeys(sql`(connection_id, conversation_id)`, keys)}
            returning connection_id, conversation_id`,
        );
  return rows.map((row) => ({ connectionId: row.connection_id, conversationId: row.conversation_id }));
}

export async function labelInBulk(
  db: Database,
  actor: Actor,
  labelId: string,
  request: BulkLabelRequest,
): Promise<BulkLabelResult> {
  const summary = { action: `labels.bulk_${request.mode}`, targetId: labelId };
  return audited(db, actor, summary, async () => {
    const label = await requireLabel(db, labelId);
    const rows = await resolveTarget(db, request.target, actor.id);
    const indexed = rows.filter((row) => row.flags !== null);
    if (indexed.length === 0 && rows.length > 0)
      throw invalid("None of these conversations is in Parley's index (yet); nothing was labelled.");
    const changed = await db.transaction(async (tx) => {
      const writer = tx as unknown as Database;
      const done: Key[] = [];
      for (let start = 0; start < indexed.length; start += WRITE_CHUNK)
        done.push(
          ...(await writeChunk(
            writer,
            actor,
            labelId,
            request.mode,
            indexed.slice(start, start + WRITE_CHUNK),
          )),
        );
      const labelled = { labelId, labelName: label.name };
      const perRow: AuditEntry[] = done.map((key) => ({
        actor: auditActor(actor),
        action: "conversation.labels",
        ...key,
        targetId: labelId,
        after: request.mode === "add" ? { added: [labelled] } : { removed: [labelled] },
        outcome: "success",
      }));
      await recordAudits(writer, perRow);
      return done;
    });
    const result: BulkLabelResult = {
      labelId,
      mode: request.mode,
      changed,
      unchanged: indexed.length - changed.length,
      missing: rows.length - indexed.length,
    };
    await recordAudits(db, [
      {
        actor: auditActor(actor),
        ...summary,
        after: {
          label: label.name,
          changed: changed.length,
          unchanged: result.unchanged,
          missing: result.missing,
        },
        outcome: "success",
      },
    ]);
    return result;
  });
}
