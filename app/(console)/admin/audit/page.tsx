import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditPanel } from "@/components/admin/audit/audit-panel";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

/** Admins only (staff are redirected): the audit log, filtered through the URL. */
export default async function AdminAuditPage() {
  await requireAdminPage();
  return (
    <Suspense>
      <AuditPanel />
    </Suspense>
  );
}
