"use client";

import {
  KeyRoundIcon,
  LogOutIcon,
  MoreHorizontalIcon,
  ShieldIcon,
  ShieldOffIcon,
  Trash2Icon,
  UserCheckIcon,
  UserXIcon,
} from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { hasAdminRole } from "@/lib/users/roles";
import type { ManagedUser } from "@/lib/client/user-admin";
import { formatDateTime } from "../format";
import { roleLabels } from "./role-labels";

export type UserAction =
  "make-admin" | "make-staff" | "reset-password" | "end-sessions" | "deactivate" | "reactivate" | "remove";

/** Why an action is not offered for a user, or null when it is. */
export type UserRestrictions = Partial<Record<UserAction, string>>;

export const LAST_ADMIN_REASON = "Last active administrator: make someone else an administrator first.";

export function restrictionsFor(user: ManagedUser, actorId: string, isLastAdmin: boolean): UserRestrictions {
  const restrictions: UserRestrictions = {};
  if (user.id === actorId) {
    restrictions.deactivate = "You cannot deactivate your own account.";
    restrictions.remove = "You cannot remove your own account.";
    restrictions["end-sessions"] = "Use “Sign out” in your account menu.";
  }
  if (isLastAdmin) {
    restrictions["make-staff"] = LAST_ADMIN_REASON;
    restrictions.deactivate = LAST_ADMIN_REASON;
    restrictions.remove = LAST_ADMIN_REASON;
  }
  return restrictions;
}

export function userActionsButtonId(userId: string): string {
  return `user-actions-${userId}`;
}

function ActionItem({
  reason,
  destructive = false,
  icon,
  children,
  onSelect,
}: {
  reason: string | undefined;
  destructive?: boolean;
  icon: ReactNode;
  children: ReactNode;
  onSelect: () => void;
}) {
  return (
    <DropdownMenuItem
      disabled={reason !== undefined}
      variant={destructive ? "destructive" : "default"}
      onSelect={onSelect}
    >
      {icon}
      <span className="flex min-w-0 flex-col">
        <span>{children}</span>
        {reason ? <span className="text-muted-foreground text-xs whitespace-normal">{reason}</span> : null}
      </span>
    </DropdownMenuItem>
  );
}

function RowActions({
  user,
  restrictions,
  onAction,
}: {
  user: ManagedUser;
  restrictions: UserRestrictions;
  onAction: (action: UserAction) => void;
}) {
  const admin = hasAdminRole(user.role);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          id={userActionsButtonId(user.id)}
          variant="ghost"
          size="icon-sm"
          aria-label={`Actions for ${user.name}`}
        >
          <MoreHorizontalIcon aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="truncate">{user.email}</DropdownMenuLabel>
        {admin ? (
          <ActionItem
            reason={restrictions["make-staff"]}
            icon={<ShieldOffIcon aria-hidden />}
            onSelect={() => onAction("make-staff")}
          >
            Make staff…
          </ActionItem>
        ) : (
          <ActionItem
            reason={restrictions["make-admin"]}
            icon={<ShieldIcon aria-hidden />}
            onSelect={() => onAction("make-admin")}
          >
            Make administrator…
          </ActionItem>
        )}
        <ActionItem
          reason={undefined}
          icon={<KeyRoundIcon aria-hidden />}
          onSelect={() => onAction("reset-password")}
        >
          Reset password…
        </ActionItem>
        <ActionItem
          reason={restrictions["end-sessions"]}
          icon={<LogOutIcon aria-hidden />}
          onSelect={() => onAction("end-sessions")}
        >
          Sign out everywhere…
        </ActionItem>
        <DropdownMenuSeparator />
        {user.banned ? (
          <ActionItem
            reason={undefined}
            icon={<UserCheckIcon aria-hidden />}
            onSelect={() => onAction("reactivate")}
          >
            Reactivate…
          </ActionItem>
        ) : (
          <ActionItem
            reason={restrictions.deactivate}
            destructive
            icon={<UserXIcon aria-hidden />}
            onSelect={() => onAction("deactivate")}
          >
            Deactivate…
          </ActionItem>
        )}
        <ActionItem
          reason={restrictions.remove}
          destructive
          icon={<Trash2Icon aria-hidden />}
          onSelect={() => onAction("remove")}
        >
          Remove…
        </ActionItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** Every user with role and status; the actions each row offers depend on who is looking. */
export function UsersTable({
  users,
  actorId,
  lastAdminId,
  onAction,
}: {
  users: ManagedUser[];
  actorId: string;
  /** The only active administrator, if there is exactly one. */
  lastAdminId: string | null;
  onAction: (user: ManagedUser, action: UserAction) => void;
}) {
  return (
    <Table className="min-w-[560px]">
      <TableCaption className="sr-only">Users and their roles</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Name</TableHead>
          <TableHead scope="col">Email</TableHead>
          <TableHead scope="col">Role</TableHead>
          <TableHead scope="col">Status</TableHead>
          <TableHead scope="col" className="hidden lg:table-cell">
            Created
          </TableHead>
          <TableHead scope="col">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {users.map((user) => {
          const isLastAdmin = user.id === lastAdminId;
          const admin = hasAdminRole(user.role);
          return (
            <TableRow key={user.id} data-user-email={user.email}>
              <TableCell>
                <span className="font-medium">{user.name}</span>
                {user.id === actorId ? (
                  <Badge variant="outline" className="ml-2">
                    You
                  </Badge>
                ) : null}
              </TableCell>
              <TableCell>{user.email}</TableCell>
              <TableCell>
                <div className="flex flex-col gap-1">
                  <Badge variant={admin ? "info" : "secondary"}>
                    {admin ? roleLabels.admin : roleLabels.staff}
                  </Badge>
                  {isLastAdmin ? (
                    <span className="text-muted-foreground text-xs">Last active administrator</span>
                  ) : null}
                </div>
              </TableCell>
              <TableCell>
                {user.banned ? (
                  <Badge variant="destructive-subtle">Deactivated</Badge>
                ) : (
                  <Badge variant="success">Active</Badge>
                )}
              </TableCell>
              <TableCell className="hidden lg:table-cell">
                <time dateTime={user.createdAt}>{formatDateTime(user.createdAt)}</time>
              </TableCell>
              <TableCell className="text-right">
                <RowActions
                  user={user}
                  restrictions={restrictionsFor(user, actorId, isLastAdmin)}
                  onAction={(action) => onAction(user, action)}
                />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
