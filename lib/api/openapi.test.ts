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
});
