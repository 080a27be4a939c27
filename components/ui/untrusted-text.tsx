/**
 * Text Parley did not write (provider titles, previews and names, connection names): in its own
 * bidi isolate, so a right-to-left name or a stray override cannot reorder the text around it,
 * with invisible control characters shown as markers (`⟨U+202E⟩`, see `lib/text/reveal-controls.ts`)
 * and, for titles and previews (`plain`), markdown marks dropped. Rendered as React text only.
 *
 * Use `untrustedLabel` for the same text in attributes (aria-label, title) and search values.
 */
import type { ComponentProps } from "react";
import { markdownToPlain } from "@/lib/text/markdown-to-plain";
import { revealControls } from "@/lib/text/reveal-controls";

export interface UntrustedTextOptions {
  /** Drop markdown marks (titles and previews); names are shown as written. */
  plain?: boolean;
}

/** The text as people should see it: controls revealed, markdown dropped when `plain`. */
export function untrustedLabel(text: string, options: UntrustedTextOptions = {}): string {
  return revealControls(options.plain ? markdownToPlain(text) : text);
}

export function UntrustedText({
  text,
  plain = false,
  ...props
}: { text: string; plain?: boolean } & Omit<ComponentProps<"bdi">, "children">) {
  return <bdi {...props}>{untrustedLabel(text, { plain })}</bdi>;
}
