import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("OpenAPI document", () => {
  it("describes every route with parameters taken from the zod schemas", () => {
    const document = openApiDocument() as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/api/conversations",
        "/api/conversations/{connectionId}/{conversationId}",
        "/api/facets",
        "/api/sync",
        "/api/audit",
        "/api/labels",
        "/api/labels/{id}",
        "/api/conversations/{connectionId}/{conversationId}/labels",
        "/api/conversations/{connectionId}/{conversationId}/notes",
        "/api/conversations/{connectionId}/{conversationId}/notes/{noteId}",
        "/api/users/directory",
        "/api/conversations/{connectionId}/{conversationId}/review",
        "/api/review/options",
        "/api/analytics/review",
        "/api/views/counts",
        "/api/conversations/{connectionId}/{conversationId}/export",
      ]),
    );
    const listParameters =
      document.paths["/api/conversations"]?.get?.parameters?.map((parameter) => parameter.name) ?? [];
    for (const name of [
      "connection",
      "view",
      "channel",
      "responder",
      "version",
      "status",
      "label",
      "assignee",
      "reviewState",
      "from",
      "to",
      "q",
      "sort",
      "cursor",
      "limit",
    ]) {
      expect(listParameters).toContain(name);
    }
  });

  it("describes bulk jobs: start, progress, retry and undo", () => {
    const document = openApiDocument() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    expect(document.paths["/api/bulk"]?.post?.responses).toHaveProperty("202");
    expect(document.paths["/api/bulk/{id}"]?.get?.responses).toHaveProperty("200");
    expect(document.paths["/api/bulk/{id}/retry"]?.post?.responses).toHaveProperty("202");
    expect(document.paths["/api/bulk/{id}/undo"]?.post?.responses).toHaveProperty("202");
  });

  it("takes the list's filter parameters from the one filter registry", async () => {
    const { filterParams } = await import("@/lib/model/filters");
    const document = openApiDocument() as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    const listParameters =
      document.paths["/api/conversations"]?.get?.parameters?.map((parameter) => parameter.name) ?? [];
    expect(listParameters).toEqual(expect.arrayContaining([...filterParams]));
    expect(listParameters).not.toContain("channels");
    expect(listParameters).not.toContain("channelIds");
  });

  it("documents the export with the list's filters (no cursor or page size), saved views and settings", async () => {
    const { filterParams } = await import("@/lib/model/filters");
    const document = openApiDocument() as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
    };
    const exportParameters =
      document.paths["/api/conversations/export"]?.get?.parameters?.map((parameter) => parameter.name) ?? [];
    expect(exportParameters).toEqual(
      expect.arrayContaining(["format", "connection", "view", "sort", ...filterParams]),
    );
    expect(exportParameters).not.toContain("cursor");
    expect(exportParameters).not.toContain("limit");
    expect(Object.keys(document.paths["/api/views"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(document.paths["/api/views/{id}"] ?? {}).sort()).toEqual(["delete", "patch"]);
    expect(Object.keys(document.paths["/api/settings"] ?? {}).sort()).toEqual(["get", "patch"]);
    expect(Object.keys(document.paths["/api/views/counts"] ?? {})).toEqual(["get"]);
    const threadExport = document.paths["/api/conversations/{connectionId}/{conversationId}/export"]?.get;
    expect(threadExport?.parameters?.map((parameter) => parameter.name)).toEqual([
      "connectionId",
      "conversationId",
      "format",
    ]);
  });

  it("describes the costs route with the list's filters and its groupings", () => {
    const document = openApiDocument() as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; schema?: { enum?: string[] } }[] }>
      >;
    };
    const parameters = document.paths["/api/analytics/costs"]?.get?.parameters ?? [];
    const names = parameters.map((parameter) => parameter.name);
    for (const name of [
      "connection",
      "view",
      "responder",
      "channel",
      "from",
      "to",
      "q",
      "groupBy",
      "stackBy",
    ])
      expect(names).toContain(name);
    expect(names).not.toContain("cursor");
    expect(parameters.find((parameter) => parameter.name === "groupBy")?.schema?.enum).toEqual([
      "day",
      "week",
      "connection",
      "provider",
      "responder",
      "channel",
      "label",
    ]);
  });
});
