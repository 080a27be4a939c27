"use client";

import { useState, type FormEvent, type ReactNode } from "react";
import {
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogFooter,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { passwordProblem } from "@/lib/users/roles";
import { endUserSessions, resetUserPassword, type ManagedUser } from "@/lib/client/user-admin";
import { FormError, errorText } from "../form-error";
import { PasswordField } from "./password-field";

type FocusProps = { onCloseAutoFocus: (event: Event) => void };

/**
 * A confirmation for one user action (change role, deactivate, end sessions, remove): says what
 * will happen, runs the action on confirm and stays open with the server's words if it is refused
 * (the last administrator, say).
 */
export function ConfirmUserActionContent({
  title,
  description,
  details,
  confirmLabel,
  destructive = false,
  run,
  onDone,
  onCloseAutoFocus,
}: {
  title: string;
  description: string;
  details?: ReactNode;
  confirmLabel: string;
  destructive?: boolean;
  run: () => Promise<void>;
  onDone: () => void;
} & FocusProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await run();
      onDone();
    } catch (failure) {
      setError(errorText(failure));
      setPending(false);
    }
  }

  return (
    <AlertDialogContent title={title} description={description} onCloseAutoFocus={onCloseAutoFocus}>
      {details}
      <FormError message={error} />
      <AlertDialogFooter>
        <AlertDialogCancel disabled={pending}>Cancel</AlertDialogCancel>
        <AlertDialogAction
          variant={destructive ? "destructive" : "default"}
          disabled={pending}
          onClick={(event) => {
            event.preventDefault();
            void confirm();
          }}
        >
          {pending ? "Working…" : confirmLabel}
        </AlertDialogAction>
      </AlertDialogFooter>
    </AlertDialogContent>
  );
}

/** Sets a new password for a user and, by default, signs them out everywhere. */
export function ResetPasswordDialogContent({
  user,
  onDone,
  onCloseAutoFocus,
}: { user: ManagedUser; onDone: (signedOut: boolean) => void } & FocusProps) {
  const [password, setPassword] = useState("");
  const [signOut, setSignOut] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = passwordProblem(password, { email: user.email });
    setError(problem);
    if (problem) return;
    setPending(true);
    setFailure(null);
    try {
      await resetUserPassword(user.id, password);
      if (signOut) await endUserSessions(user.id);
      onDone(signOut);
    } catch (caught) {
      setFailure(errorText(caught));
      setPending(false);
    }
  }

  return (
    <DialogContent
      title={`Reset the password of ${user.name}`}
      description={`${user.email} signs in with the new password from now on; the old one stops working.`}
      onCloseAutoFocus={onCloseAutoFocus}
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="grid gap-4">
        <PasswordField
          id="reset-password"
          label="New password"
          value={password}
          error={error}
          onChange={setPassword}
        />
        <div className="flex items-center gap-2">
          <Checkbox
            id="reset-sign-out"
            checked={signOut}
            onCheckedChange={(checked) => setSignOut(checked === true)}
          />
          <Label htmlFor="reset-sign-out" className="font-normal">
            Also sign them out everywhere
          </Label>
        </div>
        <FormError message={failure} />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : "Set password"}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
