"use client";
/** A small group of pressed/unpressed buttons choosing one value (a view, a metric, a stack). */
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils";

export function Segmented<Value extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: Value;
  options: readonly { value: Value; label: string }[];
  onChange: (value: Value) => void;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className="bg-muted/40 inline-flex flex-wrap rounded-md border p-0.5"
    >
      {options.map((option) => (
        <Button
          key={option.value}
          variant="ghost"
          size="sm"
          aria-pressed={value === option.value}
          className={cn("h-7", value === option.value && "bg-background shadow-xs")}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </Button>
      ))}
    </div>
  );
}
