/**
 * The conversation list's query, as the API parses it: the connections, the view, every filter of
 * the registry (`filters.ts`), the sort, the cursor and the page size. Pure (zod and `lib/model`),
 * so the index, the API and the browser share it.
 */
import { z } from "zod";
import { sortOrders, views } from "./constants";
import { filterApiShape, listValueSchema } from "./filters";

export const viewSchema = z.enum(views);
export const sortSchema = z.enum(sortOrders);

export const listQuerySchema = z
  .object({
    connection: listValueSchema,
    view: viewSchema.default("inbox"),
    ...filterApiShape,
    sort: sortSchema.default("recent"),
    cursor: z.string().max(4000).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: "`from` must not be after `to`",
    path: ["from"],
  });
export type ListQuery = z.infer<typeof listQuerySchema>;
