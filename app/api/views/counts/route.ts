// GET /api/views/counts — how many conversations each built-in view and each of the user's saved
// views holds, from the index in one statement (the sidebar's counts).
import { withApi } from "@/lib/api/handler";
import { countAllViews } from "@/lib/conversations/saved-views";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async ({ actor }) => {
  const db = await getDatabase();
  return Response.json(await countAllViews(db, actor), { headers: { "cache-control": "no-store" } });
});
