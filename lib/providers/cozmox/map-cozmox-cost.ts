/**
 * Cozmox costs (Vapi `ModelCost`, `ChatCost` and session cost items) into Parley's `Cost` and
 * `CostItem`s. Sessions and chats carry the same two fields: `cost` (total USD) and `costs[]`.
 *
 * @see https://docs.cozmox.cloud/api-reference/chats/delete-chat (seed 002: `costs`, `cost`)
 */
import type { Cost, CostItem } from "@/lib/model/conversation";
import type { CozmoxCost } from "./wire-schemas";

interface CostCarrier {
  cost?: number | null;
  costs?: readonly CozmoxCost[] | null;
}

const sumOf = (values: readonly (number | null | undefined)[]): number | null => {
  const numbers = values.filter((value): value is number => typeof value === "number");
  return numbers.length === 0 ? null : numbers.reduce((sum, value) => sum + value, 0);
};

/** Rounds away float noise from sums of many small amounts (Cozmox prices to the micro-dollar). */
const roundUsd = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 1e9) / 1e9;

/**
 * The total: `cost` when given, else the sum of `costs[]`; tokens summed over model costs.
 * null when the item carries no cost at all (unknown, never $0).
 */
export function mapCozmoxCost(carrier: CostCarrier): Cost | null {
  const costs = carrier.costs ?? [];
  if (carrier.cost == null && costs.length === 0) return null;
  const modelCosts = costs.filter((item) => item.type === "model" || item.promptTokens != null);
  return {
    usd: carrier.cost ?? roundUsd(sumOf(costs.map((item) => item.cost))),
    promptTokens: sumOf(modelCosts.map((item) => item.promptTokens)),
    completionTokens: sumOf(modelCosts.map((item) => item.completionTokens)),
  };
}

const typeLabels: Record<string, string> = {
  model: "Model",
  chat: "Chat",
  session: "Session",
  analysis: "Analysis",
};

function costLabel(item: CozmoxCost): string {
  const type = item.type ?? "";
  if (type === "model") {
    const name = [item.model?.provider, item.model?.model].filter((part) => part && part.trim()).join(" / ");
    return name ? `Model: ${name}` : "Model";
  }
  return typeLabels[type] ?? (type || "Other");
}

/** One item per cost type and model, amounts of repeated items summed. */
export function mapCozmoxCostBreakdown(costs: readonly CozmoxCost[] | null | undefined): CostItem[] {
  const items = new Map<string, CostItem>();
  for (const cost of costs ?? []) {
    const type = cost.type ?? "unknown";
    const label = costLabel(cost);
    const key = `${type}\u0000${label}`;
    const existing = items.get(key);
    const add = (left: number | null, right: number | null | undefined) => sumOf([left, right]);
    items.set(
      key,
      existing
        ? {
            ...existing,
            usd: roundUsd(add(existing.usd, cost.cost)),
            promptTokens: add(existing.promptTokens, cost.promptTokens),
            completionTokens: add(existing.completionTokens, cost.completionTokens),
          }
        : {
            type,
            label,
            usd: cost.cost ?? null,
            promptTokens: cost.promptTokens ?? null,
            completionTokens: cost.completionTokens ?? null,
          },
    );
  }
  return [...items.values()];
}
