// GET /api/settings — Parley-wide settings (everyone: the UI hides what they forbid).
// PATCH /api/settings — change them (admins; audited).
import { readJsonBody, withApi } from "@/lib/api/handler";
import { readSettings, updateSettings } from "@/lib/conversations/settings";
import { getDatabase } from "@/lib/db/client";
import { updateSettingsSchema } from "@/lib/model/settings";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const GET = withApi({ role: "any" }, async () => {
  const db = await getDatabase();
  return Response.json(await readSettings(db), { headers: { "cache-control": "no-store" } });
});

export const PATCH = withApi({ role: "admin" }, async ({ request, actor }) => {
  const body = updateSettingsSchema.parse(await readJsonBody(request));
  const db = await getDatabase();
  return Response.json(await updateSettings(db, actor, body));
});
