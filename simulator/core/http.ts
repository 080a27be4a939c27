/**
 * The simulator's tiny HTTP toolkit: a request context, JSON responses and a path router.
 * Each simulated provider declares routes with `:param` segments below its prefix.
 */
import type { IncomingHttpHeaders } from "node:http";

export interface SimRequest {
  method: string;
  /** Path below the provider's prefix, such as `/v1/chats/abc`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined when there was none; `invalidJson` set when it did not parse. */
  body: unknown;
  invalidJson: boolean;
}

export interface SimResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Raw text sent as is (used for malformed-JSON faults). */
  rawText?: string;
}

export type Handler = (request: SimRequest) => SimResponse | Promise<SimResponse>;

export interface Route {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  pattern: string;
  handler: Handler;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): SimResponse => ({
  status,
  body,
  headers,
});

/** Matches `/v1/chats/:chatId` against a path; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternParts = pattern.split("/").filter(Boolean);
  const pathParts = path.split("/").filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (let index = 0; index < patternParts.length; index++) {
    const expected = patternParts[index] as string;
    const actual = pathParts[index] as string;
    if (expected.startsWith(":")) {
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (expected !== actual) return null;
  }
  return params;
}

/** Reads an integer query parameter; returns `fallback` when absent and NaN when malformed. */
export function intParam(query: URLSearchParams, name: string, fallback: number): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  return /^-?\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

/** All values of a repeated query key (`ids=a&ids=b`), also accepting `ids[]=a`. */
export function listParam(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(name), ...query.getAll(`${name}[]`)].filter((value) => value !== "");
}
