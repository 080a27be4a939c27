"use client";
/** A list row's labels as chips, named from the one label set (so a rename shows at once). */
import { useLabels } from "@/lib/client/labels";
import { LabelChip } from "./label-chip";

export function RowLabels({ labelIds }: { labelIds: readonly string[] | undefined }) {
  const labels = useLabels();
  if (!labelIds || labelIds.length === 0) return null;
  const shown = (labels.data ?? []).filter((label) => labelIds.includes(label.id));
  if (shown.length === 0) return null;
  return (
    <span className="flex flex-wrap gap-1" aria-label="Labels">
      {shown.map((label) => (
        <LabelChip key={label.id} name={label.name} colour={label.colour} />
      ))}
    </span>
  );
}
