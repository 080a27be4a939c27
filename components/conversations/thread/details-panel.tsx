"use client";
/**
 * The thread's side panel: who and what the conversation involves, its times, size and cost
 * (with the provider's breakdown), the provider's extras, where each moderation flag lives, the
 * normalized conversation as raw JSON (text in a `<pre>`, never HTML) and its history.
 */
import { useId, useState, type ReactNode } from "react";
import { NotesSection } from "@/components/notes/notes-section";
import { ProviderIcon } from "@/components/shell/provider-icon";
import { Button } from "@/components/ui/button";
import { UntrustedText } from "@/components/ui/untrusted-text";
import { providerLabels } from "@/lib/model/constants";
import type { ConversationDetail, CostItem } from "@/lib/model/conversation";
import { flagHomeLabel } from "./flag-homes";
import { formatExactTime, formatRelativeTime } from "@/lib/text/time-format";
import { formatCount, formatTokens, formatUsd, humanize } from "./format";
import { Heading, type HeadingLevel } from "./heading";
import { HistoryList } from "./history-list";
import Link from "next/link";
import { costsHref } from "@/components/costs/format";

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5rem_minmax(0,1fr)] gap-2 py-1">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0 [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

function TimeValue({ iso }: { iso: string | null }) {
  const exact = formatExactTime(iso);
  if (!iso || !exact) return <span className="text-muted-foreground">unknown</span>;
  // The exact time in full, with the relative one the list shows for the same instant.
  return (
    <time dateTime={iso}>
      {exact} <span className="text-muted-foreground">({formatRelativeTime(iso)})</span>
    </time>
  );
}

function Section({ title, level, children }: { title: string; level: HeadingLevel; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="border-t pt-3 text-sm">
      <Heading level={level} id={id} className="mb-1 text-sm font-semibold">
        {title}
      </Heading>
      {children}
    </section>
  );
}

