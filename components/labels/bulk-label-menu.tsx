"use client";
/**
 * The bulk bar's "Label" menu: put one label on every selected conversation, or take it off.
 */
import { TagIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useLabels } from "@/lib/client/labels";
import type { BulkLabelRequest, Label } from "@/lib/model/labels";
import { LabelChip } from "./label-chip";

export function BulkLabelMenu({
  disabled,
  onPick,
}: {
  disabled: boolean;
  onPick: (label: Label, mode: BulkLabelRequest["mode"]) => void;
}) {
  const labels = useLabels();
  const all = labels.data ?? [];
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" size="sm" className="h-7" disabled={disabled}>
          <TagIcon aria-hidden="true" />
          Label
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="max-h-80 w-56 overflow-y-auto">
        {all.length === 0 ? (
          <DropdownMenuLabel className="text-muted-foreground font-normal">
            No labels yet. An administrator can add some.
          </DropdownMenuLabel>
        ) : (
          <>
            <DropdownMenuLabel>Add label</DropdownMenuLabel>
            {all.map((label) => (
              <DropdownMenuItem key={`add-${label.id}`} onSelect={() => onPick(label, "add")}>
                <span className="sr-only">Add </span>
                <LabelChip name={label.name} colour={label.colour} />
              </DropdownMenuItem>
            ))}
            <DropdownMenuSeparator />
            <DropdownMenuLabel>Remove label</DropdownMenuLabel>
            {all.map((label) => (
              <DropdownMenuItem key={`remove-${label.id}`} onSelect={() => onPick(label, "remove")}>
                <span className="sr-only">Remove </span>
                <LabelChip name={label.name} colour={label.colour} />
              </DropdownMenuItem>
            ))}
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
