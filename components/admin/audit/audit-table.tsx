"use client";

import { rowKey } from "@/lib/model/row-key";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { UntrustedText, untrustedLabel } from "@/components/ui/untrusted-text";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatDate, formatTime } from "../format";
import type { AuditRow } from "@/lib/client/audit";

const JSON_PREVIEW_LENGTH = 140;

/** Compact one-line JSON; long values are cut, with the whole text in the tooltip. */
function CompactJson({ value }: { value: unknown }) {
  const text = JSON.stringify(value) ?? String(value);
  const cut = text.length > JSON_PREVIEW_LENGTH ? `${text.slice(0, JSON_PREVIEW_LENGTH)}…` : text;
  return (
    <code
      className="bg-muted rounded px-1 py-0.5 font-mono text-xs break-all"
      title={cut === text ? undefined : text}
    >
      {cut}
    </code>
  );
}

function Change({ before, after }: { before: unknown; after: unknown }) {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return <span className="text-muted-foreground">—</span>;
  return (
    <div className="flex max-w-md min-w-64 flex-wrap items-center gap-1 whitespace-normal">
      {hasBefore ? (
        <>
          <span className="sr-only">Before: </span>
          <CompactJson value={before} />
        </>
      ) : null}
      {hasBefore && hasAfter ? (
        <span aria-hidden className="text-muted-foreground">
          →
        </span>
      ) : null}
      {hasAfter ? (
        <>
          <span className="sr-only">{hasBefore ? ", after: " : "After: "}</span>
          <CompactJson value={after} />
        </>
      ) : null}
    </div>
  );
}

/**
 * The conversation's thread beside its connection's list. `open` is `<connectionId>~<conversationId>`
 * as `encodeOpenKey` (lib/conversations/search-params.ts) writes it; that module is not imported
 * here because it pulls the API's zod schemas into this page's bundle.
 */
function conversationHref(connectionId: string, conversationId: string): string {
  const search = new URLSearchParams({
    connection: connectionId,
    view: "all",
    open: rowKey(connectionId, conversationId),
  });
  return `/conversations?${search.toString()}`;
}

/** Audit rows, newest first. The table scrolls sideways on narrow screens (and takes focus to do so). */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <div
      role="region"
      aria-label="Audit entries"
      tabIndex={0}
      className="focus-visible:ring-ring/50 overflow-x-auto rounded-lg border outline-none focus-visible:ring-[3px]"
    >
      <Table containerClassName="overflow-visible" className="min-w-[960px]">
        <TableCaption className="sr-only">Audit log entries, newest first</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead scope="col">Time</TableHead>
            <TableHead scope="col">Actor</TableHead>
            <TableHead scope="col">Action</TableHead>
            <TableHead scope="col" className="whitespace-normal">
              Connection · conversation
            </TableHead>
            <TableHead scope="col" className="whitespace-normal">
              Outcome · error
            </TableHead>
            <TableHead scope="col">Before → after</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-audit-id={row.id} className="align-top">
              <TableCell className="align-top">
                <time dateTime={row.createdAt} title={row.createdAt} className="flex flex-col">
                  <span>{formatDate(row.createdAt)}</span>
                  <span className="text-muted-foreground text-xs">{formatTime(row.createdAt)}</span>
                </time>
              </TableCell>
              <TableCell className="align-top whitespace-normal">
                <span className="flex max-w-44 min-w-36 flex-col [overflow-wrap:anywhere]">
                  {row.actorName ? <UntrustedText text={row.actorName} /> : null}
                  {row.actorEmail ? (
                    <span className={row.actorName ? "text-muted-foreground text-xs" : undefined}>
                      {row.actorEmail}
                    </span>
                  ) : row.actorName ? null : (
                    <span className="text-muted-foreground">system</span>
                  )}
                </span>
              </TableCell>
              <TableCell className="align-top">
                <code className="font-mono text-xs">{row.action}</code>
                {row.targetId && row.targetId !== row.connectionId ? (
                  <div
                    className="text-muted-foreground max-w-[10rem] truncate font-mono text-xs"
                    title={row.targetId}
                  >
                    <span className="sr-only">Target: </span>
                    {row.targetId}
                  </div>
                ) : null}
              </TableCell>
              <TableCell className="align-top whitespace-normal">
                <div className="flex max-w-[12rem] flex-col gap-0.5">
                  <span>
                    {row.connectionName || row.connectionId ? (
                      <UntrustedText text={row.connectionName ?? row.connectionId ?? ""} />
                    ) : (
                      <span className="text-muted-foreground">—</span>
                    )}
                  </span>
                  {row.connectionId && row.conversationId ? (
                    <>
                      <Link
                        href={conversationHref(row.connectionId, row.conversationId)}
                        className={
                          row.conversationTitle
                            ? "text-primary line-clamp-2 text-sm underline-offset-4 hover:underline"
                            : "text-primary truncate font-mono text-xs underline-offset-4 hover:underline"
                        }
                        title={row.conversationId}
                      >
                        <span className="sr-only">Conversation </span>
                        <bdi>
                          {row.conversationTitle
                            ? untrustedLabel(row.conversationTitle, { plain: true })
                            : untrustedLabel(row.conversationId)}
                        </bdi>
                      </Link>
                      {row.conversationTitle ? (
                        <span className="text-muted-foreground truncate font-mono text-xs">
                          <span className="sr-only">Id </span>
                          {untrustedLabel(row.conversationId)}
                        </span>
                      ) : null}
                    </>
                  ) : null}
                </div>
              </TableCell>
              <TableCell className="align-top whitespace-normal">
                <div className="flex max-w-[12rem] flex-col items-start gap-1">
                  {row.outcome === "success" ? (
                    <Badge variant="success">Success</Badge>
                  ) : (
                    <Badge variant="destructive-subtle">Failure</Badge>
                  )}
                  {row.error ? (
                    <span className="text-destructive text-xs break-words">{row.error}</span>
                  ) : null}
                </div>
              </TableCell>
              <TableCell className="align-top">
                <Change before={row.before} after={row.after} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
