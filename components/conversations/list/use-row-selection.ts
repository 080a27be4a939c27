"use client";
/**
 * Row selection for bulk actions (TanStack's `RowSelectionState`, keyed by row key). A selection
 * belongs to one page of one query: paging, filtering or switching view starts afresh, so a bulk
 * action never reaches rows the user cannot see.
 */
import type { RowSelectionState, Updater } from "@tanstack/react-table";
import { useCallback, useState } from "react";
import type { Conversation } from "@/lib/model/conversation";
import { rowKey } from "./format";

export function useRowSelection(scope: string, rows: Conversation[]) {
  const [selection, setSelection] = useState<{ scope: string; value: RowSelectionState }>({
    scope: "",
    value: {},
  });
  const rowSelection = selection.scope === scope ? selection.value : {};

  const onRowSelectionChange = useCallback(
    (updater: Updater<RowSelectionState>) =>
      setSelection((previous) => {
        const base = previous.scope === scope ? previous.value : {};
        return { scope, value: typeof updater === "function" ? updater(base) : updater };
      }),
    [scope],
  );

  const toggle = useCallback(
    (conversation: Conversation) =>
      onRowSelectionChange((value) => ({ ...value, [rowKey(conversation)]: !value[rowKey(conversation)] })),
    [onRowSelectionChange],
  );

  const clear = useCallback(() => setSelection({ scope, value: {} }), [scope]);

  return {
    rowSelection,
    onRowSelectionChange,
    selectedRows: rows.filter((row) => rowSelection[rowKey(row)]),
    toggle,
    clear,
  };
}
