/**
 * Query and body validation for the simulated Zaia API. A bad value becomes a 400 with Zaia's
 * `{ "message": "..." }` body naming the parameter, never a crash or a silently ignored value.
 */
import { intParam, json, listParam, type Handler, type SimResponse } from "../../core/http";

/** Thrown by the parsers below; `withValidation` turns it into the 400 answer. */
export class ZaiaRequestError extends Error {}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/** Wraps a handler so validation errors answer 400 with the provider's body. */
export function withValidation(handler: Handler): Handler {
  return async (request) => {
    try {
      return await handler(request);
    } catch (error) {
      if (error instanceof ZaiaRequestError) return badRequest(error.message);
      throw error;
    }
  };
}

export function badRequest(message: string): SimResponse {
  return json(400, { message });
}

export function notFound(what = "Chat"): SimResponse {
  return json(404, { message: `${what} not found.` });
}

export function boundedInt(
  query: URLSearchParams,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const value = intParam(query, name, fallback);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new ZaiaRequestError(
      `Invalid query parameter "${name}": expected an integer from ${min} to ${max}.`,
    );
  return value;
}

export interface PageParams {
  pageNumber: number;
  pageSize: number;
}

/** `pageNumber` (from 1, default 1) and `pageSize` (1–100, default 10), as every Zaia list takes them. */
export function pageParams(query: URLSearchParams): PageParams {
  return {
    pageNumber: boundedInt(query, "pageNumber", 1, 1, 1_000_000),
    pageSize: boundedInt(query, "pageSize", 10, 1, 100),
  };
}

export function paginate<T>(rows: readonly T[], page: PageParams): T[] {
  const start = (page.pageNumber - 1) * page.pageSize;
  return rows.slice(start, start + page.pageSize);
}

/** An "any of (array, single value)" uuid parameter: repeated keys, `name[]` keys or one value. */
export function uuidList(query: URLSearchParams, name: string): string[] {
  const values = listParam(query, name);
  const bad = values.find((value) => !isUuid(value));
  if (bad !== undefined)
    throw new ZaiaRequestError(`Invalid query parameter "${name}": "${bad}" is not a UUID.`);
  return values;
}

export function enumList<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T[] {
  const values = listParam(query, name);
  const result: T[] = [];
  for (const value of values) {
    const match = allowed.find((candidate) => candidate === value);
    if (match === undefined)
      throw new ZaiaRequestError(`Invalid query parameter "${name}": expected one of ${allowed.join(", ")}.`);
    result.push(match);
  }
  return result;
}

/** A nullable date-time parameter; absent or empty means null. */
export function dateTime(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name);
  if (raw === null || raw === "" || raw === "null") return null;
  const time = Date.parse(raw);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(time))
    throw new ZaiaRequestError(`Invalid query parameter "${name}": expected an ISO 8601 date-time.`);
  return time;
}

export function optionalUuid(query: URLSearchParams, name: string): string | null {
  const raw = query.get(name);
  if (raw === null || raw === "") return null;
  if (!isUuid(raw)) throw new ZaiaRequestError(`Invalid query parameter "${name}": "${raw}" is not a UUID.`);
  return raw;
}

export function searchText(query: URLSearchParams): string | null {
  const raw = query.get("search");
  if (raw === null) return null;
  const trimmed = raw.trim();
  if (trimmed.length > 200)
    throw new ZaiaRequestError(`Invalid query parameter "search": at most 200 characters.`);
  return trimmed === "" ? null : trimmed.toLowerCase();
}

export function requireUuidPath(id: string | undefined, what = "Chat"): string {
  if (id === undefined || !isUuid(id))
    throw new ZaiaRequestError(`Invalid ${what.toLowerCase()} id: expected a UUID.`);
  return id;
}
