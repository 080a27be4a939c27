// GET /api/users/directory — active users' id and display name only, for @mentions (any role)
import { withApi } from "@/lib/api/handler";
import { getDatabase } from "@/lib/db/client";
import { listDirectoryUsers } from "@/lib/notes/service";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async () => {
  const items = await listDirectoryUsers(await getDatabase());
  return Response.json({ items }, { headers: { "cache-control": "no-store" } });
});
