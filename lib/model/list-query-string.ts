/**
 * The canonical query string of a list state (view, connection, filters, search, sort): what a
 * saved view stores and what its link is. Parameters outside that state (cursor, page size, the
 * open conversation) and default values are dropped; list values are merged, de-duplicated and
 * joined with commas, as the list's URL state writes them. Zod-free, so the browser can compare
 * the current URL with a saved view.
 */
import { filterDefinitions, filterKeys } from "./filter-labels";

/** The longest name of a saved view (here, zod-free, for the browser's form). */
export const SAVED_VIEW_NAME_MAX = 80;

/** Every parameter a list state has, in the order the canonical string writes them. */
export const listStateParams = [
  "view",
  "connection",
  ...filterKeys.flatMap((key) => filterDefinitions[key].params),
  "sort",
] as const;

const singleValued = new Set<string>(["view", "sort", "from", "to", "q"]);
const defaults: Record<string, string> = { view: "inbox", sort: "recent" };

/** `search` as a URL query string (`?` optional) or parameters; answers the canonical string without `?`. */
export function canonicalListQuery(search: string | URLSearchParams): string {
  const input = typeof search === "string" ? new URLSearchParams(search.replace(/^\?/, "")) : search;
  const output = new URLSearchParams();
  for (const param of listStateParams) {
    const values = input.getAll(param);
    if (values.length === 0) continue;
    if (singleValued.has(param)) {
      const value = (values[0] ?? "").trim();
      if (value !== "" && value !== defaults[param]) output.set(param, value);
      continue;
    }
    const items = [
      ...new Set(
        values
          .flatMap((value) => value.split(","))
          .map((item) => item.trim())
          .filter(Boolean),
      ),
    ];
    if (items.length > 0) output.set(param, items.join(","));
  }
  return output.toString();
}

/** The list page's address for a canonical query string. */
export function listHref(query: string): string {
  return query ? `/conversations?${query}` : "/conversations";
}
