"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { Role } from "@/lib/auth/permissions";
import { passwordProblem } from "@/lib/users/roles";
import { createUser } from "@/lib/client/user-admin";
import { FormError, errorText } from "../form-error";
import { FormField } from "../form-field";
import { PasswordField } from "./password-field";
import { roleDescriptions, roleLabels } from "./role-labels";

type FieldErrors = Partial<Record<"name" | "email" | "password", string>>;

function validate(draft: { name: string; email: string; password: string }): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.name.trim()) errors.name = "Enter the person's name.";
  if (!/^[^\s@]+@[^\s@]+$/.test(draft.email.trim()))
    errors.email = "Enter an email address such as sam@example.com.";
  const problem = passwordProblem(draft.password, { email: draft.email });
  if (problem) errors.password = problem;
  return errors;
}

/** "Add user": name, email, role and an initial password the admin passes on. */
export function AddUserDialogContent({
  onCreated,
}: {
  onCreated: (user: { name: string; email: string }) => void;
}) {
  const [draft, setDraft] = useState({ name: "", email: "", password: "" });
  const [role, setRole] = useState<Role>("staff");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  function update(changes: Partial<typeof draft>) {
    const next = { ...draft, ...changes };
    setDraft(next);
    if (submitted) setErrors(validate(next));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    const found = validate(draft);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setPending(true);
    setFailure(null);
    try {
      const user = { name: draft.name.trim(), email: draft.email.trim().toLowerCase() };
      await createUser({ ...user, role, password: draft.password });
      onCreated(user);
    } catch (error) {
      setFailure(errorText(error));
      setPending(false);
    }
  }

  return (
    <DialogContent
      title="Add user"
      description="They sign in with this email and password; ask them to keep the password private."
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="grid gap-4">
        <FormField id="user-name" label="Name" error={errors.name}>
          {(control) => (
            <Input
              {...control}
              value={draft.name}
              maxLength={120}
              autoComplete="off"
              onChange={(event) => update({ name: event.target.value })}
            />
          )}
        </FormField>
        <FormField id="user-email" label="Email" error={errors.email}>
          {(control) => (
            <Input
              {...control}
              type="email"
              value={draft.email}
              maxLength={320}
              autoComplete="off"
              spellCheck={false}
              onChange={(event) => update({ email: event.target.value })}
            />
          )}
        </FormField>
        <FormField id="user-role" label="Role" hint={roleDescriptions[role]}>
          {(control) => (
            <Select value={role} onValueChange={(value) => setRole(value === "admin" ? "admin" : "staff")}>
              <SelectTrigger {...control} className="w-full">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="staff">{roleLabels.staff}</SelectItem>
                <SelectItem value="admin">{roleLabels.admin}</SelectItem>
              </SelectContent>
            </Select>
          )}
        </FormField>
        <PasswordField
          id="user-password"
          label="Initial password"
          value={draft.password}
          error={errors.password ?? null}
          onChange={(password) => update({ password })}
        />
        <FormError message={failure} />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add user"}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
