"use client";

import { UntrustedText } from "@/components/ui/untrusted-text";
import { XIcon } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectSeparator,
  SelectTrigger,
  SelectValue,
} from "@/components/ui/select";
import type { ConnectionView } from "@/lib/client/connections";
import { isKnownAuditAction, knownAuditActions, type AuditSearchState } from "@/lib/client/audit";

const ANY = "__any";
const OTHER = "__other";
const TEXT_DELAY_MS = 400;

/**
 * A text filter that types freely and writes to the URL a moment after the last keystroke (or
 * at once on Enter), and follows the URL when it changes elsewhere (Back, "Clear filters").
 */
function TextFilter({
  id,
  label,
  value,
  placeholder,
  onCommit,
}: {
  id: string;
  label: string;
  value: string;
  placeholder?: string;
  onCommit: (value: string) => void;
}) {
  const [draft, setDraft] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  if (value !== lastValue) {
    setLastValue(value);
    setDraft(value);
  }
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  function schedule(next: string) {
    setDraft(next);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => onCommit(next.trim()), TEXT_DELAY_MS);
  }

  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id} className="text-xs">
        {label}
      </Label>
      <Input
        id={id}
        value={draft}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        className="h-8"
        onChange={(event) => schedule(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Enter") return;
          if (timer.current) clearTimeout(timer.current);
          onCommit(draft.trim());
        }}
      />
    </div>
  );
}

/** The action filter: a known action (or a whole group), or "Other…" to type one. */
function ActionFilter({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [typing, setTyping] = useState(false);
  const custom = typing || (value !== "" && !isKnownAuditAction(value));
  const selected = custom ? OTHER : value || ANY;
  return (
    <>
      <div className="grid gap-1.5">
        <Label htmlFor="audit-action" className="text-xs">
          Action
        </Label>
        <Select
          value={selected}
          onValueChange={(next) => {
            setTyping(next === OTHER);
            if (next !== OTHER) onChange(next === ANY ? "" : next);
          }}
        >
          <SelectTrigger id="audit-action" size="sm" className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Any action</SelectItem>
            {knownAuditActions.map((group) => (
              <SelectGroup key={group.group}>
                <SelectSeparator />
                <SelectLabel>{group.group}</SelectLabel>
                {group.actions.map((action) => (
                  <SelectItem key={action} value={action}>
                    {action.endsWith(".*") ? `Any ${action.slice(0, -2)} action` : action}
                  </SelectItem>
                ))}
              </SelectGroup>
            ))}
            <SelectSeparator />
            <SelectItem value={OTHER}>Other…</SelectItem>
          </SelectContent>
        </Select>
      </div>
      {custom ? (
        <TextFilter
          id="audit-action-text"
          label="Action name (end with * for a prefix)"
          value={isKnownAuditAction(value) ? "" : value}
          placeholder="conversation.rename"
          onCommit={onChange}
        />
      ) : null}
    </>
  );
}

/** The audit log's filters; every change goes to the URL (and back to the first page). */
export function AuditFiltersBar({
  filters,
  connections,
  onChange,
  onClear,
}: {
  filters: AuditSearchState;
  connections: ConnectionView[];
  onChange: (changes: Partial<AuditSearchState>) => void;
  onClear: () => void;
}) {
  const active = Object.values(filters).some((value) => value !== "" && value !== null);
  const knownConnection = connections.some((connection) => connection.id === filters.connection);
  return (
    <div role="search" aria-label="Filter the audit log" className="bg-muted/30 rounded-lg border p-3">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextFilter
          id="audit-actor"
          label="Actor (email contains)"
          value={filters.actor}
          onCommit={(actor) => onChange({ actor })}
        />
        <ActionFilter value={filters.action} onChange={(action) => onChange({ action })} />
        <div className="grid gap-1.5">
          <Label htmlFor="audit-connection" className="text-xs">
            Connection
          </Label>
          <Select
            value={filters.connection || ANY}
            onValueChange={(next) => onChange({ connection: next === ANY ? "" : next })}
          >
            <SelectTrigger id="audit-connection" size="sm" className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ANY}>Any connection</SelectItem>
              {connections.map((connection) => (
                <SelectItem key={connection.id} value={connection.id}>
                  <UntrustedText text={connection.name} />
                </SelectItem>
              ))}
              {filters.connection && !knownConnection ? (
                <SelectItem value={filters.connection}>
                  Removed connection ({filters.connection.slice(0, 8)}…)
                </SelectItem>
              ) : null}
            </SelectContent>
          </Select>
        </div>
        <TextFilter
          id="audit-conversation"
          label="Conversation id"
          placeholder="Any part of the id"
          value={filters.conversation}
          onCommit={(conversation) => onChange({ conversation })}
        />
        <div className="grid gap-1.5">
          <Label htmlFor="audit-outcome" className="text-xs">
            Outcome
          </Label>
          <Select
            value={filters.outcome ?? ANY}
            onValueChange={(next) =>
              onChange({ outcome: next === "success" || next === "failure" ? next : null })
            }
          >
            <SelectTrigger id="audit-outcome" size="sm" className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={ANY}>Any outcome</SelectItem>
              <SelectItem value="success">Success</SelectItem>
              <SelectItem value="failure">Failure</SelectItem>
            </SelectContent>
          </Select>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-from" className="text-xs">
            From
          </Label>
          <Input
            id="audit-from"
            type="date"
            className="h-8"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(event) => onChange({ from: event.target.value })}
          />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="audit-to" className="text-xs">
            To
          </Label>
          <Input
            id="audit-to"
            type="date"
            className="h-8"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(event) => onChange({ to: event.target.value })}
          />
        </div>
        <div className="flex items-end">
          <Button variant="ghost" size="sm" onClick={onClear} disabled={!active}>
            <XIcon aria-hidden /> Clear filters
          </Button>
        </div>
      </div>
    </div>
  );
}
