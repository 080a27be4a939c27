"use client";

import { CircleAlertIcon, CircleCheckIcon, Loader2Icon } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { errorText } from "../form-error";
import type { KeyTestResult } from "@/lib/client/connections";

export type KeyCheck =
  | { status: "idle" }
  | { status: "testing" }
  | { status: "done"; result: KeyTestResult }
  | { status: "error"; message: string };

/**
 * A save that tests the key first: "Save" runs the provider test and saves when it passes; when
 * it fails, the form asks whether to save anyway (a provider may be down for a moment, or the
 * admin may be preparing a key). A test the server refuses outright (a bad base URL) stops there.
 */
export function useTestedSave(options: { test: () => Promise<KeyTestResult>; save: () => Promise<void> }) {
  const [check, setCheck] = useState<KeyCheck>({ status: "idle" });
  const [confirming, setConfirming] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  async function runTest(): Promise<KeyTestResult | null> {
    setConfirming(false);
    setSaveError(null);
    setCheck({ status: "testing" });
    try {
      const result = await options.test();
      setCheck({ status: "done", result });
      return result;
    } catch (error) {
      setCheck({ status: "error", message: errorText(error) });
      return null;
    }
  }

  async function save(): Promise<void> {
    setConfirming(false);
    setSaveError(null);
    setSaving(true);
    try {
      await options.save();
    } catch (error) {
      setSaveError(errorText(error));
    } finally {
      setSaving(false);
    }
  }

  async function submit(): Promise<void> {
    const result = await runTest();
    if (!result) return;
    if (result.ok) await save();
    else setConfirming(true);
  }

  /** Call when an input the test depends on changes: an old verdict no longer applies. */
  function invalidate(): void {
    setConfirming(false);
    setSaveError(null);
    setCheck({ status: "idle" });
  }

  return {
    check,
    confirming,
    saving,
    saveError,
    busy: saving || check.status === "testing",
    test: () => void runTest(),
    submit: () => void submit(),
    saveAnyway: () => void save(),
    keepEditing: () => setConfirming(false),
    invalidate,
  };
}

/** The test's verdict in the provider's own words, announced politely as it arrives. */
export function KeyCheckMessage({ check, providerLabel }: { check: KeyCheck; providerLabel: string }) {
  return (
    <div role="status" aria-live="polite" className="min-h-5 text-sm">
      {check.status === "testing" ? (
        <span className="text-muted-foreground flex items-center gap-2">
          <Loader2Icon className="size-4 shrink-0 animate-spin" aria-hidden /> Testing the key with{" "}
          {providerLabel}…
        </span>
      ) : null}
      {check.status === "done" && check.result.ok ? (
        <span className="text-success flex items-center gap-2">
          <CircleCheckIcon className="size-4 shrink-0" aria-hidden /> {providerLabel} accepted the API key.
        </span>
      ) : null}
      {check.status === "done" && !check.result.ok ? (
        <span className="text-destructive flex items-start gap-2">
          <CircleAlertIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            <span className="sr-only">Test failed: </span>
            {check.result.message}
          </span>
        </span>
      ) : null}
      {check.status === "error" ? (
        <span className="text-destructive flex items-start gap-2">
          <CircleAlertIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>The key could not be tested: {check.message}</span>
        </span>
      ) : null}
    </div>
  );
}

/** Shown when the test failed at save time: save anyway, or go back to the form. */
export function SaveAnywayPrompt({
  onSaveAnyway,
  onKeepEditing,
}: {
  onSaveAnyway: () => void;
  onKeepEditing: () => void;
}) {
  return (
    <div role="alert" className="border-warning/40 bg-warning/10 rounded-md border p-3 text-sm">
      <p className="font-medium">The test failed.</p>
      <p className="text-muted-foreground mt-1">
        Parley will not be able to read this connection&apos;s conversations until the provider accepts the
        key. Save it anyway?
      </p>
      <div className="mt-3 flex flex-wrap justify-end gap-2">
        <Button variant="outline" size="sm" onClick={onKeepEditing}>
          Keep editing
        </Button>
        <Button variant="destructive" size="sm" onClick={onSaveAnyway}>
          Save anyway
        </Button>
      </div>
    </div>
  );
}
