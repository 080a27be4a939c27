/**
 * Builds Parley's filter options for a Zaia workspace from its channels, responders and agents.
 * Each option's `value` is exactly what the conversation mapper puts in the matching field, so a
 * chosen option filters the rows it names.
 *
 * @see https://docs.zaia.app/documentation/api-reference-alpha/reference/channels
 */
import type { FacetValue, ProviderFacets } from "@/lib/providers/contract";
import { channelTypeLabel } from "./map-zaia-conversation";
import type { ZaiaAgent, ZaiaChannel, ZaiaResponder } from "./wire-schemas";

/** The channel types the seed documents for the `channelTypes` filter, in its order. */
export const zaiaDocumentedChannelTypes = ["widget", "waha", "whatsapp", "instagram", "api"] as const;

/** Ticket statuses: Parley's `status` for a Zaia chat is its linked ticket's status. */
export const zaiaTicketStatuses: readonly FacetValue[] = [
  { value: "open", label: "Ticket open" },
  { value: "pending", label: "Ticket pending" },
  { value: "closed", label: "Ticket closed" },
];

/** The channel types the workspace's channels use, documented ones first, then any new ones. */
function channelTypes(channels: readonly ZaiaChannel[]): FacetValue[] {
  const used = new Set(channels.flatMap((channel) => (channel.type ? [channel.type] : [])));
  const documented: readonly string[] = zaiaDocumentedChannelTypes;
  const ordered = [
    ...documented.filter((type) => used.has(type)),
    ...[...used].filter((type) => !documented.includes(type)),
  ];
  return ordered.map((type) => ({ value: type, label: channelTypeLabel(type) }));
}

function versions(agents: readonly ZaiaAgent[]): FacetValue[] {
  return agents.flatMap((agent) =>
    [...agent.versions]
      .sort((left, right) => (left.number ?? 0) - (right.number ?? 0))
      .map((version) => ({
        value: version.id,
        label:
          version.number === null || version.number === undefined
            ? `${agent.name} (unnumbered version)`
            : `${agent.name} v${version.number}`,
      })),
  );
}

export function mapZaiaFacets(input: {
  channels: readonly ZaiaChannel[];
  responders: readonly ZaiaResponder[];
  agents: readonly ZaiaAgent[];
}): ProviderFacets {
  return {
    channels: input.channels.map((channel) => ({ value: channel.id, label: channel.name || channel.id })),
    channelTypes: channelTypes(input.channels),
    responders: input.responders.map((responder) => ({
      value: responder.id,
      label: responder.entity === "squad" ? `${responder.name} (squad)` : responder.name,
    })),
    versions: versions(input.agents),
    statuses: [...zaiaTicketStatuses],
  };
}
