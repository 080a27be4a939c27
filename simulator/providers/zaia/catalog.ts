/**
 * The fixed part of the simulated Zaia workspace: channels, agents with their versions, the squad,
 * the human staff who take over chats, and the words chats are made of. Ids are literal UUID v4
 * strings so they stay stable even if the generator in `data.ts` changes.
 */

export const zaiaWorkspaceId = "8a1b0706-c1f8-4385-851d-72dc23685d9d";

/** Channel types as the seed's `channelTypes` filter documents them (its default is all five). */
export const zaiaChannelTypes = ["widget", "waha", "whatsapp", "instagram", "api"] as const;
export type ZaiaChannelType = (typeof zaiaChannelTypes)[number];

export const zaiaMessageRoles = ["user", "assistant", "system", "human"] as const;
export type ZaiaMessageRole = (typeof zaiaMessageRoles)[number];

export const zaiaTicketStatuses = ["open", "pending", "closed"] as const;
export type ZaiaTicketStatus = (typeof zaiaTicketStatuses)[number];

export type ZaiaResponderEntity = "agent" | "squad";

export interface ZaiaAgentVersion {
  id: string;
  number: number;
  createdAt: string;
}

export interface ZaiaAgent {
  /** The agent entity id (what `/api/v1/agents` lists as `id`). */
  id: string;
  /** The super identity id chats use as `responderId`. */
  superIdentityId: string;
  name: string;
  picture: string | null;
  createdAt: string;
  updatedAt: string;
  /** Oldest first. */
  versions: readonly ZaiaAgentVersion[];
}

export interface ZaiaSquad {
  id: string;
  superIdentityId: string;
  name: string;
  picture: string | null;
  /** Super identity ids of the agents that answer inside the squad. */
  memberSuperIdentityIds: readonly string[];
}

export interface ZaiaChannel {
  id: string;
  name: string;
  type: ZaiaChannelType;
  createdAt: string;
  updatedAt: string;
  /** Super identity ids of the responders that answer on this channel. */
  responderIds: readonly string[];
}

const aurora: ZaiaAgent = {
  id: "217c9f9b-a356-4811-9535-4f05367d7076",
  superIdentityId: "ed0efd06-dfbd-4c36-b6e6-72cfc47bbb7c",
  name: "Aurora Atendimento",
  picture: "https://cdn.example.com/zaia/avatars/aurora.png",
  createdAt: "2026-06-02T13:04:11.000Z",
  updatedAt: "2026-10-28T09:15:42.000Z",
  versions: [
    { id: "64fd9bfa-ed82-46bb-9de0-3f0e061d363e", number: 1, createdAt: "2026-06-02T13:04:11.000Z" },
    { id: "1d85b412-67ab-494e-a8b8-c8e5b767ff1c", number: 2, createdAt: "2026-08-19T16:30:00.000Z" },
    { id: "027f515a-e9e1-45c6-9397-8fd381ff1c7e", number: 3, createdAt: "2026-10-28T09:15:42.000Z" },
  ],
};

const billing: ZaiaAgent = {
  id: "e6274eac-7e1e-4a59-8a3d-503eacb2728d",
  superIdentityId: "3f100312-a5e5-4f58-8cd6-28c298cd95da",
  name: "Billing Assistant",
  picture: null,
  createdAt: "2026-05-20T10:00:00.000Z",
  updatedAt: "2026-09-30T11:20:05.000Z",
  versions: [
    { id: "bbb1033e-7ec4-437d-8fc0-ef3f636f752a", number: 1, createdAt: "2026-05-20T10:00:00.000Z" },
    { id: "27ee25a2-d76a-471a-8034-49308cace91b", number: 2, createdAt: "2026-09-30T11:20:05.000Z" },
  ],
};

const techSupport: ZaiaAgent = {
  id: "35f2f942-aee9-4948-90b6-6fbc2b4a3117",
  superIdentityId: "db4a914e-d45e-4764-a388-1eacc3f45b48",
  name: "Suporte Técnico 🤖",
  picture: "https://cdn.example.com/zaia/avatars/tech.png",
  createdAt: "2026-07-01T08:45:00.000Z",
  updatedAt: "2026-11-10T14:00:00.000Z",
  versions: [
    { id: "3c327da0-8eaa-4180-98df-c2ab0c8a4a74", number: 1, createdAt: "2026-07-01T08:45:00.000Z" },
    { id: "186b613e-6fa4-4f26-b6cc-19e1b90d2c65", number: 2, createdAt: "2026-09-05T12:00:00.000Z" },
    { id: "33094c7b-63e5-4880-a21c-32ba68610662", number: 3, createdAt: "2026-11-10T14:00:00.000Z" },
  ],
};

