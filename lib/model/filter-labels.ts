/**
 * The filter registry's zod-free half, for client components (which must not load zod): each
 * filter's key, label and URL parameters, and the labels of filter values shown both as facet
 * options and in list cells, so the two never disagree. `filters.ts` adds the API schemas.
 */
export const filterDefinitions = {
  channel: { label: "Channel", kind: "values", params: ["channel"], facet: true },
  channelType: { label: "Channel type", kind: "values", params: ["channelType"], facet: true },
  responder: { label: "Responder", kind: "values", params: ["responder"], facet: true },
  version: { label: "Version", kind: "values", params: ["version"], facet: true },
  status: { label: "Status", kind: "values", params: ["status"], facet: true },
  label: { label: "Label", kind: "values", params: ["label"], facet: true },
  assignee: { label: "Assignee", kind: "values", params: ["assignee"], facet: true },
  reviewState: { label: "Review", kind: "values", params: ["reviewState"], facet: true },
  owner: { label: "Contact", kind: "values", params: ["owner"], facet: false },
  dateRange: { label: "Last activity", kind: "dateRange", params: ["from", "to"], facet: false },
  search: { label: "Search", kind: "text", params: ["q"], facet: false },
} as const;

export type FilterKey = keyof typeof filterDefinitions;
export const filterKeys = Object.keys(filterDefinitions) as FilterKey[];

/** The facet fields: the filters whose values the toolbar offers as options, with counts. */
export const facetKeys = [
  "channel",
  "channelType",
  "responder",
  "version",
  "status",
  "label",
  "assignee",
  "reviewState",
] as const satisfies readonly FilterKey[];
export type FacetKey = (typeof facetKeys)[number];

/**
 * Labels of values shown both as facet options and in list cells, so the two never disagree. A
 * value without an entry is shown in sentence case.
 */
const valueLabels: Partial<Record<FilterKey, Readonly<Record<string, string>>>> = {
  channelType: {
    widget: "Web widget",
    waha: "WhatsApp (WAHA)",
    whatsapp: "WhatsApp",
    instagram: "Instagram",
    api: "API",
    web: "Web",
    voice: "Voice",
  },
  assignee: { me: "Me", none: "Nobody" },
  reviewState: { unreviewed: "Unreviewed", in_review: "In review", reviewed: "Reviewed" },
  status: {
    in_progress: "In progress",
    ended: "Ended",
    error: "Error",
    active: "Active",
    completed: "Completed",
    open: "Ticket open",
    pending: "Ticket pending",
    closed: "Ticket closed",
  },
};

function sentenceCase(value: string): string {
  const spaced = value.replace(/[_-]+/g, " ").trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/**
 * The label of a filter value. `name` is what the provider calls it (a channel's or responder's
 * name), used where the value is an id.
 */
export function filterValueLabel(key: FilterKey, value: string, name?: string | null): string {
  const known = valueLabels[key]?.[value];
  if (known) return known;
  if (name) return name;
  return key === "channelType" || key === "status" ? sentenceCase(value) : value;
}
