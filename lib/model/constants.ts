/**
 * Closed sets and labels shared by the server and the browser, kept free of zod so client
 * components can use them without loading the schema library (`model.ts` and `api-schemas.ts`
 * build their schemas from these).
 */
export const providerIds = ["sigmamind", "cozmox", "zaia", "chatling"] as const;
export type ProviderId = (typeof providerIds)[number];

export const providerLabels: Record<ProviderId, string> = {
  sigmamind: "SigmaMind",
  cozmox: "Cozmox",
  zaia: "Zaia",
  chatling: "Chatling",
};

export const views = ["inbox", "important", "archived", "trash", "all"] as const;
export type View = (typeof views)[number];

export const sortOrders = ["recent", "oldest"] as const;

export const TITLE_MAX_LENGTH = 200;