export const zaiaAgents: readonly ZaiaAgent[] = [aurora, billing, techSupport];

export const zaiaSquads: readonly ZaiaSquad[] = [
  {
    id: "aff402c5-ff65-43bb-bffd-3ff7fba9df1b",
    superIdentityId: "e93c419b-fdcc-43ed-bd58-e6c5a1b9e413",
    name: "Customer Care Squad",
    picture: null,
    memberSuperIdentityIds: [aurora.superIdentityId, billing.superIdentityId],
  },
];

export const zaiaChannels: readonly ZaiaChannel[] = [
  {
    id: "00372bb4-acb3-48c3-94f6-cc6eede9c1d7",
    name: "Website widget",
    type: "widget",
    createdAt: "2026-06-03T10:00:00.000Z",
    updatedAt: "2026-10-01T10:00:00.000Z",
    responderIds: [aurora.superIdentityId, "e93c419b-fdcc-43ed-bd58-e6c5a1b9e413"],
  },
  {
    id: "b5de9e1f-42f0-4441-8b6d-e1174bb8a342",
    name: "Central de ajuda",
    type: "widget",
    createdAt: "2026-07-02T09:00:00.000Z",
    updatedAt: "2026-07-02T09:00:00.000Z",
    responderIds: [techSupport.superIdentityId],
  },
  {
    id: "d9a3fc98-338d-4846-882b-e1ac8b4e0bc4",
    name: "WhatsApp Business +55 11 4000-1234",
    type: "whatsapp",
    createdAt: "2026-06-10T12:30:00.000Z",
    updatedAt: "2026-09-12T08:00:00.000Z",
    responderIds: [aurora.superIdentityId, billing.superIdentityId],
  },
  {
    id: "e27d3a4b-b883-4482-a6f1-1d54c6121ab7",
    name: "WAHA — Vendas",
    type: "waha",
    createdAt: "2026-06-15T15:00:00.000Z",
    updatedAt: "2026-06-15T15:00:00.000Z",
    responderIds: [aurora.superIdentityId],
  },
  {
    id: "2d596594-c09f-4156-987e-3f593c32db77",
    name: "Instagram @loja.exemplo",
    type: "instagram",
    createdAt: "2026-06-20T18:00:00.000Z",
    updatedAt: "2026-08-01T18:00:00.000Z",
    responderIds: [aurora.superIdentityId, "e93c419b-fdcc-43ed-bd58-e6c5a1b9e413"],
  },
  {
    id: "0c9f8216-aeb6-498f-a8a0-defa728fcf60",
    name: "Public API",
    type: "api",
    createdAt: "2026-05-21T07:00:00.000Z",
    updatedAt: "2026-05-21T07:00:00.000Z",
    responderIds: [billing.superIdentityId, techSupport.superIdentityId],
  },
];

/** Workspace members who take over chats as human agents (`role: "human"` messages). */
export const zaiaStaffIds: readonly string[] = [
  "63389d7f-0e59-4b63-8ede-2d7dcdb8cd97",
  "c21cf15a-cd75-46d4-a4f6-253e44447456",
  "f85690ce-f8df-40ca-a400-6d7507e9eed6",
];

export const humanAgentTexts = [
  "Hi, this is Marina from the support team. I've taken over from the assistant.",
  "Olá! Sou a Júlia, da equipe de atendimento. Vou continuar por aqui. 😊",
  "I checked with the warehouse: your parcel leaves today and the tracking link follows by email.",
  "I've issued the refund manually — you'll see it within **5 business days**.",
  "Closing this ticket now. Reply here if anything else comes up.",
] as const;

export const chatTitles = [
  "Order #48213 not delivered",
  "Pedido atrasado — São Paulo",
  "Refund: double charge 💳",
  "Password reset loop",
  "Troca de tamanho",
  "Shipping to Canada 🇨🇦",
  "Student plan question",
  "Invoice export (PDF)",
  "App crashes on settings",
  "طلب إلغاء الاشتراك",
  "החזרת מוצר",
  "订单发货时间",
  "予約の変更",
  "배송 조회",
  "VIP customer — escalate",
  "Cupom SAVE20 não funciona",
] as const;

export const ownerHandles = [
  "ana",
  "bruno",
  "carla",
  "diego",
  "eva",
  "felipe",
  "gabi",
  "hugo",
  "iris",
  "joao",
] as const;
