"use client";
/**
 * One label on (or off) the selected rows, or every row the list matches: one request (labels are
 * Parley's own data, written in one transaction), one toast with what changed and Undo. Undo takes
 * the label off exactly the conversations this change put it on (or back on those it took it off),
 * never off rows that already had it; it is in the tab's undo log too (`z`).
 */
import { useCallback, useState } from "react";
import { toast } from "sonner";
import { listFilterTarget, type ListParams } from "@/lib/client/conversation-queries";
import { labelConversations, useInvalidateLabelled } from "@/lib/client/labels";
import { recordUndo, undoEntry } from "@/lib/client/undo-log";
import type { Conversation } from "@/lib/model/conversation";
import type { BulkLabelRequest, BulkLabelResult, Label } from "@/lib/model/labels";

/** The picked rows, or every row of the list's query. */
export type LabelTargetChoice = { rows: Conversation[] } | { filter: ListParams };

function requestTarget(choice: LabelTargetChoice): BulkLabelRequest["target"] {
  if ("filter" in choice) return { filter: listFilterTarget(choice.filter) };
  return {
    selection: choice.rows.map((row) => ({ connectionId: row.connectionId, conversationId: row.id })),
  };
}

const conversations = (count: number) =>
  `${count.toLocaleString()} ${count === 1 ? "conversation" : "conversations"}`;

export function bulkLabelSummary(label: Pick<Label, "name">, result: BulkLabelResult): string {
  const verb = result.mode === "add" ? "put on" : "taken off";
  const already = result.mode === "add" ? "already had it" : "did not have it";
  const parts = [`“${label.name}” ${verb} ${conversations(result.changed.length)}`];
  if (result.unchanged > 0) parts.push(`${result.unchanged.toLocaleString()} ${already}`);
  if (result.missing > 0) parts.push(`${result.missing.toLocaleString()} not in the index yet`);
  return parts.join("; ");
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : undefined);

export function useBulkLabels() {
  const invalidate = useInvalidateLabelled();
  const [running, setRunning] = useState(false);

  const run = useCallback(
    async (label: Label, mode: BulkLabelRequest["mode"], choice: LabelTargetChoice) => {
      setRunning(true);
      let result: BulkLabelResult;
      try {
        result = await labelConversations(label.id, { mode, target: requestTarget(choice) });
      } catch (error) {
        toast.error(`Could not ${mode === "add" ? "label" : "unlabel"} the conversations`, {
          description: errorText(error),
        });
        return false;
      } finally {
        setRunning(false);
        await invalidate();
      }
      const inverse = mode === "add" ? "remove" : "add";
      const undo =
        result.changed.length > 0
          ? recordUndo({
              label: bulkLabelSummary(label, result),
              run: async () => {
                await labelConversations(label.id, { mode: inverse, target: { selection: result.changed } });
                await invalidate();
              },
            })
          : null;
      toast.success(bulkLabelSummary(label, result), {
        duration: 12_000,
        action: undo
          ? {
              label: "Undo",
              onClick: () =>
                void undoEntry(undo)
                  .then((ran) => ran && toast.success(`Undone: ${bulkLabelSummary(label, result)}`))
                  .catch((error: unknown) => toast.error("Undo failed", { description: errorText(error) })),
            }
          : undefined,
      });
      return true;
    },
    [invalidate],
  );

  return { run, running };
}
