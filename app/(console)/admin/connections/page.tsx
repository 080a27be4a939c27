import type { Metadata } from "next";
import { ConnectionsPanel } from "@/components/admin/connections/connections-panel";
import { requireAdminPage } from "@/lib/auth/session";
import { getConfig } from "@/lib/config";

export const metadata: Metadata = { title: "Connections" };
export const dynamic = "force-dynamic";

/** Admins only (staff are redirected): the provider connections and their health. */
export default async function AdminConnectionsPage() {
  await requireAdminPage();
  const config = getConfig();
  // In demo mode the simulator's loopback URLs are accepted; the form offers them as a hint.
  const simulatorUrl = config.demo ? `http://127.0.0.1:${config.simulatorPort}` : null;
  return <ConnectionsPanel simulatorUrl={simulatorUrl} />;
}
