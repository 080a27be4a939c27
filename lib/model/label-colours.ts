/**
 * The label palette: theme colour names (the UI maps each to a theme variable). Zod-free, so
 * client components may use it; `labels.ts` builds the API schemas on it.
 */
export const labelColours = ["gray", "blue", "teal", "orange", "purple", "amber"] as const;
export type LabelColour = (typeof labelColours)[number];
