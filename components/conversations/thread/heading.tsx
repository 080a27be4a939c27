import type { ComponentProps } from "react";

/**
 * A heading whose level depends on where the thread is shown: on its own page the title is the
 * `h1`; embedded beside the list (whose title is the `h1`) everything moves one level down.
 */
export type HeadingLevel = 1 | 2 | 3 | 4;

export function Heading({ level, ...props }: ComponentProps<"h2"> & { level: HeadingLevel }) {
  const Tag = (["h1", "h2", "h3", "h4"] as const)[level - 1] ?? "h4";
  return <Tag {...props} />;
}
