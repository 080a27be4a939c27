import * as React from "react";
import { VisuallyHidden as VisuallyHiddenPrimitive } from "radix-ui";

/**
 * Content for assistive technology only (Radix VisuallyHidden): read by screen readers, not shown.
 * Use it for labels that the visual layout makes obvious, e.g. a dialog title with `hideHeader`.
 */
export function VisuallyHidden(props: React.ComponentProps<typeof VisuallyHiddenPrimitive.Root>) {
  return <VisuallyHiddenPrimitive.Root data-slot="visually-hidden" {...props} />;
}
