"use client";
/**
 * The date range filter: two native date fields, From and To (calendar days, inclusive), in a
 * popover. A complete date updates the URL at once; a range whose start is after its end is
 * flagged on the field and not sent (the API would refuse it).
 */
import { CalendarIcon, ChevronDownIcon, TriangleAlertIcon } from "lucide-react";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import type { FilterAvailability } from "./filter-support";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DateRangeFilterProps {
  from: string | null;
  to: string | null;
  onChange: (range: { from: string | null; to: string | null }) => void;
  availability?: FilterAvailability;
}

export function DateRangeFilter({ from, to, onChange, availability }: DateRangeFilterProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState({ from: from ?? "", to: to ?? "" });
  const [synced, setSynced] = useState({ from, to });
  // Follow the URL when it changes from elsewhere (Back, chips, Reset all).
  if (synced.from !== from || synced.to !== to) {
    setSynced({ from, to });
    setDraft({ from: from ?? "", to: to ?? "" });
  }
  const disabled = availability?.state === "none" && !from && !to;
  const reversed = DATE.test(draft.from) && DATE.test(draft.to) && draft.from > draft.to;
  const active = Boolean(from || to);

  function update(field: "from" | "to", value: string) {
    const next = { ...draft, [field]: value };
    setDraft(next);
    const complete = (text: string) => text === "" || DATE.test(text);
    if (!complete(next.from) || !complete(next.to)) return;
    if (next.from && next.to && next.from > next.to) return;
    onChange({ from: next.from || null, to: next.to || null });
  }

  return (
    <Popover open={open} onOpenChange={(next) => setOpen(next && !disabled)}>
      <PopoverTrigger asChild>
        <Button
          variant="outline"
          size="sm"
          aria-label={active ? `Date filter (${from ?? "any"} to ${to ?? "any"})` : "Date filter"}
          aria-disabled={disabled || undefined}
          aria-describedby={availability?.message ? `${id}-description` : undefined}
          title={availability?.message ?? undefined}
          className={disabled ? "cursor-not-allowed opacity-60" : undefined}
        >
          <CalendarIcon aria-hidden="true" />
          Date
          {active ? (
            <Badge variant="info" className="px-1.5">
              {from ?? "…"} – {to ?? "…"}
            </Badge>
          ) : null}
          {availability?.state === "some" ? (
            <TriangleAlertIcon aria-hidden="true" className="text-warning" />
          ) : null}
          <ChevronDownIcon aria-hidden="true" className="opacity-60" />
        </Button>
      </PopoverTrigger>
      {availability?.message ? (
        <span id={`${id}-description`} className="sr-only">
          {availability.message}
        </span>
      ) : null}
      <PopoverContent align="start" className="w-72" aria-label="Date range filter">
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-1 text-sm font-medium">Last activity between</legend>
          {availability?.message ? (
            <p className="text-muted-foreground text-xs">{availability.message}</p>
          ) : null}
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-from`}>From</Label>
            <Input
              id={`${id}-from`}
              type="date"
              value={draft.from}
              max={draft.to || undefined}
              aria-invalid={reversed || undefined}
              aria-describedby={reversed ? `${id}-error` : undefined}
              onChange={(event) => update("from", event.target.value)}
            />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={`${id}-to`}>To</Label>
            <Input
              id={`${id}-to`}
              type="date"
              value={draft.to}
              min={draft.from || undefined}
              aria-invalid={reversed || undefined}
              aria-describedby={reversed ? `${id}-error` : undefined}
              onChange={(event) => update("to", event.target.value)}
            />
          </div>
          {reversed ? (
            <p id={`${id}-error`} role="alert" className="text-destructive text-xs">
              From must not be after To.
            </p>
          ) : null}
          {active ? (
            <Button variant="ghost" size="sm" onClick={() => onChange({ from: null, to: null })}>
              Clear dates
            </Button>
          ) : null}
        </fieldset>
      </PopoverContent>
    </Popover>
  );
}
