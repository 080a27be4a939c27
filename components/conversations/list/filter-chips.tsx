"use client";
/**
 * The active filters as removable chips ("Channel: WhatsApp ×") and "Reset all". Each remove
 * button is named after its chip ("Remove filter Channel: WhatsApp"), so a screen reader user
 * knows which one they are on.
 */
import { XIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ListSearchParams } from "@/lib/conversations/search-params";
import { optionLabel } from "./filter-support";
import { facetFilters, type ListFacets } from "./use-list-facets";
import { clearedFilters, type ListState } from "./use-list-state";

interface Chip {
  id: string;
  text: string;
  patch: Partial<ListSearchParams>;
}

function chipsOf(list: ListState, facets: ListFacets): Chip[] {
  const { params } = list;
  const chips: Chip[] = [];
  for (const value of params.connection) {
    chips.push({
      id: `connection:${value}`,
      text: `Connection: ${optionLabel(facets.connectionOptions, value)}`,
      patch: { connection: params.connection.filter((item) => item !== value) },
    });
  }
  for (const definition of facetFilters) {
    const values = params[definition.param];
    for (const value of values) {
      chips.push({
        id: `${definition.param}:${value}`,
        text: `${definition.label}: ${optionLabel(facets.options[definition.param], value)}`,
        patch: { [definition.param]: values.filter((item) => item !== value) },
      });
    }
  }
  for (const value of params.owner) {
    chips.push({
      id: `owner:${value}`,
      text: `Owner: ${value}`,
      patch: { owner: params.owner.filter((item) => item !== value) },
    });
  }
  if (params.from) chips.push({ id: "from", text: `From: ${params.from}`, patch: { from: null } });
  if (params.to) chips.push({ id: "to", text: `To: ${params.to}`, patch: { to: null } });
  if (params.q) chips.push({ id: "q", text: `Search: ${params.q}`, patch: { q: "" } });
  return chips;
}

export function FilterChips({ list, facets }: { list: ListState; facets: ListFacets }) {
  const chips = chipsOf(list, facets);
  if (chips.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <h2 className="sr-only">Active filters</h2>
      <ul className="flex flex-wrap items-center gap-1.5" aria-label="Active filters">
        {chips.map((chip) => (
          <li
            key={chip.id}
            className="bg-secondary text-secondary-foreground inline-flex max-w-80 items-center gap-1 rounded-full border py-0.5 pr-0.5 pl-2.5 text-xs"
          >
            <span className="truncate">{chip.text}</span>
            <button
              type="button"
              aria-label={`Remove filter ${chip.text}`}
              className="hover:bg-accent focus-visible:ring-ring/50 inline-flex size-5 shrink-0 items-center justify-center rounded-full outline-none focus-visible:ring-[3px]"
              onClick={() => list.setFilters(chip.patch)}
            >
              <XIcon aria-hidden="true" className="size-3" />
            </button>
          </li>
        ))}
      </ul>
      <Button variant="link" size="sm" className="h-6 px-1" onClick={() => list.setFilters(clearedFilters)}>
        Reset all
      </Button>
    </div>
  );
}
