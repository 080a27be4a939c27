"use client";

import type { ReactNode } from "react";
import { Label } from "@/components/ui/label";

/** The attributes a field's control needs to be named and described by its label, hint and error. */
export interface FieldControlProps {
  id: string;
  "aria-describedby": string | undefined;
  "aria-invalid": true | undefined;
}

/**
 * A labelled form field: label, the control (a render prop receiving its id and ARIA wiring),
 * an optional hint and an error message. The hint and error are the control's description, so
 * screen readers read them with the field.
 */
export function FormField({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const describedBy = [hintId, errorId].filter((value) => value !== null).join(" ") || undefined;
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint ? (
        <div id={hintId ?? undefined} className="text-muted-foreground text-xs">
          {hint}
        </div>
      ) : null}
      {error ? (
        <p id={errorId ?? undefined} className="text-destructive text-xs">
          {error}
        </p>
      ) : null}
    </div>
  );
}
