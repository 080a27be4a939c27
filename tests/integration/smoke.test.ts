import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConversationPage } from "@/lib/conversations/model";
import { startHarness, type Harness } from "./harness";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

describe("smoke", () => {
  it("lists conversations from every connection", async () => {
    const { status, body } = await harness.json<ConversationPage>("GET", "/api/conversations?limit=40", { cookie: harness.staffCookie });
    expect(status, JSON.stringify(body).slice(0, 500)).toBe(200);
    console.log(JSON.stringify(body.notices), body.items.length, new Set(body.items.map((item) => item.provider)));
  });
});
