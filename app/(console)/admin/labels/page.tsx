import type { Metadata } from "next";
import { LabelsPanel } from "@/components/admin/labels/labels-panel";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Labels" };
export const dynamic = "force-dynamic";

/** Admins only (staff are redirected): the labels staff put on conversations. */
export default async function AdminLabelsPage() {
  await requireAdminPage();
  return <LabelsPanel />;
}
