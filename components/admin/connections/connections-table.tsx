"use client";

import { UntrustedText, untrustedLabel } from "@/components/ui/untrusted-text";
import {
  ExternalLinkIcon,
  FileTextIcon,
  KeyRoundIcon,
  LinkIcon,
  MoreHorizontalIcon,
  PencilIcon,
  Trash2Icon,
} from "lucide-react";
import Link from "next/link";
import { ProviderIcon } from "@/components/shell/provider-icon";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { formatDateTime, formatRelative } from "../format";
import type { ConnectionHealthView, ConnectionView } from "@/lib/client/connections";

export type ConnectionAction = "rename" | "base-url" | "rotate" | "transcripts" | "remove";

/** The id of a row's actions button, so a dialog opened from its menu can give focus back. */
export function actionsButtonId(connectionId: string): string {
  return `connection-actions-${connectionId}`;
}

function HealthCell({
  connection,
  health,
}: {
  connection: ConnectionView;
  health: ConnectionHealthView | undefined;
}) {
  const checked = health !== undefined || connection.lastCheckedAt !== null;
  const reachable = health ? health.reachable : connection.lastError === null;
  const error = health ? health.error : connection.lastError;
  if (!checked)
    return (
      <Badge variant="outline" className="text-muted-foreground">
        Not checked yet
      </Badge>
    );
  return (
    <div className="flex max-w-xs flex-col gap-1 whitespace-normal">
      {reachable ? (
        <Badge variant="success">Healthy{health ? ` · ${health.latencyMs} ms` : ""}</Badge>
      ) : (
        <Badge variant="destructive-subtle">Failing</Badge>
      )}
      {!reachable && error ? <span className="text-destructive text-xs break-words">{error}</span> : null}
    </div>
  );
}

function LastChecked({
  connection,
  health,
}: {
  connection: ConnectionView;
  health: ConnectionHealthView | undefined;
}) {
  const checkedAt = health?.checkedAt ?? connection.lastCheckedAt;
  if (!checkedAt) return <span className="text-muted-foreground">Never</span>;
  return (
    <time dateTime={checkedAt} title={formatDateTime(checkedAt, { seconds: true })}>
      {formatRelative(checkedAt)}
    </time>
  );
}

function RowActions({
  connection,
  onAction,
}: {
  connection: ConnectionView;
  onAction: (action: ConnectionAction) => void;
}) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button
          id={actionsButtonId(connection.id)}
          variant="ghost"
          size="icon-sm"
          aria-label={`Actions for ${untrustedLabel(connection.name)}`}
        >
          <MoreHorizontalIcon aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-52">
        <DropdownMenuLabel className="truncate">
          <UntrustedText text={connection.name} />
        </DropdownMenuLabel>
        <DropdownMenuItem asChild>
          <Link href={`/conversations?connection=${encodeURIComponent(connection.id)}`}>
            <ExternalLinkIcon aria-hidden /> View conversations
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => onAction("rename")}>
          <PencilIcon aria-hidden /> Rename…
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => onAction("base-url")}>
          <LinkIcon aria-hidden /> Change base URL…
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => onAction("rotate")}>
          <KeyRoundIcon aria-hidden /> Rotate key…
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => onAction("transcripts")}>
          <FileTextIcon aria-hidden /> Transcripts…
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem variant="destructive" onSelect={() => onAction("remove")}>
          <Trash2Icon aria-hidden /> Remove…
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** Every connection with its provider, address, key hint and health; actions per row. */
export function ConnectionsTable({
  connections,
  healthById,
  onAction,
}: {
  connections: ConnectionView[];
  healthById: ReadonlyMap<string, ConnectionHealthView>;
  onAction: (connection: ConnectionView, action: ConnectionAction) => void;
}) {
  return (
    <Table className="min-w-[480px]">
      <TableCaption className="sr-only">Provider connections, with their health</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Connection</TableHead>
          <TableHead scope="col" className="hidden lg:table-cell">
            Base URL
          </TableHead>
          <TableHead scope="col">Key</TableHead>
          <TableHead scope="col">Health</TableHead>
          <TableHead scope="col" className="hidden lg:table-cell">
            Last checked
          </TableHead>
          <TableHead scope="col">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {connections.map((connection) => {
          const health = healthById.get(connection.id);
          return (
            <TableRow key={connection.id} data-connection-id={connection.id}>
              <TableCell>
                <div className="flex items-center gap-2">
                  <ProviderIcon provider={connection.provider} />
                  <UntrustedText text={connection.name} className="font-medium" />
                </div>
                {/* Narrow screens drop the "Base URL" column; the address goes under the name. */}
                <span
                  className="text-muted-foreground mt-1 block max-w-[14rem] truncate font-mono text-xs lg:hidden"
                  title={connection.baseUrl}
                >
                  {connection.baseUrl}
                </span>
              </TableCell>
              <TableCell className="hidden lg:table-cell">
                <span className="block max-w-[16rem] truncate font-mono text-xs" title={connection.baseUrl}>
                  {connection.baseUrl}
                </span>
              </TableCell>
              <TableCell>
                <span className="font-mono text-xs">{connection.keyHint}</span>
              </TableCell>
              <TableCell>
                <HealthCell connection={connection} health={health} />
                {/* Narrow screens drop the "Last checked" column; the time goes under the health. */}
                <div className="text-muted-foreground mt-1 text-xs lg:hidden">
                  Checked <LastChecked connection={connection} health={health} />
                </div>
              </TableCell>
              <TableCell className="hidden lg:table-cell">
                <LastChecked connection={connection} health={health} />
              </TableCell>
              <TableCell className="text-right">
                <RowActions connection={connection} onAction={(action) => onAction(connection, action)} />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
