"use client";

import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import type { ProviderId } from "@/lib/model/conversation";
import { FormField } from "../form-field";
import { createConnection, testConnectionKey, type ConnectionView } from "@/lib/client/connections";
import { FormError } from "../form-error";
import { KeyCheckMessage, SaveAnywayPrompt, useTestedSave } from "./key-check";
import { isProviderId, providerChoice, providerChoices, simulatorBaseUrl } from "./provider-defaults";

interface Draft {
  provider: ProviderId | null;
  name: string;
  baseUrl: string;
  apiKey: string;
}

type FieldErrors = Partial<Record<"provider" | "name" | "baseUrl" | "apiKey", string>>;

function validate(draft: Draft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.provider) errors.provider = "Choose a provider.";
  if (!draft.name.trim()) errors.name = "Give the connection a name.";
  if (!draft.baseUrl.trim()) errors.baseUrl = "Enter the provider's base URL.";
  if (draft.apiKey.trim().length < 8) errors.apiKey = "Paste the API key (at least 8 characters).";
  return errors;
}

/**
 * The "Add connection" dialog's content: provider, name, base URL (filled with the provider's
 * default, or the simulator in demo mode), API key, a "Test key" button and a Save that tests
 * first. Rendered inside a controlled `Dialog`, so its state resets each time it opens.
 */
export function AddConnectionDialogContent({
  simulatorUrl,
  onSaved,
}: {
  /** The simulator's address when Parley runs in demo mode, else null. */
  simulatorUrl: string | null;
  onSaved: (connection: ConnectionView) => void;
}) {
  const [draft, setDraft] = useState<Draft>({ provider: null, name: "", baseUrl: "", apiKey: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);

  const saver = useTestedSave({
    test: () => {
      if (!draft.provider) throw new Error("Choose a provider first.");
      return testConnectionKey({
        provider: draft.provider,
        baseUrl: draft.baseUrl.trim(),
        apiKey: draft.apiKey.trim(),
      });
    },
    save: async () => {
      if (!draft.provider) return;
      const saved = await createConnection({
        provider: draft.provider,
        name: draft.name.trim(),
        baseUrl: draft.baseUrl.trim(),
        apiKey: draft.apiKey.trim(),
      });
      onSaved(saved);
    },
  });

  function update(changes: Partial<Draft>) {
    const next = { ...draft, ...changes };
    setDraft(next);
    if (submitted) setErrors(validate(next));
    if (changes.provider !== undefined || changes.baseUrl !== undefined || changes.apiKey !== undefined)
      saver.invalidate();
  }

  /** A new provider brings its default URL and name, unless the admin typed their own. */
  function chooseProvider(value: string) {
    if (!isProviderId(value)) return;
    const previous = draft.provider ? providerChoice(draft.provider) : null;
    const suggestedUrls = previous
      ? [previous.baseUrl, simulatorUrl ? simulatorBaseUrl(simulatorUrl, previous.id) : null]
      : [];
    const keepUrl = draft.baseUrl.trim() !== "" && !suggestedUrls.includes(draft.baseUrl.trim());
    const keepName = draft.name.trim() !== "" && draft.name !== previous?.label;
    const choice = providerChoice(value);
    update({
      provider: value,
      baseUrl: keepUrl ? draft.baseUrl : choice.baseUrl,
      name: keepName ? draft.name : choice.label,
    });
  }

  function checkFields(): boolean {
    const found = validate(draft);
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (checkFields()) saver.submit();
  }

  function onTest() {
    setSubmitted(true);
    if (checkFields()) saver.test();
  }

  const label = draft.provider ? providerChoice(draft.provider).label : "the provider";
  const simulatorUrlForProvider =
    simulatorUrl && draft.provider ? simulatorBaseUrl(simulatorUrl, draft.provider) : null;

  return (
    <DialogContent
      title="Add connection"
      description="Connect a provider account with its API key. Parley stores the key encrypted and never shows it again."
    >
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        <FormField id="connection-provider" label="Provider" error={errors.provider}>
          {(control) => (
            <Select value={draft.provider ?? ""} onValueChange={chooseProvider}>
              <SelectTrigger {...control} className="w-full">
                <SelectValue placeholder="Choose a provider" />
              </SelectTrigger>
              <SelectContent>
                {providerChoices.map((choice) => (
                  <SelectItem key={choice.id} value={choice.id}>
                    {choice.label}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        </FormField>
        <FormField
          id="connection-name"
          label="Name"
          error={errors.name}
          hint="Shown in the sidebar and the audit log."
        >
          {(control) => (
            <Input
              {...control}
              value={draft.name}
              maxLength={80}
              autoComplete="off"
              onChange={(event) => update({ name: event.target.value })}
            />
          )}
        </FormField>
        <FormField
          id="connection-base-url"
          label="Base URL"
          error={errors.baseUrl}
          hint={
            simulatorUrlForProvider ? (
              <span className="flex flex-wrap items-center gap-x-2">
                Demo mode: the simulator answers at{" "}
                <code className="font-mono">{simulatorUrlForProvider}</code>
                <Button
                  type="button"
                  variant="link"
                  size="sm"
                  className="h-auto p-0 text-xs"
                  onClick={() => update({ baseUrl: simulatorUrlForProvider })}
                >
                  Use the simulator
                </Button>
              </span>
            ) : (
              "https only; the provider's default is filled in."
            )
          }
        >
          {(control) => (
            <Input
              {...control}
              value={draft.baseUrl}
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              className="font-mono"
              onChange={(event) => update({ baseUrl: event.target.value })}
            />
          )}
        </FormField>
        <FormField id="connection-api-key" label="API key" error={errors.apiKey}>
          {(control) => (
            <Input
              {...control}
              type="password"
              value={draft.apiKey}
              autoComplete="new-password"
              spellCheck={false}
              onChange={(event) => update({ apiKey: event.target.value })}
            />
          )}
        </FormField>
        <div className="flex flex-wrap items-start gap-3">
          <Button type="button" variant="outline" size="sm" onClick={onTest} disabled={saver.busy}>
            Test key
          </Button>
          <div className="min-w-0 flex-1 pt-1.5">
            <KeyCheckMessage check={saver.check} providerLabel={label} />
          </div>
        </div>
        {saver.confirming ? (
          <SaveAnywayPrompt onSaveAnyway={saver.saveAnyway} onKeepEditing={saver.keepEditing} />
        ) : null}
        <FormError message={saver.saveError} />
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button type="submit" disabled={saver.busy || saver.confirming}>
            {saver.saving ? "Saving…" : "Save"}
          </Button>
        </DialogFooter>
      </form>
    </DialogContent>
  );
}
