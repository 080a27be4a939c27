import { afterEach, describe, expect, it, vi } from "vitest";
import { fetchThreadDownload, threadExportUrl } from "./thread-download";

afterEach(() => vi.unstubAllGlobals());

describe("thread download", () => {
  it("asks the server for the file, ids encoded", () => {
    expect(threadExportUrl("c1", "chat/1 x", "md")).toBe(
      "/api/conversations/c1/chat%2F1%20x/export?format=md",
    );
  });

  it("takes the server's file name, and turns a refusal into the API's error", async () => {
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(
        new Response("# T\n", {
          headers: { "content-disposition": 'attachment; filename="parley-conversation-1.md"' },
        }),
      )
      .mockResolvedValueOnce(
        Response.json(
          {
            error: {
              code: "forbidden",
              message: "An administrator has restricted exports to administrators.",
            },
          },
          { status: 403 },
        ),
      );
    vi.stubGlobal("fetch", fetch);
    const file = await fetchThreadDownload("c1", "1", "md");
    expect(file.fileName).toBe("parley-conversation-1.md");
    expect(await file.blob.text()).toBe("# T\n");
    await expect(fetchThreadDownload("c1", "1", "json")).rejects.toMatchObject({
      status: 403,
      message: "An administrator has restricted exports to administrators.",
    });
  });
});
