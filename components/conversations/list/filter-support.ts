/**
 * Which connections have a filter's field, from the facets' per-connection presence
 * (`present | absent`), and the filter options merged across connections.
 *
 * Every filter is answered from the index; a connection whose rows lack the field has no rows
 * that match. The toolbar says so before the user picks: a filter no selected connection has is
 * disabled with the reason, and one that some lack names those connections.
 */
import type { ConnectionFacets, FacetOption, FilterKey } from "@/lib/model/conversation";

export interface FilterAvailability {
  /** `none`: no selected connection can apply it (the control is disabled). */
  state: "all" | "some" | "none";
  /** Connections that would be left out if the filter is used. */
  leftOut: string[];
  /** Connections that apply it on a bounded scan rather than at the provider. */
  scanned: string[];
  /** One sentence for a tooltip or description; `null` when every connection applies it natively. */
  message: string | null;
}

function names(list: string[]): string {
  if (list.length <= 1) return list.join("");
  return `${list.slice(0, -1).join(", ")} and ${list.at(-1) ?? ""}`;
}

export function filterAvailability(
  connections: ConnectionFacets[],
  key: FilterKey,
  label: string,
): FilterAvailability {
  const leftOut = connections.filter((c) => c.filters[key] === "absent").map((c) => c.connectionName);
  const scanned: string[] = [];
  if (connections.length > 0 && leftOut.length === connections.length) {
    return {
      state: "none",
      leftOut,
      scanned,
      message: `${names(leftOut)} cannot filter by ${label}.`,
    };
  }
  const parts: string[] = [];
  if (leftOut.length > 0) parts.push(`${names(leftOut)} cannot filter by ${label}: no rows of theirs match.`);
  return {
    state: leftOut.length > 0 ? "some" : "all",
    leftOut,
    scanned,
    message: parts.length ? parts.join(" ") : null,
  };
}

/** One choice of a filter; the same value from several connections becomes one option. */
export interface FilterOption {
  value: string;
  label: string;
  /** Connection names shown next to the label when the label alone is ambiguous. */
  detail: string | null;
}

/**
 * Merges options by value. When two options share a label but not a value ("Billing Assistant"
 * on SigmaMind and on Zaia), each is labelled with its connection.
 */
export function mergeOptions(options: FacetOption[]): FilterOption[] {
  const byValue = new Map<string, { label: string; connections: string[] }>();
  for (const option of options) {
    const existing = byValue.get(option.value);
    if (existing) {
      if (!existing.connections.includes(option.connectionName))
        existing.connections.push(option.connectionName);
    } else {
      byValue.set(option.value, { label: option.label, connections: [option.connectionName] });
    }
  }
  const labelCounts = new Map<string, number>();
  for (const { label } of byValue.values()) labelCounts.set(label, (labelCounts.get(label) ?? 0) + 1);
  return [...byValue.entries()].map(([value, { label, connections }]) => ({
    value,
    label,
    detail: (labelCounts.get(label) ?? 0) > 1 ? connections.join(", ") : null,
  }));
}

/** The label of a value for chips; the raw value when the facets do not (or no longer) list it. */
export function optionLabel(options: FilterOption[], value: string): string {
  const option = options.find((candidate) => candidate.value === value);
  if (!option) return value;
  return option.detail ? `${option.label} (${option.detail})` : option.label;
}
