/**
 * The one filter registry. Each filter of the conversation list is one entry: its key, label, URL
 * parameters, API schema and facet field. The list API's query schema
 * (`lib/conversations/api-schemas.ts`), the browser's URL state (`lib/conversations/search-params.ts`),
 * the facets and the index's SQL predicates (`lib/index/read/filter-sql.ts`, exhaustive over these
 * keys) are derived from it. Adding a filter means one entry here plus its predicate there.
 *
 * Every filter is answered from the index on every provider: a provider without the field simply
 * has no rows that match.
 *
 * Pure: imports only zod and `lib/model`, so client components may use it.
 */
import { z } from "zod";
import { filterDefinitions, filterKeys, type FilterKey } from "./filter-labels";
import { reviewStates } from "./review-labels";

/** At most this many values per list filter. */
export const MAX_FILTER_VALUES = 50;

/** `a,b` or repeated keys, trimmed, de-duplicated; empty means "no filter". */
export const listValueSchema = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => {
    const raw = value === undefined ? [] : Array.isArray(value) ? value : [value];
    const items = raw
      .flatMap((item) => item.split(","))
      .map((item) => item.trim())
      .filter(Boolean);
    return [...new Set(items)];
  })
  .refine((items) => items.length <= MAX_FILTER_VALUES, `at most ${MAX_FILTER_VALUES} values`)
  .refine((items) => items.every((item) => item.length <= 200), "each value must be at most 200 characters");

/** A calendar date (YYYY-MM-DD) or a full ISO timestamp; normalised to ISO. `to` dates include the whole day. */
function dateBound(endOfDay: boolean) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === "") return undefined;
      const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
      const candidate = dateOnly ? `${value}T${endOfDay ? "23:59:59.999" : "00:00:00.000"}Z` : value;
      const time = Date.parse(candidate);
      if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(time)) {
        context.addIssue({
          code: "custom",
          message: "must be a date such as 2026-01-31 or an ISO timestamp",
        });
        return z.NEVER;
      }
      return new Date(time).toISOString();
    });
}

const searchSchema = z
  .string()
  .trim()
  .max(200, "at most 200 characters")
  .optional()
  .transform((value) => value || undefined);

export {
  facetKeys,
  filterDefinitions,
  filterKeys,
  filterValueLabel,
  type FacetKey,
  type FilterKey,
} from "./filter-labels";

/**
 * `values`: one URL parameter named like the key, a list of exact values.
 * `dateRange`: `from`/`to` on last activity. `text`: the search box (`q`).
 */
type FilterKind = "values" | "dateRange" | "text";

/** A registry entry: the zod-free definition (`filter-labels.ts`) plus the API's schema of each parameter. */

interface FilterDefinition<Params extends string> {
  label: string;
  kind: FilterKind;
  /** The URL (and API) parameters this filter reads. */
  params: readonly Params[];
  api: { [P in Params]: z.ZodType };
  /** Whether the facets offer this filter's values (with counts). */
  facet: boolean;
}

export const filterRegistry = {
  channel: { ...filterDefinitions.channel, api: { channel: listValueSchema } },
  channelType: { ...filterDefinitions.channelType, api: { channelType: listValueSchema } },
  responder: { ...filterDefinitions.responder, api: { responder: listValueSchema } },
  version: { ...filterDefinitions.version, api: { version: listValueSchema } },
  status: { ...filterDefinitions.status, api: { status: listValueSchema } },
  /** Label ids; a conversation matches when it carries any of them. */
  label: { ...filterDefinitions.label, api: { label: listValueSchema } },
  /** User ids, `me` (the caller, resolved by the route) or `none` (unassigned). */
  assignee: { ...filterDefinitions.assignee, api: { assignee: listValueSchema } },
  /** `unreviewed` (also a conversation never touched), `in_review`, `reviewed`. */
  reviewState: {
    ...filterDefinitions.reviewState,
    api: {
      reviewState: listValueSchema.refine(
        (items) => items.every((item) => (reviewStates as readonly string[]).includes(item)),
        "each value must be one of unreviewed, in_review, reviewed",
      ),
    },
  },
  owner: { ...filterDefinitions.owner, api: { owner: listValueSchema } },
  dateRange: { ...filterDefinitions.dateRange, api: { from: dateBound(false), to: dateBound(true) } },
  search: { ...filterDefinitions.search, api: { q: searchSchema } },
} as const satisfies { [K in FilterKey]: FilterDefinition<(typeof filterDefinitions)[K]["params"][number]> };

export const filterKeySchema = z.enum(filterKeys as [FilterKey, ...FilterKey[]]);

/** The `values` filters (one list parameter each, named like the filter). */
export const valueFilterKeys = filterKeys.filter(
  (key): key is Exclude<FilterKey, "dateRange" | "search"> => filterRegistry[key].kind === "values",
);
export type ValueFilterKey = (typeof valueFilterKeys)[number];

type ApiShape = {
  [K in FilterKey]: (typeof filterRegistry)[K]["api"];
}[FilterKey];
type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void
  ? I
  : never;

/** Every filter's API parameters, for `z.object({...filterApiShape})`. */
export const filterApiShape = Object.assign(
  {},
  ...filterKeys.map((key) => filterRegistry[key].api),
) as UnionToIntersection<ApiShape>;

/** Every URL parameter a filter reads, in registry order. */
export const filterParams = filterKeys.flatMap((key) => filterRegistry[key].params);
