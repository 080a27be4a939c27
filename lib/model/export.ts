/**
 * The conversation export's query: a format plus exactly the list's state (connection, view,
 * every filter of the registry, sort), without the cursor or page size, since an export covers
 * every page. Pure, shared by the route, the OpenAPI document and the browser's links.
 */
import { z } from "zod";
import { filterApiShape, listValueSchema } from "./filters";
import { sortSchema, viewSchema } from "./list-query";

export const exportFormats = ["csv", "jsonl"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportQuerySchema = z
  .object({
    format: z.enum(exportFormats),
    connection: listValueSchema,
    view: viewSchema.default("inbox"),
    ...filterApiShape,
    sort: sortSchema.default("recent"),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "`from` must not be after `to`",
    path: ["from"],
  });
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** A thread's download (`GET /api/conversations/:connectionId/:conversationId/export`). */
export const threadExportFormats = ["md", "json"] as const;
export type ThreadExportFormat = (typeof threadExportFormats)[number];

export const threadExportQuerySchema = z.object({ format: z.enum(threadExportFormats) }).strict();
