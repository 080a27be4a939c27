/** The authorization matrix's rows for bulk jobs and labels (same roles as a single change). */
import { conversationUrl, type MatrixRow } from "./authorization-rows";

const anyone = (status: number) => ({ anonymous: 401, staff: status, admin: status });
const signedIn = (admin: number) => ({ anonymous: 401, staff: 403, admin });

export const bulkAndLabelRows: MatrixRow[] = [
  {
    route: "/api/bulk",
    method: "POST",
    name: "start a bulk job (same roles as a single change)",
    url: () => "/api/bulk",
    body: (f) => ({
      action: "important",
      target: {
        selection: [{ connectionId: f.connectionIds.sigmamind, conversationId: f.conversationIds.sigmamind }],
      },
    }),
    expected: anyone(202),
    shape: "parley",
  },
  {
    route: "/api/bulk/:id",
    method: "GET",
    name: "bulk progress of a missing job",
    url: () => "/api/bulk/no-such-job",
    expected: anyone(404),
    shape: "parley",
  },
  {
    route: "/api/bulk/:id/retry",
    method: "POST",
    name: "retry a missing bulk job",
    url: () => "/api/bulk/no-such-job/retry",
    expected: anyone(404),
    shape: "parley",
  },
  {
    route: "/api/bulk/:id/undo",
    method: "POST",
    name: "undo a missing bulk job",
    url: () => "/api/bulk/no-such-job/undo",
    expected: anyone(404),
    shape: "parley",
  },
  {
    route: "/api/labels",
    method: "GET",
    name: "labels",
    url: () => "/api/labels",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/labels",
    method: "POST",
    name: "create a label",
    url: () => "/api/labels",
    body: (_f, who) => ({ name: `Matrix ${who}`, colour: "blue" }),
    expected: signedIn(201),
    shape: "parley",
  },
  {
    route: "/api/labels/:id",
    method: "PATCH",
    name: "rename a missing label",
    url: () => "/api/labels/no-such-label",
    body: () => ({ name: "Nobody" }),
    expected: signedIn(404),
    shape: "parley",
  },
  {
    route: "/api/labels/:id",
    method: "DELETE",
    name: "delete a missing label",
    url: () => "/api/labels/no-such-label",
    expected: signedIn(404),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId/labels",
    method: "GET",
    name: "a conversation's labels",
    url: (f) => `${conversationUrl(f, "zaia")}/labels`,
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId/labels",
    method: "PUT",
    name: "set a conversation's labels",
    url: (f) => `${conversationUrl(f, "zaia")}/labels`,
    body: () => ({ labelIds: [] }),
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId/labels",
    method: "PATCH",
    name: "change a conversation's labels",
    url: (f) => `${conversationUrl(f, "zaia")}/labels`,
    body: () => ({ remove: ["no-such-label"] }),
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/labels/:id/conversations",
    method: "POST",
    name: "label many conversations with a missing label",
    url: () => "/api/labels/no-such-label/conversations",
    body: (f) => ({
      mode: "add",
      target: { filter: { view: "all", connection: f.connectionIds.zaia } },
    }),
    expected: anyone(404),
    shape: "parley",
  },
];
