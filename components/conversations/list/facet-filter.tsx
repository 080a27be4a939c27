"use client";
/**
 * One multi-value filter of the toolbar (connection, channel type, channel, responder, version,
 * status): a button that opens a popover of checkboxes. A filter no selected connection can apply
 * stays focusable but `aria-disabled`, with the reason as its description and tooltip; one that
 * some connections cannot apply shows which will be left out.
 */
import { UntrustedText } from "@/components/ui/untrusted-text";
import { ChevronDownIcon, TriangleAlertIcon } from "lucide-react";
import { useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { FilterAvailability, FilterOption } from "./filter-support";

/** Above this many options the popover offers a text box to narrow them. */
const FIND_THRESHOLD = 8;

export interface FacetFilterProps {
  label: string;
  options: FilterOption[];
  selected: string[];
  onChange: (values: string[]) => void;
  availability?: FilterAvailability;
  loading?: boolean;
}

export function FacetFilter({
  label,
  options,
  selected,
  onChange,
  availability,
  loading = false,
}: FacetFilterProps) {
  const [open, setOpen] = useState(false);
  const [find, setFind] = useState("");
  const baseId = useId();
  const descriptionId = `${baseId}-description`;
  const disabled = availability?.state === "none" && selected.length === 0;
  const message = availability?.message ?? null;
  const needle = find.trim().toLocaleLowerCase();
  const shown = needle
    ? options.filter((option) =>
        `${option.label} ${option.detail ?? ""}`.toLocaleLowerCase().includes(needle),
      )
    : options;
  // Values in the URL that the facets no longer list stay visible, so they can be unticked.
  const orphans = selected.filter((value) => !options.some((option) => option.value === value));

  function toggle(value: string, checked: boolean) {
    onChange(checked ? [...selected, value] : selected.filter((item) => item !== value));
  }

  const trigger = (
    <PopoverTrigger asChild>
      <Button
        variant="outline"
        size="sm"
        aria-label={`${label} filter${selected.length > 0 ? ` (${selected.length} selected)` : ""}`}
        aria-disabled={disabled || undefined}
        aria-describedby={message ? descriptionId : undefined}
        className={disabled ? "cursor-not-allowed opacity-60" : undefined}
      >
        {label}
        {selected.length > 0 ? (
          <Badge variant="info" className="px-1.5">
            {selected.length}
          </Badge>
        ) : null}
        {availability?.state === "some" ? (
          <TriangleAlertIcon aria-hidden="true" className="text-warning" />
        ) : null}
        <ChevronDownIcon aria-hidden="true" className="opacity-60" />
      </Button>
    </PopoverTrigger>
  );

  return (
    <Popover open={open} onOpenChange={(next) => setOpen(next && !disabled)}>
      {message ? (
        <Tooltip>
          <TooltipTrigger asChild>{trigger}</TooltipTrigger>
          <TooltipContent>{message}</TooltipContent>
        </Tooltip>
      ) : (
        trigger
      )}
      {message ? (
        <span id={descriptionId} className="sr-only">
          {message}
        </span>
      ) : null}
      <PopoverContent align="start" className="w-72 p-0" aria-label={`${label} filter`}>
        <fieldset className="flex flex-col">
          <legend className="sr-only">{label}</legend>
          {message ? (
            <p className="text-muted-foreground border-b px-3 py-2 text-xs" data-testid="filter-hint">
              {message}
            </p>
          ) : null}
          {options.length > FIND_THRESHOLD ? (
            <div className="border-b p-2">
              <Input
                aria-label={`Find ${label.toLowerCase()}`}
                placeholder={`Find ${label.toLowerCase()}…`}
                value={find}
                onChange={(event) => setFind(event.target.value)}
                className="h-8"
              />
            </div>
          ) : null}
          <ul className="max-h-72 overflow-y-auto p-1">
            {[
              ...orphans.map((value) => ({ value, label: value, detail: "not in this selection" })),
              ...shown,
            ].map((option, index) => {
              const id = `${baseId}-option-${index}`;
              return (
                <li
                  key={option.value}
                  className="hover:bg-accent flex items-center gap-2 rounded-sm px-2 py-1.5"
                >
                  <Checkbox
                    id={id}
                    checked={selected.includes(option.value)}
                    onCheckedChange={(checked) => toggle(option.value, checked === true)}
                  />
                  <Label htmlFor={id} className="min-w-0 flex-1 cursor-pointer font-normal">
                    <UntrustedText text={option.label} className="truncate" />
                    {option.detail ? (
                      <span className="text-muted-foreground ml-auto shrink-0 text-xs">{option.detail}</span>
                    ) : null}
                  </Label>
                </li>
              );
            })}
            {shown.length === 0 && orphans.length === 0 ? (
              <li className="text-muted-foreground px-2 py-3 text-sm">
                {loading
                  ? "Loading options…"
                  : needle
                    ? "No option matches."
                    : "No options for the selected connections."}
              </li>
            ) : null}
          </ul>
          {selected.length > 0 ? (
            <div className="border-t p-1">
              <Button variant="ghost" size="sm" className="w-full" onClick={() => onChange([])}>
                Clear {label.toLowerCase()}
              </Button>
            </div>
          ) : null}
        </fieldset>
      </PopoverContent>
    </Popover>
  );
}
