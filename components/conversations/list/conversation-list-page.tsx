"use client";
/**
 * The conversation list page: heading, filters, notices, the table with keyboard triage and bulk
 * actions, paging, and the conversation open beside the list. All of its state is in the URL
 * (`use-list-state.ts`); this component wires the pieces together.
 */
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useQueryState } from "nuqs";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import {
  useListHotkeys,
  type ListShortcutHandlers,
} from "@/components/conversations/keyboard/use-list-hotkeys";
import { MESSAGE_PARAM } from "@/components/conversations/thread/thread-links";
import { useListReviewKey } from "@/components/review/use-list-review-key";
import { syncQueries, useSyncNow } from "@/lib/client/sync";
import type { Conversation } from "@/lib/model/conversation";
import { decodeOpenKey } from "@/lib/conversations/search-params";
import { useSavedViews } from "@/lib/client/saved-views";
import { canonicalListQuery } from "@/lib/model/list-query-string";
import { cn } from "@/lib/utils";
import { BulkBar } from "./bulk-bar";
import type { ConversationTableMeta } from "./table-meta";
import { ConversationPanel } from "./conversation-panel";
import { ConversationTable } from "./conversation-table";
import { ExportMenu } from "./export-menu";
import { FilterChips } from "./filter-chips";
import { conversationName, rowKey } from "./format";
import { ListDialogs, type PaletteRequest } from "./list-dialogs";
import { ListCostFooter } from "./list-cost-footer";
import { ListEmptyState } from "./list-empty-state";
import { ListNotices } from "./list-notices";
import { ListToolbar } from "./list-toolbar";
import { NewConversationsBanner } from "./new-conversations-banner";
import { PaginationBar } from "./pagination-bar";
import { SortToggle } from "./sort-toggle";
import { useListActions } from "./use-list-actions";
import { useListData } from "./use-list-data";
import { useListFacets } from "./use-list-facets";
import { clearedFilters, useListState } from "./use-list-state";
import { useNewConversations } from "./use-new-conversations";
import { useMediaQuery } from "./use-media-query";
import { useRowCursor } from "./use-row-cursor";
import { useRowSelection } from "./use-row-selection";
import { viewLabels } from "./views";

/** Wide enough to show the list and the open conversation side by side. */
const SPLIT_QUERY = "(min-width: 1200px)";

/**
 * Whether an open dialog, popover or sheet owns the keyboard (its keys must not reach the list).
 * One that is only playing its closing animation does not count.
 */
function overlayOpen(): boolean {
  return (
    document.querySelector('[role="dialog"][data-state="open"], [role="alertdialog"][data-state="open"]') !==
    null
  );
}

const noSubscription = () => () => undefined;

