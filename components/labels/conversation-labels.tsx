"use client";
/**
 * A conversation's labels as chips, with a picker to put labels on it or take them off. Labels
 * are Parley's own data: nothing here goes to the provider.
 */
import { TagIcon } from "lucide-react";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { useChangeConversationLabels, useConversationLabels, useLabels } from "@/lib/client/labels";
import { LabelChip } from "./label-chip";

export function ConversationLabels({
  connectionId,
  conversationId,
}: {
  connectionId: string;
  conversationId: string;
}) {
  const labels = useLabels();
  const current = useConversationLabels(connectionId, conversationId);
  const setLabels = useChangeConversationLabels(connectionId, conversationId);
  const baseId = useId();
  const all = labels.data ?? [];
  // While a change is saving, show it (the picker reflects the click at once).
  const pending = setLabels.isPending ? setLabels.variables : undefined;
  const ids = [...(current.data ?? []), ...(pending?.add ?? [])].filter(
    (id) => !(pending?.remove ?? []).includes(id),
  );
  const carried = all.filter((label) => ids.includes(label.id));
  const toggle = (id: string, on: boolean) => setLabels.mutate(on ? { add: [id] } : { remove: [id] });
  return (
    <div className="flex flex-wrap items-center gap-1" aria-label="Labels" role="group">
      {carried.map((label) => (
        <LabelChip key={label.id} name={label.name} colour={label.colour} />
      ))}
      <Popover>
        <PopoverTrigger asChild>
          <Button variant="ghost" size="sm" className="h-6 px-2 text-xs">
            <TagIcon aria-hidden /> {carried.length ? "Edit labels" : "Add label"}
          </Button>
        </PopoverTrigger>
        <PopoverContent align="start" aria-label="Labels of this conversation" className="w-64 p-2">
          {all.length === 0 ? (
            <p className="text-muted-foreground p-1 text-sm">No labels yet. An administrator can add some.</p>
          ) : (
            <ul className="max-h-72 space-y-1 overflow-y-auto">
              {all.map((label) => {
                const id = `${baseId}-${label.id}`;
                return (
                  <li key={label.id} className="flex items-center gap-2 rounded px-1 py-0.5">
                    <Checkbox
                      id={id}
                      checked={ids.includes(label.id)}
                      disabled={setLabels.isPending || current.isPending}
                      onCheckedChange={(checked) => toggle(label.id, checked === true)}
                    />
                    <label htmlFor={id} className="min-w-0 flex-1 cursor-pointer">
                      <LabelChip name={label.name} colour={label.colour} />
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
          {setLabels.isError ? (
            <p role="alert" className="text-destructive mt-2 text-xs">
              {setLabels.error.message}
            </p>
          ) : null}
        </PopoverContent>
      </Popover>
    </div>
  );
}
