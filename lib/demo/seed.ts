/**
 * Demo mode's first start: two accounts (admin and staff) and one connection per provider
 * pointing at the local simulator. Runs inside the server process (PGlite allows one process per
 * data directory) and only once: later starts find the accounts and change nothing, so
 * connections an admin removed stay removed.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { getAuth } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/permissions";
import { getConfig } from "@/lib/config";
import { insertConnection } from "@/lib/connections/repository";
import { providerIds, providerLabels } from "@/lib/model/conversation";
import type { Database } from "@/lib/db/client";
import { user } from "@/lib/db/schema";
import { simulatorKeys } from "@/simulator/keys";

export const demoAccounts: readonly { email: string; password: string; name: string; role: Role }[] = [
  { email: "admin@parley.local", password: "parley-demo-admin", name: "Ada Admin", role: "admin" },
  { email: "staff@parley.local", password: "parley-demo-staff", name: "Sam Staff", role: "staff" },
];

export async function seedDemo(db: Database): Promise<{ created: boolean }> {
  const existing = await db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, "admin@parley.local"))
    .limit(1);
  if (existing.length > 0) return { created: false };
  const auth = getAuth();
  for (const account of demoAccounts) {
    await auth.api.createUser({
      body: { email: account.email, password: account.password, name: account.name, role: account.role },
    });
  }
  const simulatorPort = getConfig().simulatorPort;
  for (const provider of providerIds) {
    await insertConnection(db, {
      provider,
      name: `${providerLabels[provider]} (demo)`,
      baseUrl: `http://127.0.0.1:${simulatorPort}/${provider}`,
      apiKey: simulatorKeys[provider].primary,
      actorId: null,
    });
  }
  return { created: true };
}
