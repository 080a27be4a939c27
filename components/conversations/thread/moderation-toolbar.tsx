"use client";
/**
 * The thread's moderation buttons: Important (a toggle), Archive/Unarchive, Rename, Move to
 * trash/Restore and, for admins on connections that support it, Delete at provider. Each says
 * where its flag lives. All changes go through `useModeration()` (optimistic, rolled back with
 * the provider's reason, undoable).
 */
import {
  ArchiveIcon,
  ArchiveRestoreIcon,
  PencilIcon,
  StarIcon,
  Trash2Icon,
  TrashIcon,
  Undo2Icon,
} from "lucide-react";
import type { Ref } from "react";
import { providerLabels } from "@/lib/model/constants";
import type { ConversationDetail } from "@/lib/model/conversation";
import { flagHomeLabel } from "./flag-homes";
import { ModerationButton } from "./moderation-button";
import { threadShortcuts } from "./thread-shortcuts";

export type ModerationCommand = "important" | "archive" | "rename" | "trash";

export interface ModerationToolbarProps {
  conversation: ConversationDetail;
  onCommand: (command: ModerationCommand) => void;
  /** Shown only when set: the kind of delete the connection supports (admins only). */
  deleteKind: "hard" | "soft" | null;
  onDelete: () => void;
  renameButtonRef: Ref<HTMLButtonElement>;
}

export function ModerationToolbar({
  conversation,
  onCommand,
  deleteKind,
  onDelete,
  renameButtonRef,
}: ModerationToolbarProps) {
  const { flags } = conversation;
  const removed = flags.removedAtProvider;
  return (
    <div role="group" aria-label="Moderation" className="flex flex-wrap items-center gap-1">
      <ModerationButton
        label="Important"
        icon={StarIcon}
        pressed={flags.important}
        description={flagHomeLabel(conversation, "important")}
        shortcut={threadShortcuts.important.key}
        onClick={() => onCommand("important")}
      />
      <ModerationButton
        label={flags.archived ? "Unarchive" : "Archive"}
        icon={flags.archived ? ArchiveRestoreIcon : ArchiveIcon}
        description={flagHomeLabel(conversation, "archived")}
        shortcut={threadShortcuts.archive.key}
        onClick={() => onCommand("archive")}
      />
      <ModerationButton
        ref={renameButtonRef}
        label="Rename"
        icon={PencilIcon}
        description={flagHomeLabel(conversation, "title")}
        shortcut={threadShortcuts.rename.key}
        onClick={() => onCommand("rename")}
      />
      <ModerationButton
        label={flags.trashed ? "Restore" : "Move to trash"}
        icon={flags.trashed ? Undo2Icon : TrashIcon}
        description={flagHomeLabel(conversation, "trashed")}
        shortcut={threadShortcuts.trash.key}
        onClick={() => onCommand("trash")}
      />
      {deleteKind && !removed ? (
        <ModerationButton
          label="Delete at provider…"
          icon={Trash2Icon}
          variant="ghost"
          description={`Done at ${providerLabels[conversation.provider]}; cannot be undone`}
          onClick={onDelete}
        />
      ) : null}
    </div>
  );
}
