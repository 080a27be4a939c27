"use client";
/** Download the whole thread as Markdown or JSON, from the thread's header. */
import { DownloadIcon } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { saveBlob } from "@/lib/client/exports";
import { fetchWholeThread, threadFileName, threadJson, threadMarkdown } from "@/lib/client/thread-download";
import type { ConversationDetail } from "@/lib/model/conversation";

type Format = "md" | "json";

export function ThreadDownloadMenu({ conversation }: { conversation: ConversationDetail }) {
  const [busy, setBusy] = useState(false);
  const download = async (format: Format) => {
    setBusy(true);
    try {
      const { conversation: detail, messages } = await fetchWholeThread(
        conversation.connectionId,
        conversation.id,
      );
      const url = `${window.location.origin}/conversations/${encodeURIComponent(detail.connectionId)}/${encodeURIComponent(detail.id)}`;
      const text =
        format === "md" ? threadMarkdown(detail, messages, url) : threadJson(detail, messages, url);
      const type = format === "md" ? "text/markdown;charset=utf-8" : "application/json;charset=utf-8";
      saveBlob(new Blob([text], { type }), threadFileName(detail, format));
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The download failed.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon-sm" aria-label="Download conversation" disabled={busy}>
          <DownloadIcon aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={() => void download("md")}>Download as Markdown</DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void download("json")}>Download as JSON</DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
