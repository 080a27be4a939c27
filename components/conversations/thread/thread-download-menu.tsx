"use client";
/** Download the whole thread as Markdown or JSON, from the thread's header (built and audited by the server). */
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
import { fetchThreadDownload } from "@/lib/client/thread-download";
import type { ConversationDetail } from "@/lib/model/conversation";
import type { ThreadExportFormat } from "@/lib/model/export";

export function ThreadDownloadMenu({ conversation }: { conversation: ConversationDetail }) {
  const [busy, setBusy] = useState(false);
  const download = async (format: ThreadExportFormat) => {
    setBusy(true);
    try {
      const file = await fetchThreadDownload(conversation.connectionId, conversation.id, format);
      saveBlob(file.blob, file.fileName);
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
