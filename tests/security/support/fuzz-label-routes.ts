/**
 * The label routes the fuzz test sends hostile input to. Labels are Parley's own data: a refused
 * request that reaches the label service (a missing label or conversation, a name taken) leaves
 * one failure audit row, as does a conversation id too long to serve.
 */
import fc from "fast-check";
import type { z } from "zod";
import { MAX_PARAM_LENGTH } from "@/lib/api/handler";
import { DEFAULT_BODY_LIMIT } from "@/lib/api/request-body";
import { containsUnstorableText } from "@/lib/api/unstorable-text";
import {
  bulkLabelRequestSchema,
  changeConversationLabelsSchema,
  createLabelSchema,
  labelColours,
  setConversationLabelsSchema,
  updateLabelSchema,
} from "@/lib/model/labels";
import {
  hostileString,
  nearlyValidObject,
  pathSegment,
  rawBody,
  sessionFor,
  type FuzzRequest,
} from "./fuzz-inputs";
import {
  build,
  conversationPath,
  hostileQuery,
  parsedBody,
  type FuzzFixture,
  type FuzzRoute,
} from "./fuzz-route-kit";

function decodedSegments(request: FuzzRequest, from: number, to: number): string[] | null {
  try {
    const ids = request.path.split("/").slice(from, to).map(decodeURIComponent);
    return containsUnstorableText(ids) ? null : ids;
  } catch {
    return null;
  }
}

/** Whether the body gets past `readJsonBody` and the route's schema. */
function validBody(request: FuzzRequest, schema: z.ZodType): boolean {
  if (request.rawBody === undefined || Buffer.byteLength(request.rawBody) > DEFAULT_BODY_LIMIT) return false;
  const body = parsedBody(request);
  return body !== undefined && !containsUnstorableText(body) && schema.safeParse(body).success;
}

const signedIn = (request: FuzzRequest, admin: boolean) =>
  !request.crossSite && (request.session === "admin" || (!admin && request.session === "staff"));

/** An admin's label write with a servable id and (when `schema`) a valid body reaches the service. */
function reachesLabelService(request: FuzzRequest, schema: z.ZodType | null): boolean {
  if (!signedIn(request, true)) return false;
  const ids = decodedSegments(request, 3, 4);
  if (ids && ids.some((id) => id.length > MAX_PARAM_LENGTH)) return false;
  if (request.path !== "/api/labels" && !ids) return false;
  return schema === null || validBody(request, schema);
}

/** Changing a conversation's labels: a long id is refused with a row; otherwise a valid body reaches the service. */
function reachesConversationLabels(schema: z.ZodType) {
  return (request: FuzzRequest): boolean => {
    if (!signedIn(request, false)) return false;
    const ids = decodedSegments(request, 3, 5);
    if (!ids) return false;
    if (ids.some((id) => id.length > MAX_PARAM_LENGTH)) return true;
    return validBody(request, schema);
  };
}

/** One label on many conversations, with a missing label: a servable request is refused with a row. */
function reachesBulkLabels(request: FuzzRequest): boolean {
  if (!signedIn(request, false)) return false;
  const ids = decodedSegments(request, 3, 4);
  if (!ids) return false;
  if (ids.some((id) => id.length > MAX_PARAM_LENGTH)) return true;
  return validBody(request, bulkLabelRequestSchema);
}

