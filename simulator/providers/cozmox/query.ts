/**
 * Validation of Cozmox list queries, the way a NestJS `ValidationPipe` with `whitelist` and
 * `forbidNonWhitelisted` answers: a bad value or an unknown parameter is a 400 with a
 * class-validator style message, never a crash. Parameters follow Vapi's mid-2025 `GET /chat`
 * set (providers.md §3.2, §6.3): `page` (from 1), `limit` (0–1000, default 100), `sortOrder`
 * (ASC|DESC, default DESC) and `createdAt`/`updatedAt` `Gt`/`Lt`/`Ge`/`Le` bounds.
 */
import { intParam } from "../../core/http";

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;

const rangeFields = ["createdAt", "updatedAt"] as const;
const rangeOperators = ["Gt", "Lt", "Ge", "Le"] as const;

export interface RangeBound {
  field: (typeof rangeFields)[number];
  operator: (typeof rangeOperators)[number];
  ms: number;
}

export interface ListQuery {
  page: number;
  limit: number;
  sortOrder: "ASC" | "DESC";
  /** Exact-match string filters such as `assistantId` and `sessionId`. */
  filters: Record<string, string>;
  ranges: RangeBound[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const rangeParameters = rangeFields.flatMap((field) =>
  rangeOperators.map((operator) => `${field}${operator}`),
);

/** ISO 8601 dates and date-times, as class-validator's `IsISO8601` accepts them. */
const isoPattern = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface QueryShape {
  /** String filters this endpoint accepts. */
  filters: readonly string[];
  /** Whether `page` and `sortOrder` are accepted (list endpoints with the paginated envelope). */
  paginated: boolean;
}

export function parseListQuery(query: URLSearchParams, shape: QueryShape): Parsed<ListQuery> {
  const allowed = new Set([
    ...shape.filters,
    ...rangeParameters,
    "limit",
    ...(shape.paginated ? ["page", "sortOrder"] : []),
  ]);
  for (const key of new Set(query.keys())) {
    if (!allowed.has(key)) return { ok: false, message: `property ${key} should not exist` };
    if (query.getAll(key).length > 1) return { ok: false, message: `${key} must be a string` };
  }

  const page = intParam(query, "page", 1);
  if (Number.isNaN(page)) return { ok: false, message: "page must be an integer number" };
  if (page < 1) return { ok: false, message: "page must not be less than 1" };

  const limit = intParam(query, "limit", DEFAULT_LIMIT);
  if (Number.isNaN(limit)) return { ok: false, message: "limit must be an integer number" };
  if (limit < 0) return { ok: false, message: "limit must not be less than 0" };
  if (limit > MAX_LIMIT) return { ok: false, message: `limit must not be greater than ${MAX_LIMIT}` };

  const sortOrder = query.get("sortOrder") ?? "DESC";
  if (sortOrder !== "ASC" && sortOrder !== "DESC")
    return { ok: false, message: "sortOrder must be one of the following values: ASC, DESC" };

  const ranges: RangeBound[] = [];
  for (const field of rangeFields) {
    for (const operator of rangeOperators) {
      const raw = query.get(`${field}${operator}`);
      if (raw === null) continue;
      const ms = Date.parse(raw);
      if (!isoPattern.test(raw) || Number.isNaN(ms))
        return { ok: false, message: `${field}${operator} must be a valid ISO 8601 date string` };
      ranges.push({ field, operator, ms });
    }
  }

  const filters: Record<string, string> = {};
  for (const name of shape.filters) {
    const value = query.get(name);
    if (value !== null) filters[name] = value;
  }
  return { ok: true, value: { page, limit, sortOrder, filters, ranges } };
}

/** Whether a row's timestamps satisfy every range bound. */
export function withinRanges(
  row: { createdAtMs: number; updatedAtMs: number },
  ranges: readonly RangeBound[],
): boolean {
  return ranges.every((bound) => {
    const value = bound.field === "createdAt" ? row.createdAtMs : row.updatedAtMs;
    switch (bound.operator) {
      case "Gt":
        return value > bound.ms;
      case "Lt":
        return value < bound.ms;
      case "Ge":
        return value >= bound.ms;
      case "Le":
        return value <= bound.ms;
      default: {
        const unreachable: never = bound.operator;
        return unreachable;
      }
    }
  });
}

/** Vapi's `PaginationMeta` as of mid-2025: just the three required fields. */
export function paginated<T>(
  rows: readonly T[],
  query: ListQuery,
): { results: T[]; metadata: Record<string, number> } {
  const start = (query.page - 1) * query.limit;
  return {
    results: rows.slice(start, start + query.limit),
    metadata: { itemsPerPage: query.limit, totalItems: rows.length, currentPage: query.page },
  };
}
