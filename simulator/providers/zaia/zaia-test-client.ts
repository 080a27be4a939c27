/** A raw HTTP client for the simulated Zaia's contract tests: the provider's own header, no adapter. */
import { simulatorKeys } from "../../keys";

export const leanChatKeys = [
  "createdAt",
  "id",
  "isRemoved",
  "updatedAt",
  "channelId",
  "currentResponderId",
  "lastChatMessageCreatedAt",
  "ownerId",
  "responderId",
  "title",
  "workspaceId",
];

/** The seed's "chat with details" fields, in the seed's order. */
export const detailChatKeys = [
  "channelId",
  "channelName",
  "channelType",
  "createdAt",
  "id",
  "isOwnerBlocked",
  "isRemoved",
  "lastMessageContent",
  "lastMessageCreatedAt",
  "lastMessageRole",
  "ownerEmail",
  "ownerId",
  "ownerIdentifier",
  "ownerName",
  "penultimateMessageContent",
  "penultimateMessageCreatedAt",
  "penultimateMessageRole",
  "responderEntity",
  "responderId",
  "responderName",
  "responderPicture",
  "responderVersionId",
  "responderVersionNumber",
  "ticketId",
  "ticketStatus",
  "title",
  "workspaceId",
];

export const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export interface ZaiaAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

export type ZaiaRow = Record<string, unknown>;

/** Calls `${simulatorUrl}/zaia${path}` with the primary key unless `authorization` says otherwise. */
export function zaiaClient(simulatorUrl: string) {
  async function call(
    method: string,
    path: string,
    options: { body?: unknown; authorization?: string | null; signal?: AbortSignal } = {},
  ): Promise<ZaiaAnswer> {
    const headers: Record<string, string> = {};
    const authorization =
      options.authorization === undefined ? simulatorKeys.zaia.primary : options.authorization;
    if (authorization !== null) headers.authorization = authorization;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${simulatorUrl}/zaia${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text === "" ? null : JSON.parse(text);
    } catch {
      // Malformed-JSON faults: the raw text is the body.
    }
    return { status: response.status, headers: response.headers, body };
  }

  /** GETs a bare-array list and returns its rows; fails the test when the answer is not one. */
  async function rows(path: string): Promise<ZaiaRow[]> {
    const answer = await call("GET", path);
    if (answer.status !== 200 || !Array.isArray(answer.body))
      throw new Error(`GET ${path} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 200)}`);
    return answer.body.filter((row): row is ZaiaRow => typeof row === "object" && row !== null);
  }

  /** Every row of a paged list, following `pageNumber` until a short page. */
  async function allRows(path: string, pageSize = 100): Promise<ZaiaRow[]> {
    const result: ZaiaRow[] = [];
    const separator = path.includes("?") ? "&" : "?";
    for (let page = 1; page < 1_000; page++) {
      const batch = await rows(`${path}${separator}pageSize=${pageSize}&pageNumber=${page}`);
      result.push(...batch);
      if (batch.length < pageSize) return result;
    }
    throw new Error("paging never ended");
  }

  return { call, rows, allRows };
}
