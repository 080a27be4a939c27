"use client";
/**
 * A moderation button whose tooltip and accessible description say where the flag lives
 * ("Stored in Chatling" / "Stored in Parley") and which key does the same.
 */
import type { LucideIcon } from "lucide-react";
import { useId, type Ref } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Kbd } from "@/components/ui/kbd";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";

export interface ModerationButtonProps {
  label: string;
  icon: LucideIcon;
  /** "Stored in …", or another sentence describing the effect. */
  description: string;
  shortcut?: string;
  /** Set for toggles (Important): announced as a pressed state. */
  pressed?: boolean;
  variant?: ButtonProps["variant"];
  disabled?: boolean;
  onClick: () => void;
  ref?: Ref<HTMLButtonElement>;
}

export function ModerationButton({
  label,
  icon: Icon,
  description,
  shortcut,
  pressed,
  variant = "outline",
  disabled,
  onClick,
  ref,
}: ModerationButtonProps) {
  const descriptionId = useId();
  return (
    <>
      <Tooltip>
        <TooltipTrigger asChild>
          <Button
            ref={ref}
            variant={variant}
            size="sm"
            aria-label={label}
            aria-pressed={pressed}
            aria-describedby={descriptionId}
            aria-keyshortcuts={shortcut}
            disabled={disabled}
            onClick={onClick}
            className="aria-pressed:bg-accent aria-pressed:text-accent-foreground"
          >
            <Icon aria-hidden className={pressed ? "fill-current" : undefined} />
            <span className="hidden @xl:inline">{label}</span>
          </Button>
        </TooltipTrigger>
        <TooltipContent>
          <span className="flex items-center gap-2">
            {label}
            {shortcut ? <Kbd>{shortcut}</Kbd> : null}
          </span>
          <span className="block opacity-80">{description}</span>
        </TooltipContent>
      </Tooltip>
      <span id={descriptionId} className="sr-only">
        {description}
      </span>
    </>
  );
}
