"use client";
/**
 * Export what the list filters (every page, not only this one) as CSV or JSON Lines. While the
 * file streams in, the rows received so far are announced and Cancel stops it (the server then
 * records a cancelled export). Hidden when an admin restricted exports to admins.
 *
 * The Costs page reuses it for a breakdown row (`label`: an icon button named after the group, with
 * "Export these conversations as …" items) and for its whole filter (one format: one button).
 */
import { DownloadIcon, XIcon } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { useActor } from "@/components/shell/actor-context";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Spinner } from "@/components/ui/spinner";
import { fetchExport, saveBlob } from "@/lib/client/exports";
import { useSettings } from "@/lib/client/saved-views";
import type { ExportFormat } from "@/lib/model/export";

const formatLabels: Record<ExportFormat, string> = { csv: "CSV", jsonl: "JSON Lines" };
const allFormats = Object.keys(formatLabels) as ExportFormat[];

export function ExportMenu({
  listQuery,
  total,
  label,
  text = "Export",
  itemText = "Export as",
  formats = allFormats,
}: {
  listQuery: string;
  total: number | null;
  /** With it, the trigger is an icon button with this accessible name. */
  label?: string;
  /** The trigger's text (without `label`). */
  text?: string;
  /** The menu items' text before the format's name. */
  itemText?: string;
  /** One format: the trigger starts it at once, without a menu. */
  formats?: readonly ExportFormat[];
}) {
  const actor = useActor();
  const settings = useSettings();
  const [running, setRunning] = useState<{ format: ExportFormat; rows: number } | null>(null);
  const abort = useRef<AbortController | null>(null);

  if (actor.role !== "admin" && settings.data?.exportAdminsOnly !== false) return null;

  const start = async (format: ExportFormat) => {
    const controller = new AbortController();
    abort.current = controller;
    setRunning({ format, rows: 0 });
    try {
      const result = await fetchExport(format, listQuery, {
        signal: controller.signal,
        onRows: (rows) => setRunning({ format, rows }),
      });
      saveBlob(result.blob, result.fileName);
      toast.success(`Exported ${result.rows.toLocaleString()} conversations as ${formatLabels[format]}.`);
    } catch (error) {
      if (controller.signal.aborted) toast("Export cancelled.");
      else toast.error(error instanceof Error ? error.message : "The export failed.");
    } finally {
      abort.current = null;
      setRunning(null);
    }
  };

  if (running)
    return (
      <div className="flex items-center gap-2 text-sm">
        <Spinner />
        <span role="status" aria-live="polite" data-testid="export-progress">
          Exporting {formatLabels[running.format]}: {running.rows.toLocaleString()}
          {total !== null ? ` of ${total.toLocaleString()}` : ""} rows received
        </span>
        <Button variant="outline" size="sm" onClick={() => abort.current?.abort()}>
          <XIcon aria-hidden="true" /> Cancel export
        </Button>
      </div>
    );

  const only = formats.length === 1 ? formats[0] : undefined;
  const trigger = (
    <Button
      variant={label ? "ghost" : "outline"}
      size={label ? "icon-sm" : "sm"}
      aria-label={label}
      title={label}
      onClick={only ? () => void start(only) : undefined}
    >
      <DownloadIcon aria-hidden="true" />
      {label ? null : ` ${text}`}
    </Button>
  );
  if (only) return trigger;

  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>{trigger}</DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        {formats.map((format) => (
          <DropdownMenuItem key={format} onSelect={() => void start(format)}>
            {itemText} {formatLabels[format]}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
