"use client";

import { EyeIcon, EyeOffIcon, WandSparklesIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, generatePassword } from "@/lib/users/roles";
import { FormField } from "../form-field";

/**
 * A new password for someone else: typed or generated, and shown on request so the admin can
 * pass it on. The hint states the length rule the server enforces.
 */
export function PasswordField({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | null;
  onChange: (value: string) => void;
}) {
  const [visible, setVisible] = useState(false);
  return (
    <FormField
      id={id}
      label={label}
      error={error}
      hint={`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters; not a common password, and not containing the email.`}
    >
      {(control) => (
        <div className="flex gap-2">
          <Input
            {...control}
            type={visible ? "text" : "password"}
            value={value}
            autoComplete="new-password"
            spellCheck={false}
            maxLength={PASSWORD_MAX_LENGTH}
            className="font-mono"
            onChange={(event) => onChange(event.target.value)}
          />
          <Button
            type="button"
            variant="outline"
            size="icon"
            aria-label={visible ? "Hide password" : "Show password"}
            aria-pressed={visible}
            onClick={() => setVisible(!visible)}
          >
            {visible ? <EyeOffIcon aria-hidden /> : <EyeIcon aria-hidden />}
          </Button>
          <Button
            type="button"
            variant="outline"
            onClick={() => {
              onChange(generatePassword());
              setVisible(true);
            }}
          >
            <WandSparklesIcon aria-hidden /> Generate
          </Button>
        </div>
      )}
    </FormField>
  );
}
