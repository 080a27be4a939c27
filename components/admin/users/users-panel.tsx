"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { InfoIcon, UserPlusIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useActor } from "@/components/shell/actor-context";
import { AlertDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { isActiveAdmin } from "@/lib/users/roles";
import {
  deactivateUser,
  endUserSessions,
  listUsers,
  reactivateUser,
  removeUser,
  setUserRole,
  userKeys,
  type ManagedUser,
} from "@/lib/client/user-admin";
import { AdminPage } from "../admin-page";
import { errorText } from "../form-error";
import { AddUserDialogContent } from "./add-user-dialog";
import { ExportSetting } from "./export-setting";
import { SignInFailures } from "./sign-in-failures";
import { ConfirmUserActionContent, ResetPasswordDialogContent } from "./user-action-dialogs";
import { UsersTable, userActionsButtonId, type UserAction } from "./users-table";

const ADD_BUTTON_ID = "add-user";

interface Confirmation {
  title: string;
  description: string;
  confirmLabel: string;
  destructive?: boolean;
  run: () => Promise<void>;
  done: string;
}

/** What each confirmable action says and does; reset-password has its own form. */
function confirmationFor(
  user: ManagedUser,
  action: Exclude<UserAction, "reset-password">,
  isSelf: boolean,
): Confirmation {
  switch (action) {
    case "make-admin":
      return {
        title: `Make ${user.name} an administrator?`,
        description:
          "They will be able to manage connections and users, delete conversations at the provider and read the audit log.",
        confirmLabel: "Make administrator",
        run: () => setUserRole(user.id, "admin"),
        done: `${user.name} is now an administrator`,
      };
    case "make-staff":
      return {
        title: `Make ${user.name} staff?`,
        description: `They keep browsing and moderating conversations but lose connections, users and the audit log.${isSelf ? " You lose access to these admin pages at once." : ""}`,
        confirmLabel: "Make staff",
        run: () => setUserRole(user.id, "staff"),
        done: `${user.name} is now staff`,
      };
    case "deactivate":
      return {
        title: `Deactivate ${user.name}?`,
        description:
          "They are signed out everywhere at once and cannot sign in until an administrator reactivates them. Their audit history is kept.",
        confirmLabel: "Deactivate",
        destructive: true,
        run: () => deactivateUser(user.id),
        done: `${user.name} is deactivated and signed out`,
      };
    case "reactivate":
      return {
        title: `Reactivate ${user.name}?`,
        description: "They can sign in again with their current password.",
        confirmLabel: "Reactivate",
        run: () => reactivateUser(user.id),
        done: `${user.name} can sign in again`,
      };
    case "end-sessions":
      return {
        title: `Sign ${user.name} out everywhere?`,
        description: "Every session of theirs ends now, on every device. They can sign in again.",
        confirmLabel: "Sign out everywhere",
        destructive: true,
        run: () => endUserSessions(user.id),
        done: `${user.name} is signed out everywhere`,
      };
    case "remove":
      return {
        title: `Remove ${user.name}?`,
        description:
          "Their account is deleted and they can no longer sign in. Audit rows that name them are kept. This cannot be undone: deactivate instead to keep the account.",
        confirmLabel: "Remove user",
        destructive: true,
        run: () => removeUser(user.id),
        done: `${user.name} was removed`,
      };
  }
}

/** The admin's users page: who can sign in, with which role, and the actions on each account. */
export function UsersPanel() {
  const actor = useActor();
  const router = useRouter();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: userKeys.list(), queryFn: listUsers, staleTime: 0 });
  const [adding, setAdding] = useState(false);
  const [pending, setPending] = useState<{ user: ManagedUser; action: UserAction } | null>(null);

  const activeAdmins = (users.data ?? []).filter(isActiveAdmin);
  const lastAdminId = activeAdmins.length === 1 ? (activeAdmins[0]?.id ?? null) : null;

  function refresh(selfChanged: boolean) {
    void queryClient.invalidateQueries({ queryKey: userKeys.all });
    // A change to one's own role changes what the server renders (admin pages, sidebar links).
    if (selfChanged) router.refresh();
  }

  const close = (open: boolean) => {
    if (!open) setPending(null);
  };
  const returnFocus = (userId: string) => (event: Event) => {
    event.preventDefault();
    (document.getElementById(userActionsButtonId(userId)) ?? document.getElementById(ADD_BUTTON_ID))?.focus();
  };
  const target = pending?.user;
  const confirmation =
    pending && pending.action !== "reset-password"
      ? confirmationFor(pending.user, pending.action, pending.user.id === actor.id)
      : null;

  return (
    <AdminPage
      title="Users"
      description="Who can sign in to Parley and what they may do. Deactivating someone signs them out at once."
      actions={
        <Button id={ADD_BUTTON_ID} size="sm" onClick={() => setAdding(true)}>
          <UserPlusIcon aria-hidden /> Add user
        </Button>
      }
    >
      {lastAdminId === actor.id ? (
        <p role="note" className="bg-muted/50 flex items-start gap-2 rounded-md border p-3 text-sm">
          <InfoIcon className="text-primary mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            You are the last active administrator, so you cannot make yourself staff, deactivate or remove
            your account. Make someone else an administrator first.
          </span>
        </p>
      ) : null}
      {users.isPending ? (
        <div className="space-y-2" aria-busy="true" aria-label="Loading users">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </div>
      ) : users.isError ? (
        <p role="alert" className="text-destructive text-sm">
          The users could not be loaded: {errorText(users.error)}
        </p>
      ) : (
        <div className="rounded-lg border">
          <UsersTable
            users={users.data}
            actorId={actor.id}
            lastAdminId={lastAdminId}
            onAction={(user, action) => setPending({ user, action })}
          />
        </div>
      )}

      <SignInFailures />

      <ExportSetting />

      <Dialog open={adding} onOpenChange={setAdding}>
        {adding ? (
          <AddUserDialogContent
            onCreated={(user) => {
              setAdding(false);
              toast.success(`${user.name} (${user.email}) can now sign in`);
              refresh(false);
            }}
          />
        ) : null}
      </Dialog>

      <Dialog open={pending?.action === "reset-password"} onOpenChange={close}>
        {target && pending?.action === "reset-password" ? (
          <ResetPasswordDialogContent
            user={target}
            onCloseAutoFocus={returnFocus(target.id)}
            onDone={(signedOut) => {
              setPending(null);
              toast.success(
                `New password set for ${target.name}${signedOut ? "; they were signed out everywhere" : ""}`,
              );
              refresh(false);
            }}
          />
        ) : null}
      </Dialog>

      <AlertDialog open={confirmation !== null} onOpenChange={close}>
        {target && confirmation ? (
          <ConfirmUserActionContent
            title={confirmation.title}
            description={confirmation.description}
            confirmLabel={confirmation.confirmLabel}
            destructive={confirmation.destructive}
            run={confirmation.run}
            onCloseAutoFocus={returnFocus(target.id)}
            onDone={() => {
              setPending(null);
              toast.success(confirmation.done);
              refresh(target.id === actor.id);
            }}
          />
        ) : null}
      </AlertDialog>
    </AdminPage>
  );
}
