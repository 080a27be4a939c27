"use client";
/**
 * The filters toolbar: search, connection, channel type, channel, responder, version, status, date
 * range and sort. Every edit goes to the URL (replace) and back to the first page; which
 * connections can apply what comes from the facets (see `filter-support.ts`).
 */
import type { Ref } from "react";
import { DateRangeFilter } from "./date-range-filter";
import { FacetFilter } from "./facet-filter";
import { filterAvailability } from "./filter-support";
import { SearchBox } from "./search-box";
import { facetFilters, type ListFacets } from "./use-list-facets";
import type { ListState } from "./use-list-state";

export function ListToolbar({
  list,
  facets,
  searchRef,
}: {
  list: ListState;
  facets: ListFacets;
  searchRef: Ref<HTMLInputElement>;
}) {
  const { params, setFilters } = list;
  const active = facets.activeConnections;
  const search = filterAvailability(active, "search", "search");
  return (
    <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-2">
      <SearchBox
        ref={searchRef}
        value={params.q}
        onSearch={(q) => setFilters({ q })}
        description={search.message}
      />
      <FacetFilter
        label="Connection"
        options={facets.connectionOptions}
        selected={params.connection}
        loading={facets.loading}
        onChange={(connection) => setFilters({ connection })}
      />
      {facetFilters.map((definition) => (
        <FacetFilter
          key={definition.param}
          label={definition.label}
          options={facets.options[definition.param]}
          selected={params[definition.param]}
          loading={facets.loading}
          availability={filterAvailability(active, definition.support, definition.label.toLowerCase())}
          onChange={(values) => setFilters({ [definition.param]: values })}
        />
      ))}
      <DateRangeFilter
        from={params.from}
        to={params.to}
        availability={filterAvailability(active, "dateRange", "date")}
        onChange={(range) => setFilters(range)}
      />
    </div>
  );
}
