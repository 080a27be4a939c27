"use client";

import { type CSSProperties } from "react";
import { useTheme } from "next-themes";
import { Toaster as Sonner, type ToasterProps } from "sonner";
import { CircleCheckIcon, InfoIcon, Loader2Icon, OctagonXIcon, TriangleAlertIcon } from "lucide-react";

/** Maps next-themes' theme name to the three sonner understands; unknown names follow the system. */
function toSonnerTheme(theme: string | undefined): NonNullable<ToasterProps["theme"]> {
  switch (theme) {
    case "light":
    case "dark":
      return theme;
    default:
      return "system";
  }
}

/** Sonner reads its colours from these custom properties; point them at Parley's tokens. */
const toasterStyle: CSSProperties & Record<`--${string}`, string> = {
  "--normal-bg": "var(--popover)",
  "--normal-text": "var(--popover-foreground)",
  "--normal-border": "var(--border)",
  "--border-radius": "var(--radius)",
};

/**
 * The app's toast outlet (sonner), themed with Parley's tokens and following the light/dark choice.
 * Render it once near the root. Toasts are announced politely; undo toasts should pass an
 * `action: { label: "Undo", onClick }` and a longer `duration`.
 */
export function Toaster(props: ToasterProps) {
  const { theme } = useTheme();
  return (
    <Sonner
      theme={toSonnerTheme(theme)}
      position="bottom-right"
      closeButton
      className="toaster group"
      icons={{
        success: <CircleCheckIcon aria-hidden="true" className="size-4 text-success" />,
        info: <InfoIcon aria-hidden="true" className="size-4 text-primary" />,
        warning: <TriangleAlertIcon aria-hidden="true" className="size-4 text-warning" />,
        error: <OctagonXIcon aria-hidden="true" className="size-4 text-destructive" />,
        loading: <Loader2Icon aria-hidden="true" className="size-4 animate-spin" />,
      }}
      style={toasterStyle}
      toastOptions={{ classNames: { description: "text-muted-foreground!" } }}
      {...props}
    />
  );
}
