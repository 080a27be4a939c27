import type { Metadata } from "next";
import { UsersPanel } from "@/components/admin/users/users-panel";
import { requireAdminPage } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

/** Admins only (staff are redirected): user accounts, roles and deactivation. */
export default async function AdminUsersPage() {
  await requireAdminPage();
  return <UsersPanel />;
}
