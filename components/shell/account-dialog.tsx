"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/admin/form-error";
import { FormField } from "@/components/admin/form-field";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Separator } from "@/components/ui/separator";
import { authClient } from "@/lib/client/auth-client";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from "@/lib/users/roles";

type Failure = { message?: string; error?: { message?: string } } | null;

function failureText(failure: Failure, fallback: string): string {
  return failure?.error?.message ?? failure?.message ?? fallback;
}

/**
 * "Your account", from the user menu: change one's own name, or one's password (the current one
 * is required; every other session of the person ends). Both are audited on the server
 * (lib/api/own-account.ts), which also refuses easy passwords; the same rule is checked here first.
 */
export function AccountDialogContent({
  name,
  email,
  onDone,
}: {
  name: string;
  email: string;
  onDone: () => void;
}) {
  const router = useRouter();
  const [newName, setNewName] = useState(name);
  const [nameError, setNameError] = useState<string | null>(null);
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [passwordErrors, setPasswordErrors] = useState<{ next?: string; repeat?: string; form?: string }>({});
  const [pending, setPending] = useState<"name" | "password" | null>(null);

  async function saveName(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = newName.trim();
    if (!trimmed) return setNameError("Enter your name.");
    setPending("name");
    const { error } = await authClient.updateUser({ name: trimmed });
    setPending(null);
    if (error) return setNameError(failureText(error as Failure, "Your name could not be changed."));
    setNameError(null);
    toast.success("Your name was changed");
    router.refresh();
  }

  async function changePassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = passwordProblem(next, { email });
    const errors = {
      next: problem ?? undefined,
      repeat: next !== repeat ? "The two new passwords differ." : undefined,
      form: current ? undefined : "Enter your current password.",
    };
    setPasswordErrors(errors);
    if (errors.next || errors.repeat || errors.form) return;
    setPending("password");
    const { error } = await authClient.changePassword({
      currentPassword: current,
      newPassword: next,
      revokeOtherSessions: true,
    });
    setPending(null);
    if (error) {
      const message =
        error.status === 400 && !(error as Failure)?.error
          ? "The current password is not right."
          : failureText(error as Failure, "Your password could not be changed.");
      return setPasswordErrors({ form: message });
    }
    toast.success("Your password was changed; you were signed out everywhere else");
    onDone();
  }

  return (
    <DialogContent title="Your account" description={email}>
      <form onSubmit={(event) => void saveName(event)} noValidate className="grid gap-3">
        <FormField id="account-name" label="Name" error={nameError}>
          {(control) => (
            <Input
              {...control}
              value={newName}
              maxLength={120}
              autoComplete="name"
              onChange={(event) => setNewName(event.target.value)}
            />
          )}
        </FormField>
        <div className="flex justify-end">
          <Button type="submit" variant="outline" disabled={pending !== null || newName.trim() === name}>
            {pending === "name" ? "Saving…" : "Save name"}
          </Button>
        </div>
      </form>
      <Separator />
      <form onSubmit={(event) => void changePassword(event)} noValidate className="grid gap-3">
        <h3 className="text-sm font-medium">Change your password</h3>
        <FormField id="account-current-password" label="Current password">
          {(control) => (
            <Input
              {...control}
              type="password"
              value={current}
              autoComplete="current-password"
              onChange={(event) => setCurrent(event.target.value)}
            />
          )}
        </FormField>
        <FormField
          id="account-new-password"
          label="New password"
          error={passwordErrors.next}
          hint={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters; not a common password, and not containing your email.`}
        >
          {(control) => (
            <Input
              {...control}
              type="password"
              value={next}
              maxLength={PASSWORD_MAX_LENGTH}
              autoComplete="new-password"
              onChange={(event) => setNext(event.target.value)}
            />
          )}
        </FormField>
        <FormField id="account-repeat-password" label="New password again" error={passwordErrors.repeat}>
          {(control) => (
            <Input
              {...control}
              type="password"
              value={repeat}
              maxLength={PASSWORD_MAX_LENGTH}
              autoComplete="new-password"
              onChange={(event) => setRepeat(event.target.value)}
            />
          )}
        </FormField>
        <p className="text-muted-foreground text-xs">
          Your other sessions, on any device, end when the password changes.
        </p>
        <FormError message={passwordErrors.form ?? null} />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Close</Button>
          </DialogClose>
          <Button type="submit" disabled={pending !== null}>
            {pending === "password" ? "Changing…" : "Change password"}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
