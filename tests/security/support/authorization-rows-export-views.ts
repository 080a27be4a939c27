/** The authorization matrix's rows for the exports (list and thread), saved views and settings routes. */
import { conversationUrl, type MatrixRow } from "./authorization-rows";

const anyone = (status: number) => ({ anonymous: 401, staff: status, admin: status });
const signedIn = (admin: number) => ({ anonymous: 401, staff: 403, admin });

export const exportViewsRows: MatrixRow[] = [
  {
    route: "/api/conversations/export",
    method: "GET",
    name: "export (staff may, unless an admin restricts it)",
    url: () => "/api/conversations/export?format=csv&view=trash",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId/export",
    method: "GET",
    name: "download a thread (staff may, unless an admin restricts exports)",
    url: (f) => `${conversationUrl(f, "sigmamind")}/export?format=md`,
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/views/counts",
    method: "GET",
    name: "views' counts",
    url: () => "/api/views/counts",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/views",
    method: "GET",
    name: "saved views",
    url: () => "/api/views",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/views",
    method: "POST",
    name: "save a personal view",
    url: () => "/api/views",
    body: (_f, who) => ({ name: `Mine (${who})`, query: "view=all" }),
    expected: anyone(201),
    shape: "parley",
  },
  {
    route: "/api/views",
    method: "POST",
    name: "save a shared view (admins)",
    url: () => "/api/views",
    body: (_f, who) => ({ name: `Team (${who})`, query: "view=important", shared: true }),
    expected: signedIn(201),
    shape: "parley",
  },
  {
    route: "/api/views/:id",
    method: "PATCH",
    name: "rename a shared view (admins)",
    url: (f) => `/api/views/${f.sharedViewId}`,
    body: () => ({ name: "Renamed by the matrix" }),
    expected: signedIn(200),
    shape: "parley",
  },
  {
    route: "/api/views/:id",
    method: "DELETE",
    name: "delete a shared view (admins)",
    url: (f) => `/api/views/${f.sharedViewId}`,
    expected: signedIn(204),
    shape: "parley",
  },
  {
    route: "/api/settings",
    method: "GET",
    name: "settings",
    url: () => "/api/settings",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/settings",
    method: "PATCH",
    name: "change settings (admins)",
    url: () => "/api/settings",
    body: () => ({ exportAdminsOnly: false }),
    expected: signedIn(200),
    shape: "parley",
  },
];
