// GET /api/review/options — the score mode and the active users a conversation may be assigned to (any role)
import { withApi } from "@/lib/api/handler";
import { reviewOptions } from "@/lib/conversations/review";
import { getDatabase } from "@/lib/db/client";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async () => {
  return Response.json(await reviewOptions(await getDatabase()), {
    headers: { "cache-control": "no-store" },
  });
});
