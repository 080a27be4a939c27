import { describe, expect, it } from "vitest";
import { conversationDetailSchema } from "@/lib/model/conversation";
import { parseWire } from "@/lib/providers/errors";
import detailsFixture from "./__fixtures__/chat-details.json";
import nullsFixture from "./__fixtures__/chat-details-nulls.json";
import leanFixture from "./__fixtures__/chat-lean.json";
import {
  mapZaiaChatDetails,
  mapZaiaChatDetailsToDetail,
  mapZaiaLeanChat,
  toIsoTime,
  zaiaChatExtras,
} from "./map-zaia-conversation";
import { zaiaChatDetailsSchema, zaiaLeanChatSchema } from "./wire-schemas";

/** The seed's "chat with details" fields (seed 003, `GET /api/v1/chats/{id}/details`). */
const seedDetailFields = [
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

const details = (data: unknown) => parseWire("zaia", "chat details", zaiaChatDetailsSchema, data);

describe("the fixtures", () => {
  it("have exactly the seed's field sets", () => {
    expect(Object.keys(detailsFixture)).toEqual(seedDetailFields);
    expect(Object.keys(nullsFixture)).toEqual(seedDetailFields);
    expect(Object.keys(leanFixture).sort()).toEqual(
      [
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
      ].sort(),
    );
  });
});

describe("mapZaiaChatDetails", () => {
  it("maps a full chat with details into a list row", () => {
    expect(mapZaiaChatDetails(details(detailsFixture))).toEqual({
      id: "5b0e7a3c-9d41-4f6e-8a2b-71c3e9d04f18",
      title: "Refund: double charge 💳",
      preview: "I've issued the refund manually — you'll see it within **5 business days**.",
      channel: {
        id: "d9a3fc98-338d-4846-882b-e1ac8b4e0bc4",
        type: "whatsapp",
        name: "WhatsApp Business +55 11 4000-1234",
      },
      responder: { id: "ed0efd06-dfbd-4c36-b6e6-72cfc47bbb7c", name: "Aurora Atendimento", kind: "agent" },
      version: { id: "027f515a-e9e1-45c6-9397-8fd381ff1c7e", number: 3 },
      owner: {
        id: "0f6c2d1e-8b3a-4c57-9e21-6a4d8f0b3c72",
        name: "Sofía García",
        identifier: "+55 11 98765-4321",
      },
      status: "pending",
      createdAt: "2026-11-18T14:02:11.512Z",
      lastActivityAt: "2026-11-18T14:31:40.003Z",
      messageCount: null,
      cost: null,
      native: { important: null, archived: null, removed: false },
    });
  });

  it("maps a chat whose nullable fields are all null", () => {
    const row = mapZaiaChatDetails(details(nullsFixture));
    expect(row).toMatchObject({
      title: null,
      preview: null,
      channel: null,
      responder: { id: "e93c419b-fdcc-43ed-bd58-e6c5a1b9e413", name: "Customer Care Squad", kind: "squad" },
      version: null,
      owner: { id: "1e2d3c4b-5a69-4788-9a6b-5c4d3e2f1a0b", name: null, identifier: null },
      status: null,
      native: { important: null, archived: null, removed: true },
    });
    expect(row.createdAt).toBe("2026-09-02T08:15:00.000Z");
    expect(row.lastActivityAt).toBeNull();
  });

  it("uses the owner's email when a platform user has no identifier", () => {
    const row = mapZaiaChatDetails(
      details({ ...nullsFixture, ownerEmail: "lukas.muller12@example.com", ownerName: "Lukas Müller" }),
    );
    expect(row.owner).toEqual({
      id: nullsFixture.ownerId,
      name: "Lukas Müller",
      identifier: "lukas.muller12@example.com",
    });
  });

  it("accepts absent nullable fields, unknown enum values and extra keys", () => {
    const { channelName: _channelName, ticketStatus: _ticketStatus, ...rest } = detailsFixture;
    const row = mapZaiaChatDetails(
      details({ ...rest, channelType: "telegram", responderEntity: "workflow", extra: { deep: 1 } }),
    );
    expect(row.channel).toEqual({ id: detailsFixture.channelId, type: "telegram", name: null });
    expect(row.responder?.kind).toBe("workflow");
    expect(row.status).toBeNull();
  });

  it("keeps unicode, markdown and hostile text exactly as Zaia sent it", () => {
    const hostile = '<img src=x onerror="alert(1)"> **bold** مرحبا 你好 🎉';
    const row = mapZaiaChatDetails(
      details({ ...detailsFixture, title: hostile, lastMessageContent: hostile }),
    );
    expect(row.title).toBe(hostile);
    expect(row.preview).toBe(hostile);
  });

  it.each([
    [{ id: 42 }, "id"],
    [{ isRemoved: "no" }, "isRemoved"],
    [{ createdAt: "yesterday" }, "createdAt"],
    [{ responderName: null }, "responderName"],
    [{ responderVersionNumber: 2.5 }, "responderVersionNumber"],
  ])("refuses %j as a bad response naming the field", (patch, field) => {
    expect(() => details({ ...detailsFixture, ...patch })).toThrow(
      new RegExp(`Bad response from Zaia \\(chat details\\): ${field}`),
    );
  });
});

describe("mapZaiaChatDetailsToDetail", () => {
  it("adds labelled extras and no costs, and fits Parley's detail model", () => {
    const detail = mapZaiaChatDetailsToDetail(details(detailsFixture));
    expect(detail.costBreakdown).toEqual([]);
    expect(detail.extras).toEqual([
      {
        title: "Ticket",
        fields: [
          { label: "Ticket ID", value: "4a8e1f0d-2c7b-4d93-b6a5-0e9f3c1d7b24" },
          { label: "Status", value: "Pending" },
        ],
      },
      {
        title: "Owner",
        fields: [
          { label: "Name", value: "Sofía García" },
          { label: "Identifier", value: "+55 11 98765-4321" },
          { label: "Blocked", value: "No" },
          { label: "Owner ID", value: "0f6c2d1e-8b3a-4c57-9e21-6a4d8f0b3c72" },
        ],
      },
      {
        title: "Responder",
        fields: [
          { label: "Name", value: "Aurora Atendimento" },
          { label: "Entity", value: "Agent" },
          { label: "Version", value: "v3" },
        ],
      },
      {
        title: "Channel",
        fields: [
          { label: "Name", value: "WhatsApp Business +55 11 4000-1234" },
          { label: "Type", value: "WhatsApp" },
          { label: "Channel ID", value: "d9a3fc98-338d-4846-882b-e1ac8b4e0bc4" },
        ],
      },
    ]);
    const asParley = conversationDetailSchema.safeParse({
      ...detail,
      connectionId: "c1",
      connectionName: "Zaia",
      provider: "zaia",
      providerTitle: detail.title,
      flags: { important: false, archived: false, trashed: false, removedAtProvider: detail.native.removed },
      flagHomes: { important: "parley", archived: "parley", title: "provider", trashed: "parley" },
      deleteAtProvider: "soft",
    });
    expect(asParley.success).toBe(true);
  });

  it("leaves out sections Zaia left empty", () => {
    const extras = zaiaChatExtras(details(nullsFixture));
    expect(extras.map((section) => section.title)).toEqual(["Owner", "Responder"]);
    expect(extras[0]?.fields).toEqual([{ label: "Owner ID", value: nullsFixture.ownerId }]);
  });
});

describe("mapZaiaLeanChat", () => {
  it("maps the ids a lean chat has and leaves the rest unknown", () => {
    const chat = parseWire("zaia", "chat", zaiaLeanChatSchema, leanFixture);
    expect(mapZaiaLeanChat(chat)).toEqual({
      id: leanFixture.id,
      title: leanFixture.title,
      preview: null,
      channel: { id: leanFixture.channelId, type: null, name: null },
      responder: { id: leanFixture.responderId, name: null, kind: null },
      version: null,
      owner: { id: leanFixture.ownerId, name: null, identifier: null },
      status: null,
      createdAt: leanFixture.createdAt,
      lastActivityAt: leanFixture.lastChatMessageCreatedAt,
      messageCount: null,
      cost: null,
      native: { important: null, archived: null, removed: false },
    });
  });
});

describe("toIsoTime", () => {
  it("normalises offsets and keeps null", () => {
    expect(toIsoTime("2026-06-14T15:45:34+02:00")).toBe("2026-06-14T13:45:34.000Z");
    expect(toIsoTime(null)).toBeNull();
    expect(toIsoTime(undefined)).toBeNull();
    expect(toIsoTime("not a date")).toBeNull();
  });
});
