/** Builders shared by the OpenAPI document's parts: JSON bodies, query and path parameters, errors. */
import { z } from "zod";
import { apiErrorSchema } from "@/lib/conversations/api-schemas";

export type Schema = z.ZodType;

function jsonSchema(schema: Schema, io: "input" | "output"): Record<string, unknown> {
  return z.toJSONSchema(schema, { io, unrepresentable: "any", target: "openapi-3.0" }) as Record<
    string,
    unknown
  >;
}

/** Query parameters from an object schema's properties. */
export function queryParameters(schema: Schema): Record<string, unknown>[] {
  const document = jsonSchema(schema, "input");
  const properties = (document.properties ?? {}) as Record<string, unknown>;
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: "query",
    required: false,
    schema: property,
  }));
}

export const json = (schema: Schema, io: "input" | "output" = "output") => ({
  "application/json": { schema: jsonSchema(schema, io) },
});
export const errors = {
  "400": { description: "Invalid input", content: json(apiErrorSchema) },
  "401": { description: "No session", content: json(apiErrorSchema) },
  "403": { description: "Role or origin refused", content: json(apiErrorSchema) },
};
export const pathParameter = (name: string) => ({
  name,
  in: "path",
  required: true,
  schema: { type: "string" },
});