export function labelRoutes(fixture: FuzzFixture): FuzzRoute[] {
  const labelShaped = fc.record({
    name: fc.oneof(hostileString, fc.constantFrom("Refund", "Escalate")),
    colour: fc.constantFrom(...labelColours),
    description: fc.oneof(hostileString, fc.constant("")),
  });
  const labelPath = pathSegment(["no-such-label"], 1).map((id) => `/api/labels/${id}`);
  // Only paths that stay a labels path once dot segments are resolved: `…/{connection}/./labels`
  // is `…/{connection}/labels`, the conversation route for a conversation named "labels", which
  // serves no PUT (Next.js answers 405 with no body); the moderation fuzz covers that route.
  const labelsPath = conversationPath(fixture, ["sigmamind", "cozmox", "zaia"], 1)
    .map((path) => `${path}/labels`)
    .filter((path) => {
      const segments = new URL(path, "http://fuzz.invalid").pathname.split("/");
      return segments.length === 6 && segments[5] === "labels";
    });
  return [
    {
      name: "labels",
      pattern: "/api/labels",
      share: 0.3,
      method: "GET",
      requests: build(fc.constant("/api/labels"), hostileQuery(["limit"]), sessionFor("staff")),
    },
    {
      name: "create label",
      pattern: "/api/labels",
      share: 0.7,
      method: "POST",
      auditsRefusal: (request) => reachesLabelService(request, createLabelSchema),
      requests: build(
        fc.constant("/api/labels"),
        fc.constant(""),
        sessionFor("admin"),
        rawBody(labelShaped, nearlyValidObject(["name", "colour", "description"]), 3),
      ),
    },
    {
      name: "update label",
      pattern: "/api/labels/:id",
      share: 0.5,
      method: "PATCH",
      auditsRefusal: (request) => reachesLabelService(request, updateLabelSchema),
      requests: build(
        labelPath,
        fc.constant(""),
        sessionFor("admin"),
        rawBody(labelShaped, nearlyValidObject(["name", "colour", "description"]), 3),
      ),
    },
    {
      name: "delete label",
      pattern: "/api/labels/:id",
      share: 0.5,
      method: "DELETE",
      auditsRefusal: (request) => reachesLabelService(request, null),
      requests: build(labelPath, fc.constant(""), sessionFor("admin")),
    },
    {
      name: "conversation labels",
      pattern: "/api/conversations/:connectionId/:conversationId/labels",
      share: 0.2,
      method: "GET",
      requests: build(labelsPath, hostileQuery(["limit"]), sessionFor("staff")),
    },
    {
      name: "set conversation labels",
      pattern: "/api/conversations/:connectionId/:conversationId/labels",
      share: 0.4,
      method: "PUT",
      auditsRefusal: reachesConversationLabels(setConversationLabelsSchema),
      requests: build(
        labelsPath,
        fc.constant(""),
        sessionFor("staff"),
        rawBody(
          fc.record({ labelIds: fc.array(fc.constantFrom("no-such-label", "x"), { maxLength: 3 }) }),
          nearlyValidObject(["labelIds"]),
          3,
        ),
      ),
    },
    {
      name: "change conversation labels",
      pattern: "/api/conversations/:connectionId/:conversationId/labels",
      share: 0.4,
      method: "PATCH",
      auditsRefusal: reachesConversationLabels(changeConversationLabelsSchema),
      requests: build(
        labelsPath,
        fc.constant(""),
        sessionFor("staff"),
        rawBody(
          fc.record({
            add: fc.array(fc.constantFrom("no-such-label", "x"), { maxLength: 2 }),
            remove: fc.array(fc.constantFrom("y", "z"), { maxLength: 2 }),
          }),
          nearlyValidObject(["add", "remove"]),
          3,
        ),
      ),
    },
    {
      name: "label many conversations",
      pattern: "/api/labels/:id/conversations",
      share: 1,
      method: "POST",
      auditsRefusal: reachesBulkLabels,
      requests: build(
        pathSegment(["no-such-label"], 1).map((id) => `/api/labels/${id}/conversations`),
        fc.constant(""),
        sessionFor("staff"),
        rawBody(
          fc.record({
            mode: fc.constantFrom("add", "remove"),
            target: fc.constant({ filter: { view: "all", connection: fixture.connections.zaia } }),
          }),
          nearlyValidObject(["mode", "target"]),
          3,
        ),
      ),
    },
  ];
}
