"use client";
/**
 * Who may export conversations, on the Users page beside the roles it applies to: staff and admins
 * by default, or admins only. The change applies at once and is audited.
 */
import { DownloadIcon } from "lucide-react";
import { toast } from "sonner";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { useSettings, useUpdateSettings } from "@/lib/client/saved-views";
import { errorText } from "../form-error";

export function ExportSetting() {
  const settings = useSettings();
  const update = useUpdateSettings();
  const checked = settings.data?.exportAdminsOnly ?? false;
  return (
    <section aria-labelledby="export-setting-heading" className="rounded-lg border p-4">
      <h2 id="export-setting-heading" className="flex items-center gap-2 text-sm font-semibold">
        <DownloadIcon className="size-4" aria-hidden /> Exports
      </h2>
      <div className="mt-3 flex items-center gap-3">
        <Switch
          id="export-admins-only"
          checked={checked}
          disabled={!settings.isSuccess || update.isPending}
          aria-describedby="export-admins-only-hint"
          onCheckedChange={(value) =>
            update.mutate(
              { exportAdminsOnly: value },
              {
                onSuccess: () =>
                  toast.success(value ? "Only admins can export now." : "Staff can export again."),
                onError: (error) => toast.error(errorText(error)),
              },
            )
          }
        />
        <Label htmlFor="export-admins-only">Only admins may export conversations</Label>
      </div>
      <p id="export-admins-only-hint" className="text-muted-foreground mt-2 text-xs">
        Exports (CSV and JSON Lines from the conversation list) are recorded in the audit log. When this is
        on, staff do not see the Export menu and the server refuses their exports.
      </p>
    </section>
  );
}
