"use client";
/**
 * A loaded conversation: header and moderation, review controls, messages, details panel, keyboard
 * shortcuts and Previous / Next (and the review pass's next unreviewed). Moderation goes through `useModeration()` only (optimistic, rollback with the
 * provider's reason, Undo toast, `z` undoes the last change).
 */
import { useQueryClient } from "@tanstack/react-query";
import { PanelRightIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useQueryState, useQueryStates } from "nuqs";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { NotesProvider } from "@/components/notes/notes-context";
import { ReviewControls } from "@/components/review/review-controls";
import { useActor } from "@/components/shell/actor-context";
import { Button } from "@/components/ui/button";
import { providerLabels } from "@/lib/model/constants";
import type { ThreadPage } from "@/lib/model/conversation";
import { conversationKeys, type ListParams } from "@/lib/client/conversation-queries";
import { encodeOpenKey, listSearchParams } from "@/lib/conversations/search-params";
import { findNextUnreviewed } from "@/lib/client/review";
import { useModeration } from "@/lib/client/use-moderation";
import { cn } from "@/lib/utils";
import { DeleteAtProviderDialog } from "./delete-at-provider-dialog";
import { DetailsPanel } from "./details-panel";
import { MessagesPane } from "./messages-pane";
import { ModerationToolbar, type ModerationCommand } from "./moderation-toolbar";
import { ThreadHeader } from "./thread-header";
import { conversationsHref, MESSAGE_PARAM, threadHref } from "./thread-links";
import { useConversationNeighbours, type NeighbourTarget } from "./use-conversation-neighbours";
import { useIsWide } from "./use-is-wide";
import { useThreadHotkeys } from "./use-thread-hotkeys";
import { useThreadMessages } from "./use-thread-messages";

/** From this width on, the details panel sits beside the messages; below it, it overlays them. */
const SIDE_BY_SIDE_MIN_WIDTH = 900;

export interface ThreadConversationProps {
  thread: ThreadPage;
  connectionId: string;
  conversationId: string;
  variant: "page" | "panel";
  onClose?: () => void;
  listParams: ListParams;
  linkedMessageId: string | null;
}

