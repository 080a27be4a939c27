"use client";

import { untrustedLabel } from "@/components/ui/untrusted-text";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { FormField } from "../form-field";
import { testConnectionKey, updateConnection, type ConnectionView } from "@/lib/client/connections";
import { FormError, errorText } from "../form-error";
import { KeyCheckMessage, SaveAnywayPrompt, useTestedSave } from "./key-check";
import { providerChoice } from "./provider-defaults";

type DialogFocusProps = { onCloseAutoFocus: (event: Event) => void };

function Footer({
  busy,
  disabled,
  saving,
  label,
}: {
  busy: boolean;
  disabled: boolean;
  saving: boolean;
  label: string;
}) {
  return (
    <DialogFooter>
      <DialogClose asChild>
        <Button variant="outline">Cancel</Button>
      </DialogClose>
      <Button type="submit" disabled={busy || disabled}>
        {saving ? "Saving…" : label}
      </Button>
    </DialogFooter>
  );
}

/** Renames a connection; the name is Parley's own, so no provider call is needed. */
export function RenameConnectionDialogContent({
  connection,
  onSaved,
  ...focus
}: { connection: ConnectionView; onSaved: (connection: ConnectionView) => void } & DialogFocusProps) {
  const [name, setName] = useState(connection.name);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!name.trim()) {
      setError("Give the connection a name.");
      return;
    }
    setSaving(true);
    setError(null);
    try {
      onSaved(await updateConnection(connection.id, { name: name.trim() }));
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setSaving(false);
    }
  }

  return (
    <DialogContent title={`Rename “${untrustedLabel(connection.name)}”`} {...focus}>
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="grid gap-4">
        <FormField id="rename-connection" label="Name" error={error}>
          {(control) => (
            <Input
              {...control}
              value={name}
              maxLength={80}
              autoComplete="off"
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </FormField>
        <Footer busy={saving} disabled={name.trim() === connection.name} saving={saving} label="Rename" />
      </form>
    </DialogContent>
  );
}

/** Points a connection at a new base URL, testing the stored key there before saving. */
export function BaseUrlDialogContent({
  connection,
  onSaved,
  ...focus
}: { connection: ConnectionView; onSaved: (connection: ConnectionView) => void } & DialogFocusProps) {
  const [baseUrl, setBaseUrl] = useState(connection.baseUrl);
  // A stored key is never sent to an address it was not saved for: the key is entered again,
  // tested at the new address, and saved with it.
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [keyError, setKeyError] = useState<string | null>(null);
  const choice = providerChoice(connection.provider);
  const saver = useTestedSave({
    test: () =>
      testConnectionKey({
        provider: connection.provider,
        baseUrl: baseUrl.trim(),
        apiKey: apiKey.trim(),
      }),
    save: async () =>
      onSaved(await updateConnection(connection.id, { baseUrl: baseUrl.trim(), apiKey: apiKey.trim() })),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const urlProblem = baseUrl.trim() ? null : "Enter the provider's base URL.";
    const keyProblem =
      apiKey.trim().length < 8 ? "Enter the connection's API key again (at least 8 characters)." : null;
    setError(urlProblem);
    setKeyError(keyProblem);
    if (urlProblem || keyProblem) return;
    saver.submit();
  }

  return (
    <DialogContent
      title={`Change the base URL of “${untrustedLabel(connection.name)}”`}
      description="Enter the key again: it is tested at the new address before both are saved (a stored key is never sent to another address)."
      {...focus}
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        <FormField
          id="connection-new-base-url"
          label="Base URL"
          error={error}
          hint={`${choice.label}'s default: ${choice.baseUrl}`}
        >
          {(control) => (
            <Input
              {...control}
              value={baseUrl}
              inputMode="url"
              spellCheck={false}
              autoComplete="off"
              className="font-mono"
              onChange={(event) => {
                setBaseUrl(event.target.value);
                saver.invalidate();
              }}
            />
          )}
        </FormField>
        <FormField id="connection-base-url-key" label="API key" error={keyError}>
          {(control) => (
            <Input
              {...control}
              type="password"
              value={apiKey}
              autoComplete="new-password"
              spellCheck={false}
              onChange={(event) => {
                setApiKey(event.target.value);
                saver.invalidate();
              }}
            />
          )}
        </FormField>
        <KeyCheckMessage check={saver.check} providerLabel={choice.label} />
        {saver.confirming ? (
          <SaveAnywayPrompt onSaveAnyway={saver.saveAnyway} onKeepEditing={saver.keepEditing} />
        ) : null}
        <FormError message={saver.saveError} />
        <Footer
          busy={saver.busy}
          disabled={saver.confirming || baseUrl.trim() === connection.baseUrl}
          saving={saver.saving}
          label="Save"
        />
      </form>
    </DialogContent>
  );
}

/** Replaces a connection's key: the new key is tested first; the old one is gone once saved. */
export function RotateKeyDialogContent({
  connection,
  onSaved,
  ...focus
}: { connection: ConnectionView; onSaved: (connection: ConnectionView) => void } & DialogFocusProps) {
  const [apiKey, setApiKey] = useState("");
  const [error, setError] = useState<string | null>(null);
  const choice = providerChoice(connection.provider);
  const saver = useTestedSave({
    test: () =>
      testConnectionKey({
        provider: connection.provider,
        baseUrl: connection.baseUrl,
        apiKey: apiKey.trim(),
      }),
    save: async () => onSaved(await updateConnection(connection.id, { apiKey: apiKey.trim() })),
  });

  function valid(): boolean {
    const problem = apiKey.trim().length < 8 ? "Paste the new API key (at least 8 characters)." : null;
    setError(problem);
    return problem === null;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (valid()) saver.submit();
  }

  return (
    <DialogContent
      title={`Rotate the key of “${untrustedLabel(connection.name)}”`}
      description={`The current key ends in ${connection.keyHint.replace(/^…/, "")}. The new key replaces it for every request once saved.`}
      {...focus}
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        <FormField id="connection-new-key" label="New API key" error={error}>
          {(control) => (
            <Input
              {...control}
              type="password"
              value={apiKey}
              autoComplete="new-password"
              spellCheck={false}
              onChange={(event) => {
                setApiKey(event.target.value);
                saver.invalidate();
              }}
            />
          )}
        </FormField>
        <div className="flex flex-wrap items-start gap-3">
          <Button
            type="button"
            variant="outline"
            size="sm"
            disabled={saver.busy}
            onClick={() => valid() && saver.test()}
          >
            Test key
          </Button>
          <div className="min-w-0 flex-1 pt-1.5">
            <KeyCheckMessage check={saver.check} providerLabel={choice.label} />
          </div>
        </div>
        {saver.confirming ? (
          <SaveAnywayPrompt onSaveAnyway={saver.saveAnyway} onKeepEditing={saver.keepEditing} />
        ) : null}
        <FormError message={saver.saveError} />
        <Footer busy={saver.busy} disabled={saver.confirming} saving={saver.saving} label="Rotate key" />
      </form>
    </DialogContent>
  );
}
