// GET /api/openapi.json — the API described from its own zod schemas (signed-in users)
import { withApi } from "@/lib/api/handler";
import { openApiDocument } from "@/lib/api/openapi";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

let document: Record<string, unknown> | null = null;

export const GET = withApi({ role: "any" }, async () => Response.json((document ??= openApiDocument())));
