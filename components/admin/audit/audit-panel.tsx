"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { DownloadIcon, ScrollTextIcon } from "lucide-react";
import { useQueryStates } from "nuqs";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Spinner } from "@/components/ui/spinner";
import { AdminPage } from "../admin-page";
import { connectionAdminKeys, fetchConnections } from "@/lib/client/connections";
import { errorText } from "../form-error";
import { auditExportUrl, auditQueries, auditSearchParams, type AuditSearchState } from "@/lib/client/audit";
import { AuditFiltersBar } from "./audit-filters";
import { AuditTable } from "./audit-table";

const cleared: AuditSearchState = {
  actor: "",
  action: "",
  connection: "",
  conversation: "",
  outcome: null,
  from: "",
  to: "",
};

/**
 * The audit log: who did what, to which connection, conversation or user, with the outcome and
 * the change. Filters live in the URL (a copied link shows the same rows); pages load by cursor,
 * "Load older entries" appending the next one. "Export CSV" downloads every matching row.
 */
export function AuditPanel() {
  const [filters, setFilters] = useQueryStates(auditSearchParams, { history: "push" });
  const connections = useQuery({ queryKey: connectionAdminKeys.connections, queryFn: fetchConnections });
  const audit = useInfiniteQuery(auditQueries.pages(filters));
  const rows = audit.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(filters).some((value) => value !== "" && value !== null);

  return (
    <AdminPage
      title="Audit log"
      description="Every moderation request, admin change and sign-in, successful or not. Rows are kept when a connection or user is removed."
      actions={
        <Button asChild variant="outline" size="sm">
          <a href={auditExportUrl(filters)} download>
            <DownloadIcon aria-hidden /> Export CSV
          </a>
        </Button>
      }
    >
      <AuditFiltersBar
        filters={filters}
        connections={connections.data ?? []}
        onChange={(changes) => void setFilters(changes)}
        onClear={() => void setFilters(cleared)}
      />
      <div role="status" aria-live="polite" className="text-muted-foreground text-sm">
        {audit.isSuccess
          ? `${rows.length === 0 ? "No" : rows.length}${audit.hasNextPage ? "+" : ""} ${rows.length === 1 ? "entry" : "entries"}${filtered ? " match these filters" : ""}`
          : null}
      </div>
      {audit.isPending ? (
        <div className="space-y-2" aria-busy="true" aria-label="Loading the audit log">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </div>
      ) : audit.isError ? (
        <p role="alert" className="text-destructive text-sm">
          The audit log could not be loaded: {errorText(audit.error)}
        </p>
      ) : rows.length === 0 ? (
        <EmptyState
          icon={<ScrollTextIcon />}
          title={filtered ? "No entries match these filters" : "Nothing recorded yet"}
          description={
            filtered
              ? "Widen the dates or clear a filter."
              : "Actions and sign-ins appear here as they happen."
          }
          action={
            filtered ? (
              <Button variant="outline" size="sm" onClick={() => void setFilters(cleared)}>
                Clear filters
              </Button>
            ) : undefined
          }
        />
      ) : (
        <>
          <AuditTable rows={rows} />
          {audit.hasNextPage ? (
            <div className="flex justify-center">
              <Button
                variant="outline"
                size="sm"
                onClick={() => void audit.fetchNextPage()}
                disabled={audit.isFetchingNextPage}
              >
                {audit.isFetchingNextPage ? <Spinner label="Loading older entries" /> : null}
                Load older entries
              </Button>
            </div>
          ) : null}
        </>
      )}
    </AdminPage>
  );
}
