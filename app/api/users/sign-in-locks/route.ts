// GET /api/users/sign-in-locks — accounts with failed sign-ins and their delay (admin)
// DELETE … {email} — clear an account's failed sign-ins, audited (admin)
import { z } from "zod";
import { readJsonBody, withApi } from "@/lib/api/handler";
import { getDatabase } from "@/lib/db/client";
import { clearSignInLock, listSignInLocks } from "@/lib/users/sign-in-locks";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const clearBody = z.object({ email: z.string().trim().min(3, "email is required").max(320) }).strict();

export const GET = withApi({ role: "admin" }, async () => {
  const db = await getDatabase();
  return Response.json({ items: await listSignInLocks(db) }, { headers: { "cache-control": "no-store" } });
});

export const DELETE = withApi({ role: "admin" }, async ({ request, actor }) => {
  const body = clearBody.parse(await readJsonBody(request));
  await clearSignInLock(await getDatabase(), actor, body.email);
  return new Response(null, { status: 204 });
});
