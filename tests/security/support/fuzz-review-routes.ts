/**
 * The review routes the fuzz test sends hostile input to: a conversation's review, the review
 * options and the admins' progress (reads: they change nothing). Review changes go through the
 * conversation's PATCH, fuzzed as "moderate".
 */
import fc from "fast-check";
import { sessionFor } from "./fuzz-inputs";
import { build, conversationPath, hostileQuery, type FuzzFixture, type FuzzRoute } from "./fuzz-route-kit";

export function reviewRoutes(fixture: FuzzFixture): FuzzRoute[] {
  // Only paths that stay a review path once dot segments are resolved (as for labels).
  const reviewPath = conversationPath(fixture, ["sigmamind", "zaia"], 1)
    .map((path) => `${path}/review`)
    .filter((path) => {
      const segments = new URL(path, "http://fuzz.invalid").pathname.split("/");
      return segments.length === 6 && segments[5] === "review";
    });
  return [
    {
      name: "conversation review",
      pattern: "/api/conversations/:connectionId/:conversationId/review",
      share: 1,
      method: "GET",
      requests: build(reviewPath, hostileQuery(["limit"]), sessionFor("staff")),
    },
    {
      name: "review options",
      pattern: "/api/review/options",
      share: 1,
      method: "GET",
      requests: build(fc.constant("/api/review/options"), hostileQuery(["limit"]), sessionFor("staff")),
    },
    {
      name: "review progress",
      pattern: "/api/analytics/review",
      share: 1,
      method: "GET",
      requests: build(
        fc.constant("/api/analytics/review"),
        hostileQuery(["connection", "view", "assignee", "reviewState", "responder", "from", "to", "q"]),
        sessionFor("admin"),
      ),
    },
  ];
}
