"use client";
/**
 * The list's one review key: `n` opens the first unreviewed conversation of the current filtered
 * list beside it (the open conversation then owns the review keys, so this is off while one is open).
 */
import { toast } from "sonner";
import { reviewShortcutById } from "@/components/conversations/keyboard/shortcuts";
import type { ListParams } from "@/lib/client/conversation-queries";
import { findNextUnreviewed } from "@/lib/client/review";
import { useHotkeys } from "@/lib/hooks/use-hotkeys";

export function useListReviewKey({
  params,
  enabled,
  blocked,
  open,
}: {
  params: ListParams;
  enabled: boolean;
  blocked: () => boolean;
  open: (target: { connectionId: string; id: string }) => void;
}): void {
  const next = async () => {
    try {
      const target = await findNextUnreviewed(params, null);
      if (target) open({ connectionId: target.connectionId, id: target.conversationId });
      else toast("Nothing left to review in this list.");
    } catch (error) {
      toast.error("Could not find a conversation to review", {
        description: error instanceof Error ? error.message : undefined,
      });
    }
  };
  const map = Object.fromEntries(
    reviewShortcutById("nextUnreviewed").keys.map((key) => [
      key,
      () => (blocked() ? undefined : void next()),
    ]),
  );
  useHotkeys(map, { enabled });
}
