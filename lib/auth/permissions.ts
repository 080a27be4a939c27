/**
 * Roles and what they may do. Two roles: `admin` (everything) and `staff` (read and moderate).
 * Shared by the server auth instance and the browser's auth client.
 */
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements } from "better-auth/plugins/admin/access";

export const roleNames = ["admin", "staff"] as const;
export type Role = (typeof roleNames)[number];

export const accessControl = createAccessControl({
  ...defaultStatements,
  conversation: ["read", "moderate", "delete-at-provider"],
  connection: ["manage"],
  audit: ["read"],
});

export const roles = {
  admin: accessControl.newRole({
    ...adminAc.statements,
    conversation: ["read", "moderate", "delete-at-provider"],
    connection: ["manage"],
    audit: ["read"],
  }),
  staff: accessControl.newRole({
    conversation: ["read", "moderate"],
  }),
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roleNames as readonly string[]).includes(value);
}