export function ConversationListPage() {
  const list = useListState();
  const { params, state } = list;
  const facets = useListFacets(params.connection);
  const data = useListData(params, facets);
  const { rows } = data;
  const actions = useListActions();
  const cursor = useRowCursor(rows);
  const wide = useMediaQuery(SPLIT_QUERY);
  const searchRef = useRef<HTMLInputElement>(null);
  // Escape reaches both the list's and the thread view's key handlers; close only once.
  const closedKey = useRef<string | null>(null);
  const [renamingKey, setRenamingKey] = useState<string | null>(null);
  const [dialog, setDialog] = useState<PaletteRequest>(null);
  const [now, setNow] = useState(() => Date.now());
  // The first page arrives in the server's HTML; keys and clicks work once React has hydrated it.
  // The attribute says when (end-to-end tests wait for it before they press keys).
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [linkedMessage, setLinkedMessage] = useQueryState(MESSAGE_PARAM);
  const fresh = useNewConversations(params, data.query);
  const { syncNow } = useSyncNow();
  const syncRequests = useQuery(syncQueries.requests()).data;
  const syncing = useMemo(() => new Set(Object.keys(syncRequests ?? {})), [syncRequests]);
  const failingConnections = useMemo(
    () => new Set(data.notices.filter((notice) => notice.kind === "failing").map((n) => n.connectionId)),
    [data.notices],
  );
  const router = useRouter();
  const savedViews = useSavedViews();

  const openTarget = decodeOpenKey(state.open);
  const openKey = openTarget
    ? rowKey({ connectionId: openTarget.connectionId, id: openTarget.conversationId })
    : null;
  const openRow = openKey ? (rows.find((row) => rowKey(row) === openKey) ?? null) : null;

  const selection = useRowSelection(`${list.listQueryString}|${params.cursor ?? ""}`, rows);
  // "Select all N matching": the bulk action then covers every row of the query, not just this page.
  const [allMatchingScope, setAllMatchingScope] = useState<string | null>(null);
  // Unpicking a row of the page goes back to the picked rows.
  const allMatching =
    allMatchingScope === list.listQueryString &&
    rows.length > 0 &&
    selection.selectedRows.length === rows.length;
  const bulkTarget = () => (allMatching ? { filter: params } : { rows: selection.selectedRows });
  // The bar goes away with the selection; the focus goes back to the rows.
  const afterBulk = () => {
    setAllMatchingScope(null);
    selection.clear();
    cursor.focusCursor();
  };

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);

  // The conversation opened from the URL (a shared link, Back, the thread's Previous/Next) gets
  // the cursor.
  const { moveToKey } = cursor;
  useEffect(() => {
    if (openKey) moveToKey(openKey);
    else closedKey.current = null;
  }, [openKey, moveToKey]);

  const fullPageHref = useCallback(
    (target: { connectionId: string; id: string }) =>
      `/conversations/${encodeURIComponent(target.connectionId)}/${encodeURIComponent(target.id)}${list.listQueryString}`,
    [list.listQueryString],
  );

  // `?message=` belongs to the open conversation: opening another one or closing drops it.
  const open = useCallback(
    (conversation: Conversation, messageId: string | null = null) => {
      closedKey.current = null;
      cursor.moveToKey(rowKey(conversation));
      if (messageId !== linkedMessage) void setLinkedMessage(messageId);
      if (rowKey(conversation) !== openKey) void list.setOpen(conversation);
    },
    [cursor, list, openKey, linkedMessage, setLinkedMessage],
  );

  const messageHref = useCallback(
    (conversation: Conversation, messageId: string) => {
      const href = fullPageHref(conversation);
      return `${href}${href.includes("?") ? "&" : "?"}${MESSAGE_PARAM}=${encodeURIComponent(messageId)}`;
    },
    [fullPageHref],
  );

  const close = useCallback(() => {
    if (!openKey || closedKey.current === openKey) return;
    closedKey.current = openKey;
    if (linkedMessage) void setLinkedMessage(null);
    void list.setOpen(null);
    cursor.focusCursor();
  }, [cursor, list, openKey, linkedMessage, setLinkedMessage]);

  const step = (delta: number) => {
    if (rows.length === 0) return;
    const index =
      cursor.cursorIndex < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, cursor.cursorIndex + delta));
    cursor.moveTo(index, { focus: true });
    const row = rows[index];
    if (openKey && row && rowKey(row) !== openKey) {
      if (linkedMessage) void setLinkedMessage(null);
      void list.setOpen(row, { replace: true });
    }
  };

  const finishRename = (conversation: Conversation | null) => {
    setRenamingKey(null);
    if (conversation)
      cursor.moveTo(
        rows.findIndex((row) => rowKey(row) === rowKey(conversation)),
        { focus: true },
      );
  };

  const current = cursor.current;
  const handlers: ListShortcutHandlers = {
    next: () => step(1),
    previous: () => step(-1),
    open: () => {
      if (current) open(current);
    },
    close,
    select: () => {
      if (current) selection.toggle(current);
    },
    important: () => {
      if (current) void actions.toggleImportant(current);
    },
    archive: () => {
      if (current && params.view !== "trash") void actions.toggleArchived(current);
    },
    rename: () => {
      if (current) setRenamingKey(rowKey(current));
    },
    trash: () => {
      if (current) void actions.toggleTrashed(current);
    },
    undo: () => void actions.undo(),
    search: () => searchRef.current?.focus(),
    help: () => setDialog("shortcuts"),
    palette: () => setDialog("palette"),
  };
  useListHotkeys(handlers, { enabled: dialog === null && !(openKey && !wide), blocked: overlayOpen });
  useListReviewKey({
    params,
    enabled: dialog === null && !openKey,
    blocked: overlayOpen,
    open: list.setOpen,
  });

  const meta: ConversationTableMeta = {
    cursorIndex: cursor.cursorIndex,
    renamingKey,
    now,
    fullPageHref,
    open: (conversation) => open(conversation),
    openAtMessage: open,
    messageHref,
    failingConnections,
    toggleImportant: (conversation) => void actions.toggleImportant(conversation),
    saveRename: (conversation, title) => {
      finishRename(conversation);
      void actions.rename(conversation, title);
    },
    cancelRename: () => finishRename(current),
  };

  const split = Boolean(openTarget) && wide;
  const heading = viewLabels[params.view];

  return (
    <div className="flex h-full min-h-0 flex-col" data-list-hydrated={hydrated ? "true" : "false"}>
      <div className="flex flex-col gap-3 border-b px-4 pt-4 pb-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold">{heading}</h1>
          {data.total !== null ? (
            <span className="text-muted-foreground text-sm">
              {data.total.toLocaleString("en-US")}
              {data.totalIsEstimate ? "+" : ""} conversations
            </span>
          ) : null}
          <div className="ml-auto flex items-center gap-2">
            <ExportMenu listQuery={canonicalListQuery(list.listQueryString)} total={data.total} />
            <SortToggle
              sort={params.sort}
              connections={facets.activeConnections}
              onChange={(sort) => void list.setFilters({ sort })}
            />
          </div>
        </div>
        <ListToolbar list={list} facets={facets} searchRef={searchRef} />
        <FilterChips list={list} facets={facets} />
      </div>
      <div className="flex min-h-0 flex-1">
        <div
          className={cn("flex min-h-0 min-w-0 flex-col", split ? "w-[44%] min-w-[24rem] shrink-0" : "flex-1")}
        >
          <div className="px-4 pt-2 empty:hidden">
            <BulkBar
              selected={selection.selectedRows}
              view={params.view}
              progress={actions.bulk.progress}
              failures={actions.bulk.failures}
              matching={
                data.total !== null &&
                selection.selectedRows.length === rows.length &&
                data.total > rows.length
                  ? data.total
                  : null
              }
              matchingIsEstimate={data.totalIsEstimate}
              allMatching={allMatching}
              onSelectAllMatching={(on) => setAllMatchingScope(on ? list.listQueryString : null)}
              onClear={() => {
                setAllMatchingScope(null);
                selection.clear();
              }}
              onDismissFailures={actions.bulk.dismissFailures}
              labelling={actions.bulkLabels.running}
              onLabel={(label, mode) =>
                void actions.bulkLabels.run(label, mode, bulkTarget()).then(afterBulk)
              }
              onRun={(action) => void actions.bulk.run(action, bulkTarget()).then(afterBulk)}
            />
          </div>
          <NewConversationsBanner
            newRows={fresh.newRows}
            busy={fresh.refreshing}
            onShow={fresh.showNewRows}
          />
          <div className="min-h-0 flex-1 overflow-auto px-4 pt-2" data-testid="list-scroller">
            <div className="mb-2 empty:hidden">
              <ListNotices
                notices={data.notices}
                onRetry={() => void data.query.refetch()}
                retrying={data.query.isFetching}
                onSync={(connectionId) => syncNow(connectionId)}
                syncing={syncing}
              />
            </div>
            {data.emptyReason ? (
              <ListEmptyState
                reason={data.emptyReason}
                onRetry={() => void data.query.refetch()}
                onResetFilters={() => void list.setFilters(clearedFilters)}
                onFirstPage={() => void list.setCursor(null)}
              />
            ) : (
              <ConversationTable
                rows={rows}
                caption={`${heading}: conversations${data.position ? `, page ${data.position.page}` : ""}`}
                sort={params.sort}
                rowSelection={selection.rowSelection}
                onRowSelectionChange={selection.onRowSelectionChange}
                meta={meta}
                openKey={openKey}
                loading={data.loading}
                busy={data.busy}
                skeletonRows={Math.min(params.limit, 12)}
                registerRow={cursor.registerRow}
                onCursorChange={(index) => cursor.moveTo(index)}
              />
            )}
          </div>
          <div className="border-t px-4 py-2">
            <PaginationBar
              position={data.position}
              loading={data.loading}
              hasCursor={params.cursor !== null}
              rowCount={rows.length}
              limit={params.limit}
              total={data.total}
              hasNext={data.nextCursor !== null}
              disabled={data.loading || data.busy}
              onNext={() => data.goNext((next) => void list.setCursor(next))}
              onPrevious={(previous) => void list.setCursor(previous)}
              onLimitChange={(limit) => void list.setLimit(limit)}
              onPrefetchNext={data.prefetchNext}
            />
            <ListCostFooter params={params} />
          </div>
        </div>
        {openTarget && split ? (
          <ConversationPanel
            mode="split"
            connectionId={openTarget.connectionId}
            conversationId={openTarget.conversationId}
            conversation={openRow}
            onClose={close}
          />
        ) : null}
      </div>
      {openTarget && !split ? (
        <ConversationPanel
          mode="sheet"
          connectionId={openTarget.connectionId}
          conversationId={openTarget.conversationId}
          conversation={openRow}
          onClose={close}
        />
      ) : null}
      <ListDialogs
        dialog={dialog}
        onDialogChange={setDialog}
        view={params.view}
        onView={(view) => void list.setView(view)}
        connections={facets.connectionOptions.map((option) => ({ id: option.value, name: option.label }))}
        onConnection={(connectionId) =>
          void list.setFilters({ connection: connectionId ? [connectionId] : [] })
        }
        current={current ? { conversation: current, name: conversationName(current) } : null}
        onAction={(action) => handlers[action]()}
        conversations={rows.map((row) => ({
          key: rowKey(row),
          name: conversationName(row),
          conversation: row,
        }))}
        onOpenConversation={open}
        savedViews={[...(savedViews.data?.personal ?? []), ...(savedViews.data?.shared ?? [])]}
        onSavedView={(href) => router.push(href)}
      />
    </div>
  );
}
