import type { Role } from "@/lib/auth/permissions";

export const roleLabels: Record<Role, string> = { admin: "Administrator", staff: "Staff" };

export const roleDescriptions: Record<Role, string> = {
  admin: "Everything staff can do, plus connections, users, deleting at the provider and the audit log.",
  staff: "Browse, read and moderate conversations.",
};
