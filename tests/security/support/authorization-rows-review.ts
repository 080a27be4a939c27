/** The authorization matrix's rows for assignment and review (staff review; progress is admins'). */
import { conversationUrl, type MatrixRow } from "./authorization-rows";

const anyone = (status: number) => ({ anonymous: 401, staff: status, admin: status });
const signedIn = (admin: number) => ({ anonymous: 401, staff: 403, admin });

export const reviewRows: MatrixRow[] = [
  {
    route: "/api/conversations/:connectionId/:conversationId",
    method: "PATCH",
    name: "review a conversation (state and score)",
    url: (f) => conversationUrl(f, "zaia"),
    body: () => ({ reviewState: "in_review", score: 3 }),
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/conversations/:connectionId/:conversationId/review",
    method: "GET",
    name: "a conversation's review",
    url: (f) => `${conversationUrl(f, "zaia")}/review`,
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/review/options",
    method: "GET",
    name: "review options (score mode, assignees)",
    url: () => "/api/review/options",
    expected: anyone(200),
    shape: "parley",
  },
  {
    route: "/api/analytics/review",
    method: "GET",
    name: "review progress",
    url: () => "/api/analytics/review",
    expected: signedIn(200),
    shape: "parley",
  },
];
