"use client";
/**
 * Saved views in the sidebar, under the built-in views: the person's own, then the shared ones,
 * each with its count of conversations (from the index) and, where the person may change it, a
 * menu to rename, move and delete it (deleting asks first). "Save view" keeps the list's current filters, search and
 * sort. A view's link is its own list query string, so it opens the same list for anyone.
 */
import {
  ArrowDownIcon,
  ArrowUpIcon,
  BookmarkIcon,
  BookmarkPlusIcon,
  MoreHorizontalIcon,
  PencilIcon,
  Trash2Icon,
  UsersIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { UntrustedText, untrustedLabel } from "@/components/ui/untrusted-text";
import { useSavedViewMutations, useSavedViews, useViewCounts } from "@/lib/client/saved-views";
import { canonicalListQuery } from "@/lib/model/list-query-string";
import type { SavedView, ViewCount as Count } from "@/lib/model/saved-views";
import { cn } from "@/lib/utils";
import { useActor } from "./actor-context";
import { DeleteViewDialog } from "./delete-view-dialog";
import { SavedViewDialog } from "./saved-view-dialog";
import { ViewCount } from "./view-count";

type Editing = { mode: "save" } | { mode: "rename"; view: SavedView } | null;

function ViewRow({
  view,
  count,
  group,
  active,
  onNavigate,
  onRename,
  onDelete,
}: {
  view: SavedView;
  count: Count | undefined;
  group: SavedView[];
  active: boolean;
  onNavigate?: () => void;
  onRename: () => void;
  onDelete: () => void;
}) {
  const { update } = useSavedViewMutations();
  const index = group.findIndex((candidate) => candidate.id === view.id);
  const name = untrustedLabel(view.name);
  const move = (position: number) => update.mutate({ id: view.id, position });
  return (
    <li className="group flex items-center gap-1">
      <Link
        href={view.href}
        onClick={onNavigate}
        aria-current={active ? "page" : undefined}
        className={cn(
          "hover:bg-accent hover:text-accent-foreground focus-visible:ring-ring/50 flex min-w-0 flex-1 items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none focus-visible:ring-[3px]",
          active && "bg-accent text-accent-foreground font-medium",
        )}
      >
        {view.shared ? (
          <UsersIcon className="size-4 shrink-0" aria-label="Shared view" />
        ) : (
          <BookmarkIcon className="size-4 shrink-0" aria-hidden />
        )}
        <UntrustedText text={view.name} className="min-w-0 flex-1 truncate" />
        <ViewCount count={count} />
      </Link>
      {view.editable ? (
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={`Actions for view ${name}`}
              data-view-actions={view.id}
            >
              <MoreHorizontalIcon aria-hidden />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="end">
            <DropdownMenuItem onSelect={onRename}>
              <PencilIcon aria-hidden /> Rename
            </DropdownMenuItem>
            <DropdownMenuItem disabled={index <= 0} onSelect={() => move(index - 1)}>
              <ArrowUpIcon aria-hidden /> Move up
            </DropdownMenuItem>
            <DropdownMenuItem disabled={index >= group.length - 1} onSelect={() => move(index + 1)}>
              <ArrowDownIcon aria-hidden /> Move down
            </DropdownMenuItem>
            <DropdownMenuItem onSelect={onDelete}>
              <Trash2Icon aria-hidden /> Delete
            </DropdownMenuItem>
          </DropdownMenuContent>
        </DropdownMenu>
      ) : null}
    </li>
  );
}

export function SavedViewsNav({ onNavigate }: { onNavigate?: () => void }) {
  const actor = useActor();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const views = useSavedViews();
  const counts = useViewCounts();
  const { create, update } = useSavedViewMutations();
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<{ view: SavedView; open: boolean } | null>(null);
  const onList = pathname === "/conversations";
  const current = canonicalListQuery(new URLSearchParams(searchParams.toString()));
  const personal = views.data?.personal ?? [];
  const shared = views.data?.shared ?? [];
  const pending = create.isPending || update.isPending;
  const error = (create.error ?? update.error)?.message ?? null;

  const submit = ({ name, shared: share }: { name: string; shared: boolean }) => {
    const done = { onSuccess: () => setEditing(null) };
    if (editing?.mode === "rename") update.mutate({ id: editing.view.id, name }, done);
    else create.mutate({ name, query: current, shared: share }, done);
  };

  return (
    <div>
      <div className="flex items-center justify-between px-2 pb-1">
        <h2 className="text-muted-foreground text-xs font-semibold tracking-wide uppercase">Saved views</h2>
        {onList ? (
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label="Save the current list as a view"
            onClick={() => {
              create.reset();
              setEditing({ mode: "save" });
            }}
          >
            <BookmarkPlusIcon aria-hidden />
          </Button>
        ) : null}
      </div>
      <ul className="space-y-0.5" aria-label="Saved views">
        {[personal, shared].map((group) =>
          group.map((view) => (
            <ViewRow
              key={view.id}
              view={view}
              count={counts.data?.saved[view.id]}
              group={group}
              active={onList && current === view.query}
              onNavigate={onNavigate}
              onRename={() => {
                update.reset();
                setEditing({ mode: "rename", view });
              }}
              onDelete={() => setDeleting({ view, open: true })}
            />
          )),
        )}
        {views.isSuccess && personal.length + shared.length === 0 ? (
          <li className="text-muted-foreground px-2 text-sm">No saved views yet.</li>
        ) : null}
      </ul>
      {editing ? (
        <SavedViewDialog
          mode={editing.mode}
          initialName={editing.mode === "rename" ? editing.view.name : ""}
          canShare={actor.role === "admin"}
          pending={pending}
          error={error}
          onSubmit={submit}
          onOpenChange={(open) => {
            if (!open) setEditing(null);
          }}
        />
      ) : null}
      <DeleteViewDialog
        view={deleting?.view ?? null}
        open={deleting?.open ?? false}
        onClose={() => setDeleting((previous) => previous && { ...previous, open: false })}
      />
    </div>
  );
}
