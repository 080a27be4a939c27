import { describe, expect, it } from "vitest";
import { parseWire } from "@/lib/providers/errors";
import { mapZaiaFacets } from "./map-zaia-facets";
import { zaiaAgentListSchema, zaiaChannelListSchema, zaiaResponderListSchema } from "./wire-schemas";

const channels = parseWire("zaia", "channels", zaiaChannelListSchema, [
  { id: "c-api", name: "Public API", type: "api", workspaceId: "w" },
  { id: "c-widget", name: "Website widget", type: "widget", workspaceId: "w" },
  { id: "c-tg", name: "", type: "telegram", workspaceId: "w" },
  { id: "c-none", name: "Legacy", type: null, workspaceId: "w" },
]);
const responders = parseWire("zaia", "responders", zaiaResponderListSchema, [
  { entity: "agent", id: "r-aurora", name: "Aurora", picture: null, workspaceId: "w" },
  { entity: "squad", id: "r-squad", name: "Care", picture: null, workspaceId: "w" },
]);
const agents = parseWire("zaia", "agents", zaiaAgentListSchema, [
  {
    id: "a1",
    name: "Aurora",
    versions: [
      { id: "v3", number: 3 },
      { id: "v1", number: 1 },
    ],
  },
  { id: "a2", name: "Billing" },
  { id: "a3", name: "Tech", versions: [{ id: "vx", number: null }] },
]);

describe("mapZaiaFacets", () => {
  it("offers channels, the channel types in use, responders, agent versions and ticket statuses", () => {
    expect(mapZaiaFacets({ channels, responders, agents })).toEqual({
      channels: [
        { value: "c-api", label: "Public API" },
        { value: "c-widget", label: "Website widget" },
        { value: "c-tg", label: "c-tg" },
        { value: "c-none", label: "Legacy" },
      ],
      channelTypes: [
        { value: "widget", label: "Web widget" },
        { value: "api", label: "API" },
        { value: "telegram", label: "telegram" },
      ],
      responders: [
        { value: "r-aurora", label: "Aurora" },
        { value: "r-squad", label: "Care (squad)" },
      ],
      versions: [
        { value: "v1", label: "Aurora v1" },
        { value: "v3", label: "Aurora v3" },
        { value: "vx", label: "Tech (unnumbered version)" },
      ],
      statuses: [
        { value: "open", label: "Ticket open" },
        { value: "pending", label: "Ticket pending" },
        { value: "closed", label: "Ticket closed" },
      ],
    });
  });

  it("is empty for an empty workspace, except the fixed ticket statuses", () => {
    const facets = mapZaiaFacets({ channels: [], responders: [], agents: [] });
    expect(facets).toMatchObject({ channels: [], channelTypes: [], responders: [], versions: [] });
    expect(facets.statuses).toHaveLength(3);
  });
});
