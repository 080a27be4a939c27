"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { PlugIcon, PlusIcon, RefreshCwIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { AlertDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { conversationKeys } from "@/lib/client/conversation-queries";
import { AdminPage } from "../admin-page";
import { AddConnectionDialogContent } from "./add-connection-dialog";
import {
  connectionAdminKeys,
  fetchConnections,
  fetchHealth,
  type ConnectionView,
} from "@/lib/client/connections";
import { ConnectionsTable, actionsButtonId, type ConnectionAction } from "./connections-table";
import {
  BaseUrlDialogContent,
  RenameConnectionDialogContent,
  RotateKeyDialogContent,
} from "./edit-connection-dialogs";
import { errorText } from "../form-error";
import { IndexTranscriptsDialogContent } from "./index-transcripts-dialog";
import { RemoveConnectionDialogContent } from "./remove-connection-dialog";

const ADD_BUTTON_ID = "add-connection";

/** Gives focus back to a row's actions button after its dialog closes, or to "Add connection". */
function returnFocusTo(connectionId: string) {
  return (event: Event) => {
    event.preventDefault();
    const target =
      document.getElementById(actionsButtonId(connectionId)) ?? document.getElementById(ADD_BUTTON_ID);
    target?.focus();
  };
}

/**
 * The admin's connections page: the table of connections with their health, "Add connection",
 * and per-row rename, base URL, key rotation and removal. Every change refreshes the server
 * layout too, so the sidebar's list of connections follows.
 */
export function ConnectionsPanel({ simulatorUrl }: { simulatorUrl: string | null }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const connections = useQuery({
    queryKey: connectionAdminKeys.connections,
    queryFn: fetchConnections,
    staleTime: 0,
  });
  const health = useQuery({ queryKey: connectionAdminKeys.health, queryFn: fetchHealth, staleTime: 10_000 });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<{ connection: ConnectionView; action: ConnectionAction } | null>(
    null,
  );

  const healthById = new Map(health.data?.connections.map((entry) => [entry.id, entry]) ?? []);

  function refreshEverywhere() {
    void queryClient.invalidateQueries({ queryKey: connectionAdminKeys.connections });
    void queryClient.invalidateQueries({ queryKey: connectionAdminKeys.health });
    void queryClient.invalidateQueries({ queryKey: conversationKeys.all });
    void queryClient.invalidateQueries({ queryKey: ["facets"] });
    router.refresh();
  }

  function finishEdit(message: string) {
    setEditing(null);
    toast.success(message);
    refreshEverywhere();
  }

  const closeEditing = (open: boolean) => {
    if (!open) setEditing(null);
  };
  const current = editing?.connection;

  return (
    <AdminPage
      title="Connections"
      description="Provider accounts Parley reads conversations from. Keys are stored encrypted; only their last characters are shown."
      actions={
        <>
          <Button
            variant="outline"
            size="sm"
            onClick={() => void health.refetch()}
            disabled={health.isFetching}
          >
            <RefreshCwIcon aria-hidden className={health.isFetching ? "animate-spin" : undefined} />
            Check health
          </Button>
          <Button id={ADD_BUTTON_ID} size="sm" onClick={() => setAdding(true)}>
            <PlusIcon aria-hidden /> Add connection
          </Button>
        </>
      }
    >
      {connections.isPending ? (
        <div className="space-y-2" aria-busy="true" aria-label="Loading connections">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </div>
      ) : connections.isError ? (
        <p role="alert" className="text-destructive text-sm">
          The connections could not be loaded: {errorText(connections.error)}
        </p>
      ) : connections.data.length === 0 ? (
        <EmptyState
          icon={<PlugIcon />}
          title="No connections yet"
          description="Add a provider account's API key to start reading its conversations."
          action={
            <Button size="sm" onClick={() => setAdding(true)}>
              <PlusIcon aria-hidden /> Add connection
            </Button>
          }
        />
      ) : (
        <div className="rounded-lg border">
          <ConnectionsTable
            connections={connections.data}
            healthById={healthById}
            onAction={(connection, action) => setEditing({ connection, action })}
          />
        </div>
      )}
      {health.isError ? (
        <p className="text-muted-foreground text-sm">
          Health could not be checked: {errorText(health.error)}
        </p>
      ) : null}

      <Dialog open={adding} onOpenChange={setAdding}>
        {adding ? (
          <AddConnectionDialogContent
            simulatorUrl={simulatorUrl}
            onSaved={(saved) => {
              setAdding(false);
              toast.success(`Connection “${saved.name}” added`);
              refreshEverywhere();
            }}
          />
        ) : null}
      </Dialog>

      <Dialog open={editing !== null && editing.action !== "remove"} onOpenChange={closeEditing}>
        {current && editing?.action === "rename" ? (
          <RenameConnectionDialogContent
            connection={current}
            onCloseAutoFocus={returnFocusTo(current.id)}
            onSaved={(saved) => finishEdit(`Renamed to “${saved.name}”`)}
          />
        ) : null}
        {current && editing?.action === "base-url" ? (
          <BaseUrlDialogContent
            connection={current}
            onCloseAutoFocus={returnFocusTo(current.id)}
            onSaved={(saved) => finishEdit(`“${saved.name}” now uses ${saved.baseUrl}`)}
          />
        ) : null}
        {current && editing?.action === "rotate" ? (
          <RotateKeyDialogContent
            connection={current}
            onCloseAutoFocus={returnFocusTo(current.id)}
            onSaved={(saved) => finishEdit(`Key rotated for “${saved.name}” (now ${saved.keyHint})`)}
          />
        ) : null}
        {current && editing?.action === "transcripts" ? (
          <IndexTranscriptsDialogContent
            connection={current}
            onCloseAutoFocus={returnFocusTo(current.id)}
            onSaved={(saved) =>
              finishEdit(
                saved.indexTranscripts
                  ? `“${saved.name}” indexes transcripts again`
                  : `“${saved.name}” keeps metadata only; its stored transcripts were deleted`,
              )
            }
          />
        ) : null}
      </Dialog>

      <AlertDialog open={editing?.action === "remove"} onOpenChange={closeEditing}>
        {current && editing?.action === "remove" ? (
          <RemoveConnectionDialogContent
            connection={current}
            onCloseAutoFocus={returnFocusTo(current.id)}
            onRemoved={() => finishEdit(`Connection “${current.name}” removed`)}
          />
        ) : null}
      </AlertDialog>
    </AdminPage>
  );
}
