import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageActor } from "@/lib/auth/session";
import { listConnectionRows } from "@/lib/connections/repository";
import { providerIdSchema } from "@/lib/model/conversation";
import { getDatabase } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Every signed-in page: the session is checked on the server before anything renders. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  const rows = await listConnectionRows(await getDatabase());
  const connections = rows.map((row) => ({
    id: row.id,
    name: row.name,
    provider: providerIdSchema.parse(row.provider),
  }));
  return (
    <AppShell
      actor={{ id: actor.id, name: actor.name, email: actor.email, role: actor.role }}
      connections={connections}
    >
      {children}
    </AppShell>
  );
}
