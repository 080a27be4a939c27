/** Inputs and outputs of the connections API. The key goes in; only its hint ever comes out. */
import { z } from "zod";
import { providerIdSchema } from "@/lib/model/conversation";

const name = z.string().trim().min(1, "a name is required").max(80, "at most 80 characters");
const apiKey = z.string().trim().min(8, "the key looks too short").max(500, "the key is too long");
const baseUrl = z.string().trim().min(1, "a base URL is required").max(500);

export const createConnectionSchema = z
  .object({ provider: providerIdSchema, name, baseUrl, apiKey })
  .strict();
export type CreateConnectionInput = z.infer<typeof createConnectionSchema>;

export const updateConnectionSchema = z
  .object({
    name: name.optional(),
    baseUrl: baseUrl.optional(),
    apiKey: apiKey.optional(),
    /** Keep transcripts in the index; false keeps metadata only and purges the stored message text. */
    indexTranscripts: z.boolean().optional(),
  })
  .strict()
  .refine(
    (body) => Object.keys(body).length > 0,
    "send at least one of name, baseUrl, apiKey, indexTranscripts",
  );
export type UpdateConnectionInput = z.infer<typeof updateConnectionSchema>;

export const testConnectionSchema = z
  .object({
    provider: providerIdSchema,
    baseUrl,
    apiKey: apiKey.optional(),
    connectionId: z.string().optional(),
  })
  .strict();

export const connectionViewSchema = z.object({
  id: z.string(),
  provider: providerIdSchema,
  name: z.string(),
  baseUrl: z.string(),
  keyHint: z.string(),
  lastError: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  /** Whether sync keeps this connection's transcripts (message text) in the index. */
  indexTranscripts: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConnectionView = z.infer<typeof connectionViewSchema>;