function CostBreakdown({ items }: { items: CostItem[] }) {
  return (
    <table className="mt-1 w-full text-left text-xs">
      <caption className="sr-only">Cost breakdown</caption>
      <thead>
        <tr className="text-muted-foreground">
          <th scope="col" className="py-1 font-medium">
            Item
          </th>
          <th scope="col" className="py-1 text-right font-medium">
            Cost
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) => (
          <tr key={`${item.type}-${index}`} className="border-t align-top">
            <td className="py-1 pr-2 [overflow-wrap:anywhere]">
              {item.label}
              {formatTokens(item) ? <div className="text-muted-foreground">{formatTokens(item)}</div> : null}
            </td>
            <td className="py-1 text-right tabular-nums">{formatUsd(item.usd)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface DetailsPanelProps {
  conversation: ConversationDetail;
  /** Whole-thread message count when known. */
  messageTotal: number | null;
  /** Level of the panel's section headings. */
  headingLevel: HeadingLevel;
}

export function DetailsPanel({ conversation, messageTotal, headingLevel }: DetailsPanelProps) {
  const [showRaw, setShowRaw] = useState(false);
  const rawId = useId();
  const { channel, responder, version, owner, cost } = conversation;
  const sub = Math.min(headingLevel + 1, 4) as HeadingLevel;
  const messageCount = conversation.messageCount ?? messageTotal;
  const tokens = cost ? formatTokens(cost) : null;
  return (
    <div className="space-y-3 p-3 text-sm">
      <NotesSection headingLevel={sub} />
      <dl className="border-t pt-3">
        <Field label="Connection">
          <span className="inline-flex items-center gap-1.5">
            <ProviderIcon provider={conversation.provider} />
            <UntrustedText text={conversation.connectionName} />
          </span>
        </Field>
        <Field label="Provider">{providerLabels[conversation.provider]}</Field>
        {channel ? (
          <Field label="Channel">
            <UntrustedText
              text={
                [channel.name, channel.type ? humanize(channel.type) : null].filter(Boolean).join(" · ") ||
                (channel.id ?? "")
              }
            />
          </Field>
        ) : null}
        {responder ? (
          <Field label="Responder">
            <UntrustedText text={responder.name ?? responder.id ?? "unknown"} />
            {responder.kind ? <span className="text-muted-foreground"> ({responder.kind})</span> : null}
          </Field>
        ) : null}
        {version ? (
          <Field label="Version">{version.number !== null ? `v${version.number}` : version.id}</Field>
        ) : null}
        {owner ? (
          <Field label="Contact">
            <UntrustedText text={owner.name ?? owner.identifier ?? owner.id ?? ""} />
            {owner.name && owner.identifier ? (
              <div className="text-muted-foreground">
                <UntrustedText text={owner.identifier} />
              </div>
            ) : null}
          </Field>
        ) : null}
        <Field label="Status">
          {conversation.status ? <UntrustedText text={humanize(conversation.status)} /> : "unknown"}
        </Field>
        <Field label="Created">
          <TimeValue iso={conversation.createdAt} />
        </Field>
        <Field label="Last activity">
          <TimeValue iso={conversation.lastActivityAt} />
        </Field>
        <Field label="Messages">{messageCount !== null ? formatCount(messageCount) : "unknown"}</Field>
        <Field label="Cost">
          {cost ? (
            <>
              {formatUsd(cost.usd)}
              {tokens ? <div className="text-muted-foreground">{tokens}</div> : null}
            </>
          ) : (
            <span className="text-muted-foreground">
              {providerLabels[conversation.provider]} reports no costs
            </span>
          )}
          {responder?.id ? (
            <div>
              <Link
                href={costsHref({
                  view: "all",
                  connection: [conversation.connectionId],
                  responder: [responder.id],
                })}
                className="text-primary underline-offset-2 hover:underline"
              >
                Costs of this responder
              </Link>
            </div>
          ) : null}
        </Field>
      </dl>
      {conversation.costBreakdown.length > 0 ? (
        <Section title="Cost breakdown" level={sub}>
          <CostBreakdown items={conversation.costBreakdown} />
        </Section>
      ) : null}
      {conversation.extras.map((section, index) => (
        <Section key={`${section.title}-${index}`} title={section.title} level={sub}>
          <dl>
            {section.fields.map((field, fieldIndex) => (
              <Field key={`${field.label}-${fieldIndex}`} label={field.label}>
                <UntrustedText text={field.value} />
              </Field>
            ))}
          </dl>
        </Section>
      ))}
      <Section title="Where flags live" level={sub}>
        <dl>
          <Field label="Important">{flagHomeLabel(conversation, "important")}</Field>
          <Field label="Archived">{flagHomeLabel(conversation, "archived")}</Field>
          <Field label="Title">{flagHomeLabel(conversation, "title")}</Field>
          <Field label="Trash">{flagHomeLabel(conversation, "trashed")}</Field>
        </dl>
      </Section>
      <Section title="Raw data" level={sub}>
        <Button
          variant="outline"
          size="sm"
          aria-expanded={showRaw}
          aria-controls={showRaw ? rawId : undefined}
          onClick={() => setShowRaw((value) => !value)}
        >
          {showRaw ? "Hide raw JSON" : "Show raw JSON"}
        </Button>
        {showRaw ? (
          <pre
            id={rawId}
            tabIndex={0}
            aria-label="Conversation as JSON"
            className="bg-muted mt-2 max-h-96 overflow-auto rounded-md p-2 font-mono text-xs whitespace-pre-wrap [overflow-wrap:anywhere]"
          >
            {JSON.stringify(conversation, null, 2)}
          </pre>
        ) : null}
      </Section>
      <div className="border-t pt-3">
        <HistoryList
          connectionId={conversation.connectionId}
          conversationId={conversation.id}
          headingLevel={sub}
        />
      </div>
    </div>
  );
}