export function ThreadConversation({
  thread,
  connectionId,
  conversationId,
  variant,
  onClose,
  listParams,
  linkedMessageId,
}: ThreadConversationProps) {
  const conversation = thread.conversation;
  const router = useRouter();
  const queryClient = useQueryClient();
  const actor = useActor();
  const isAdmin = actor.role === "admin";
  const deleteKind = isAdmin ? conversation.deleteAtProvider : null;
  const { moderate, undoLast } = useModeration();
  const messages = useThreadMessages(thread, connectionId, conversationId);
  const neighbours = useConversationNeighbours(listParams, connectionId, conversationId);
  const [, setUrlState] = useQueryStates(listSearchParams);
  const [, setLinkedMessage] = useQueryState(MESSAGE_PARAM);

  const [renaming, setRenaming] = useState(false);
  const [deleteOpen, setDeleteOpen] = useState(false);
  const [detailsChoice, setDetailsChoice] = useState<boolean | null>(null);
  const rootRef = useRef<HTMLElement>(null);
  const renameButtonRef = useRef<HTMLButtonElement>(null);
  const detailsButtonRef = useRef<HTMLButtonElement>(null);
  const detailsRef = useRef<HTMLDivElement>(null);
  const wide = useIsWide(rootRef, SIDE_BY_SIDE_MIN_WIDTH);
  const detailsOpen = detailsChoice ?? wide;
  const titleId = useId();
  const detailsId = useId();
  const headingLevel = variant === "page" ? 1 : 2;
  const listHref = conversationsHref(listParams);

  // Opened over the messages (narrow), the details panel takes focus; closing it gives it back.
  useEffect(() => {
    if (detailsChoice === true && !wide) detailsRef.current?.focus();
  }, [detailsChoice, wide]);

  function goTo(target: NeighbourTarget) {
    const params = { ...listParams, cursor: target.cursor };
    if (variant === "page") router.push(threadHref(target.connectionId, target.conversationId, params));
    else {
      // The linked message belongs to the conversation being left.
      void setLinkedMessage(null);
      void setUrlState(
        { open: encodeOpenKey(target.connectionId, target.conversationId), cursor: target.cursor },
        { history: "push" },
      );
    }
  }

  async function go(direction: "previous" | "next") {
    try {
      const target =
        direction === "previous" ? await neighbours.resolvePrevious() : await neighbours.resolveNext();
      if (target) goTo(target);
      else
        toast(
          direction === "previous"
            ? "This is the first conversation in the list."
            : "This is the last conversation in the list.",
        );
    } catch (error) {
      toast.error("Could not load the next page of the list", {
        description: error instanceof Error ? error.message : undefined,
      });
    }
  }

  /** The review pass's `n`: the next unreviewed conversation of the same filtered list. */
  async function nextUnreviewed() {
    try {
      const target = await findNextUnreviewed(listParams, { connectionId, conversationId });
      if (target) goTo({ ...target, cursor: listParams.cursor });
      else toast("Nothing left to review in this list.");
    } catch (error) {
      toast.error("Could not find the next conversation to review", {
        description: error instanceof Error ? error.message : undefined,
      });
    }
  }

  function leave() {
    if (variant === "page") router.push(listHref);
    else onClose?.();
  }

  function run(command: ModerationCommand) {
    const { flags } = conversation;
    if (command === "important") void moderate(conversation, { important: !flags.important });
    else if (command === "archive") void moderate(conversation, { archived: !flags.archived });
    else if (command === "trash") void moderate(conversation, { trashed: !flags.trashed });
    else setRenaming(true);
  }

  function finishRename() {
    setRenaming(false);
    requestAnimationFrame(() => renameButtonRef.current?.focus());
  }

  function saveTitle(title: string) {
    finishRename();
    const next = title === "" ? null : title;
    const unchanged =
      next === null ? conversation.title === conversation.providerTitle : next === conversation.title;
    if (!unchanged) void moderate(conversation, { title: next });
  }

  function onDeleted() {
    toast.success(`Deleted at ${providerLabels[conversation.provider]}`);
    leave();
    void queryClient.invalidateQueries({ queryKey: conversationKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: conversationKeys.viewCounts() });
  }

  const openPanel = useCallback(() => setDetailsChoice(true), []);
  const showMessage = useCallback(
    (messageId: string) => void setLinkedMessage(messageId),
    [setLinkedMessage],
  );
  const loadedMessages = messages.messages;
  const positionOf = useCallback(
    (messageId: string) => {
      const index = loadedMessages.findIndex((message) => message.id === messageId);
      return index === -1 ? null : index + 1;
    },
    [loadedMessages],
  );

  useThreadHotkeys({
    scope: variant === "page" ? "all" : "navigation",
    enabled: !renaming && !deleteOpen,
    onCommand: run,
    onUndo: () => void undoLast(),
    onLeave: leave,
    onPrevious: () => void go("previous"),
    onNext: () => void go("next"),
  });

  return (
    <section
      ref={rootRef}
      aria-labelledby={titleId}
      className="@container relative flex h-full min-h-0 flex-col"
    >
      <ThreadHeader
        conversation={conversation}
        variant={variant}
        headingLevel={headingLevel}
        titleId={titleId}
        listHref={listHref}
        fullPageHref={threadHref(connectionId, conversationId, listParams)}
        onClose={onClose}
        hasPrevious={neighbours.hasPrevious}
        hasNext={neighbours.hasNext}
        onPrevious={() => void go("previous")}
        onNext={() => void go("next")}
        renaming={renaming}
        onRenameSave={saveTitle}
        onRenameCancel={finishRename}
      >
        <div className="flex flex-wrap items-center justify-between gap-2">
          <ModerationToolbar
            conversation={conversation}
            onCommand={run}
            deleteKind={deleteKind}
            onDelete={() => setDeleteOpen(true)}
            renameButtonRef={renameButtonRef}
          />
          <Button
            ref={detailsButtonRef}
            variant="ghost"
            size="sm"
            aria-expanded={detailsOpen}
            aria-controls={detailsOpen ? detailsId : undefined}
            onClick={() => setDetailsChoice(!detailsOpen)}
          >
            <PanelRightIcon aria-hidden /> Details
          </Button>
        </div>
        <ReviewControls
          connectionId={connectionId}
          conversationId={conversationId}
          hotkeysEnabled={!renaming && !deleteOpen}
          onNextUnreviewed={() => void nextUnreviewed()}
        />
      </ThreadHeader>
      <NotesProvider
        connectionId={connectionId}
        conversationId={conversationId}
        onOpenPanel={openPanel}
        onShowMessage={showMessage}
        positionOf={positionOf}
      >
        <div className="relative flex min-h-0 flex-1">
          <MessagesPane
            key={linkedMessageId ?? ""}
            data={messages}
            connectionId={connectionId}
            conversationId={conversationId}
            linkedMessageId={linkedMessageId}
            searchQuery={listParams.q}
          />
          {detailsOpen ? (
            <div
              ref={detailsRef}
              id={detailsId}
              role="region"
              aria-label="Conversation details"
              tabIndex={-1}
              onKeyDown={(event) => {
                if (event.key !== "Escape" || wide) return;
                event.preventDefault();
                setDetailsChoice(false);
                detailsButtonRef.current?.focus();
              }}
              className={cn(
                "overflow-y-auto border-l outline-none",
                wide
                  ? "w-80 shrink-0"
                  : "bg-background absolute inset-y-0 right-0 z-10 w-[min(22rem,100%)] shadow-lg",
              )}
            >
              <DetailsPanel
                conversation={conversation}
                messageTotal={messages.total}
                headingLevel={headingLevel}
              />
            </div>
          ) : null}
        </div>
      </NotesProvider>
      {deleteKind ? (
        <DeleteAtProviderDialog
          conversation={conversation}
          kind={deleteKind}
          open={deleteOpen}
          onOpenChange={setDeleteOpen}
          onDeleted={onDeleted}
        />
      ) : null}
    </section>
  );
}
