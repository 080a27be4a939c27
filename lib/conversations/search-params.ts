/**
 * The conversation list's state in the URL: view, filters, search, sort, page and the open
 * conversation. One definition serves the client hook (`useListSearchParams`) and server pages
 * (`loadListSearchParams`), so a copied link reopens exactly what its sender saw.
 */
import {
  createLoader,
  parseAsArrayOf,
  parseAsNumberLiteral,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from "nuqs/server";
import { sortOrders, views } from "@/lib/model/constants";
import type { filterDefinitions } from "@/lib/model/filter-labels";

/** Every URL parameter of the registry's filters. */
type FilterParam = (typeof filterDefinitions)[keyof typeof filterDefinitions]["params"][number];

export const pageSizes = [25, 50, 100] as const;

const list = parseAsArrayOf(parseAsString).withDefault([]);

/** One parser per parameter of each filter of the registry (`lib/model/filter-labels.ts`). */
const filterParsers = {
  channel: list,
  channelType: list,
  responder: list,
  version: list,
  status: list,
  label: list,
  assignee: list,
  reviewState: list,
  owner: list,
  /** Calendar dates, YYYY-MM-DD. */
  from: parseAsString,
  to: parseAsString,
  q: parseAsString.withDefault(""),
} satisfies Record<FilterParam, unknown>;

export const listSearchParams = {
  view: parseAsStringLiteral(views).withDefault("inbox"),
  connection: list,
  ...filterParsers,
  sort: parseAsStringLiteral(sortOrders).withDefault("recent"),
  cursor: parseAsString,
  limit: parseAsNumberLiteral(pageSizes).withDefault(25),
  /** The conversation open beside the list: its row key (`lib/model/row-key.ts`). */
  open: parseAsString,
};

export type ListSearchParams = inferParserType<typeof listSearchParams>;

export const loadListSearchParams = createLoader(listSearchParams);

/** The open conversation's URL value (the one row key, `lib/model/row-key.ts`). */
export { rowKey as encodeOpenKey, parseRowKey as decodeOpenKey } from "@/lib/model/row-key";
