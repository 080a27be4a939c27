/**
 * The bulk job routes the fuzz test sends hostile input to. Every input is refused: a start names
 * a connection that does not exist (or fails validation), and progress, retry and undo name jobs
 * that do not exist; so a job started by one input can never change what a later refusal is
 * checked against.
 */
import fc from "fast-check";
import { bulkActions } from "@/lib/conversations/api-schemas";
import { hostileString, nearlyValidObject, pathSegment, rawBody, sessionFor } from "./fuzz-inputs";
import { build, type FuzzFixture, type FuzzRoute } from "./fuzz-route-kit";

const jobPath = pathSegment(["00000000-0000-4000-8000-000000000000", "no-such-job"], 2);

export function bulkReadRoutes(): FuzzRoute[] {
  return [
    {
      name: "bulk progress",
      pattern: "/api/bulk/:id",
      share: 1,
      method: "GET",
      requests: build(
        jobPath.map((id) => `/api/bulk/${id}`),
        fc.constant(""),
        sessionFor("staff"),
      ),
    },
  ];
}

export function bulkWriteRoutes(fixture: FuzzFixture): FuzzRoute[] {
  const missingConnection = fc.record({
    action: fc.constantFrom(...bulkActions),
    target: fc.oneof(
      fc.record({
        filter: fc.record({ connection: fc.constant("fuzz-no-such-connection"), q: hostileString }),
      }),
      fc.record({
        filter: fc.record({
          connection: fc.constant(fixture.connections.sigmamind),
          from: fc.constant("2030-01-02"),
          to: fc.constant("2030-01-01"),
        }),
      }),
    ),
  });
  const jobWrite = (name: string, suffix: "retry" | "undo"): FuzzRoute => ({
    name,
    pattern: `/api/bulk/:id/${suffix}`,
    share: 1,
    method: "POST",
    requests: build(
      jobPath.map((id) => `/api/bulk/${id}/${suffix}`),
      fc.constant(""),
      sessionFor("staff"),
    ),
  });
  return [
    {
      name: "bulk start",
      pattern: "/api/bulk",
      share: 1,
      method: "POST",
      requests: build(
        fc.constant("/api/bulk"),
        fc.constant(""),
        sessionFor("staff"),
        rawBody(missingConnection, nearlyValidObject(["action", "target", "selection", "filter"]), 3),
      ),
    },
    jobWrite("bulk retry", "retry"),
    jobWrite("bulk undo", "undo"),
  ];
}
