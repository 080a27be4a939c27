/**
 * The costs analytics API (`GET /api/analytics/costs`): its query (the list's connections, view
 * and every filter of the registry, plus how to group) and its answer. Pure (zod and `lib/model`),
 * so the index, the API, the OpenAPI document and the browser share it.
 *
 * Currencies are never added together. A conversation's cost is known when the provider gave an
 * amount (with its currency); otherwise it is unknown, never 0. Every amount in the answer is the
 * sum of one currency: `cost` (of a group) and `spend` (of the totals) are numbers only when the
 * known costs behind them share one `currency`; when they span several, `cost`/`spend` is null and
 * `byCurrency` lists each currency on its own. When no cost is known, `cost`/`spend` is null and
 * `byCurrency` is empty.
 */
import { z } from "zod";
import { viewSchema } from "./list-query";
import { filterApiShape, listValueSchema } from "./filters";

export const costGroupings = [
  "day",
  "week",
  "connection",
  "provider",
  "responder",
  "channel",
  "label",
] as const;
export type CostGrouping = (typeof costGroupings)[number];

/** A second dimension inside each group (the chart's stacks). */
export const costStackings = ["provider", "responder"] as const;
export type CostStacking = (typeof costStackings)[number];

export const costsQuerySchema = z
  .object({
    connection: listValueSchema,
    view: viewSchema.default("inbox"),
    ...filterApiShape,
    /** Without it, only the totals are answered (`groups` is empty). */
    groupBy: z.enum(costGroupings).optional(),
    stackBy: z.enum(costStackings).optional(),
    /** `true`: also the cost line items (Cozmox `costs[]`) by type and model, with token totals. */
    lineItems: z.enum(["true", "false"]).optional(),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "`from` must not be after `to`",
    path: ["from"],
  })
  .refine((query) => !query.stackBy || query.groupBy, {
    message: "`stackBy` needs a `groupBy`",
    path: ["stackBy"],
  })
  .refine((query) => !query.stackBy || query.groupBy !== "label", {
    message: "`stackBy` is not available with `groupBy=label` (its groups overlap)",
    path: ["stackBy"],
  });
export type CostsQuery = z.infer<typeof costsQuerySchema>;

/** The known costs of one currency. */
export const currencyAmountSchema = z.object({
  currency: z.string(),
  /** Sum of the known costs in this currency. */
  cost: z.number(),
  /** Conversations whose cost is known in this currency. */
  conversations: z.number().int(),
});
export type CurrencyAmount = z.infer<typeof currencyAmountSchema>;

const groupFields = {
  /**
   * The grouped value: a date (YYYY-MM-DD; a week is its Monday), an id (a label's for `label`), a
   * provider; null: none ("No label" for `label`). Label groups overlap: a conversation with two
   * labels counts in both, so they must not be added up.
   */
  key: z.string().nullable(),
  label: z.string(),
  /** The currency of `cost`, or null when no cost is known or the known costs span currencies. */
  currency: z.string().nullable(),
  /** Sum of the known costs (one currency), or null (see `currency`): unknown is never 0. */
  cost: z.number().nullable(),
  conversations: z.number().int(),
  /** Conversations whose cost is known. */
  knownCost: z.number().int(),
  /** Conversations whose cost is unknown (the provider gives none). */
  unknownCost: z.number().int(),
  byCurrency: z.array(currencyAmountSchema),
};

export const costSeriesSchema = z.object(groupFields);
export type CostSeries = z.infer<typeof costSeriesSchema>;

export const costGroupSchema = z.object({
  ...groupFields,
  /** The connection the group belongs to (connection, responder and channel groups), for links to the list. */
  connectionId: z.string().nullable(),
  /** The group split by `stackBy`, when asked. */
  series: z.array(costSeriesSchema).optional(),
});
export type CostGroup = z.infer<typeof costGroupSchema>;

export const currencyTotalsSchema = z.object({
  currency: z.string(),
  spend: z.number(),
  /** Conversations whose cost is known in this currency. */
  conversations: z.number().int(),
  /** Average and median per conversation with a known cost in this currency. */
  average: z.number(),
  median: z.number(),
});
export type CurrencyTotals = z.infer<typeof currencyTotalsSchema>;

export const costTotalsSchema = z.object({
  /** The currency of `spend`, `average` and `median`; null when none is known or several are. */
  currency: z.string().nullable(),
  spend: z.number().nullable(),
  conversations: z.number().int(),
  /** Conversations whose cost is known. */
  knownCost: z.number().int(),
  /** Conversations whose cost is unknown. */
  unknownCost: z.number().int(),
  /** `unknownCost / conversations` (0 to 1; 0 when there are no conversations). */
  unknownShare: z.number(),
  average: z.number().nullable(),
  median: z.number().nullable(),
  byCurrency: z.array(currencyTotalsSchema),
});
export type CostTotals = z.infer<typeof costTotalsSchema>;

/** The line items of one type and label (a model: "Model: openai / gpt-4o") in one currency. */
export const costLineItemSchema = z.object({
  type: z.string(),
  label: z.string(),
  currency: z.string().nullable(),
  cost: z.number().nullable(),
  promptTokens: z.number().nullable(),
  completionTokens: z.number().nullable(),
  /** Conversations with this item. */
  conversations: z.number().int(),
});
export type CostLineItem = z.infer<typeof costLineItemSchema>;

export const costsAnswerSchema = z.object({
  groupBy: z.enum(costGroupings).nullable(),
  stackBy: z.enum(costStackings).nullable(),
  /** The one currency of every known cost in the answer; null when none is known or several are. */
  currency: z.string().nullable(),
  /** Every currency with a known cost in the answer. */
  currencies: z.array(z.string()),
  groups: z.array(costGroupSchema),
  totals: costTotalsSchema,
  /**
   * With `lineItems=true`: the cost line items of the conversations whose provider lists them
   * (Cozmox), by type, label and currency, most expensive first. Absent otherwise.
   */
  lineItems: z.array(costLineItemSchema).optional(),
});
export type CostsAnswer = z.infer<typeof costsAnswerSchema>;
