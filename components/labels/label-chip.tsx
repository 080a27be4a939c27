import type { LabelColour } from "@/lib/model/label-colours";

/** Each palette name as a theme variable (the chart colours, checked for contrast in globals.css). */
export const labelColourVariables: Record<LabelColour, string> = {
  gray: "var(--muted-foreground)",
  blue: "var(--chart-1)",
  teal: "var(--chart-2)",
  orange: "var(--chart-3)",
  purple: "var(--chart-4)",
  amber: "var(--chart-5)",
};

/** A label as a chip: a dot of its colour and its name (plain text, never HTML). */
export function LabelChip({ name, colour }: { name: string; colour: LabelColour }) {
  return (
    <span className="bg-background inline-flex max-w-48 items-center gap-1 rounded-full border px-2 py-0.5 text-xs">
      <span
        aria-hidden
        className="size-2 shrink-0 rounded-full"
        style={{ background: labelColourVariables[colour] }}
      />
      <span className="truncate">{name}</span>
    </span>
  );
}
