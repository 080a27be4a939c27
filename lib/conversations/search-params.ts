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

export const pageSizes = [25, 50, 100] as const;

const list = parseAsArrayOf(parseAsString).withDefault([]);

export const listSearchParams = {
  view: parseAsStringLiteral(views).withDefault("inbox"),
  connection: list,
  channel: list,
  channelType: list,
  responder: list,
  version: list,
  status: list,
  owner: list,
  /** Calendar dates, YYYY-MM-DD. */
  from: parseAsString,
  to: parseAsString,
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(sortOrders).withDefault("recent"),
  cursor: parseAsString,
  limit: parseAsNumberLiteral(pageSizes).withDefault(25),
  /** The conversation open beside the list: `<connectionId>~<conversationId>`. */
  open: parseAsString,
};

export type ListSearchParams = inferParserType<typeof listSearchParams>;

export const loadListSearchParams = createLoader(listSearchParams);

/** Keys that narrow the list; changing any of them goes back to the first page. */
export const filterParamKeys = [
  "view",
  "connection",
  "channel",
  "channelType",
  "responder",
  "version",
  "status",
  "owner",
  "from",
  "to",
  "q",
  "sort",
  "limit",
] as const;

export function encodeOpenKey(connectionId: string, conversationId: string): string {
  return `${connectionId}~${conversationId}`;
}

export function decodeOpenKey(value: string | null): { connectionId: string; conversationId: string } | null {
  if (!value) return null;
  const index = value.indexOf("~");
  if (index <= 0 || index === value.length - 1) return null;
  return { connectionId: value.slice(0, index), conversationId: value.slice(index + 1) };
}
