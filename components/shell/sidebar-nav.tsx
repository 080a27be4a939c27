"use client";

import { UntrustedText } from "@/components/ui/untrusted-text";
import { useQuery } from "@tanstack/react-query";
import {
  ArchiveIcon,
  ClipboardListIcon,
  CoinsIcon,
  InboxIcon,
  LayersIcon,
  PlugIcon,
  ScrollTextIcon,
  ShieldIcon,
  StarIcon,
  TagIcon,
  Trash2Icon,
  UsersIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import type { ProviderId } from "@/lib/model/conversation";
import { apiFetch } from "@/lib/client/api-client";
import { useViewCounts } from "@/lib/client/saved-views";
import { useSyncStatus } from "@/lib/client/sync";
import { cn } from "@/lib/utils";
import { ConnectionFreshness } from "./connection-freshness";
import { ReviewViewsNav } from "@/components/review/review-views-nav";
import { ProviderIcon } from "./provider-icon";
import { SavedViewsNav } from "./saved-views-nav";
import { ViewCount } from "./view-count";

export interface ShellConnection {
  id: string;
  name: string;
  provider: ProviderId;
}

interface HealthAnswer {
  connections: { id: string; reachable: boolean; error: string | null }[];
}

/** How often the dots are checked again: soon while a connection fails, else once a minute. */
export const FAILING_RECHECK_MS = 10_000;
const HEALTHY_RECHECK_MS = 60_000;

const anyFailing = (answer: HealthAnswer | undefined): boolean =>
  answer?.connections.some((connection) => !connection.reachable) ?? false;

const views = [
  { view: "inbox", label: "Inbox", Icon: InboxIcon },
  { view: "important", label: "Important", Icon: StarIcon },
  { view: "archived", label: "Archived", Icon: ArchiveIcon },
  { view: "trash", label: "Trash", Icon: Trash2Icon },
  { view: "all", label: "All", Icon: LayersIcon },
] as const;

function NavLink({
  href,
  active,
  onNavigate,
  children,
}: {
  href: string;
  active: boolean;
  onNavigate?: () => void;
  children: ReactNode;
}) {
  return (
    <Link
      href={href}
      onClick={onNavigate}
      aria-current={active ? "page" : undefined}
      className={cn(
        "hover:bg-accent hover:text-accent-foreground focus-visible:ring-ring/50 flex items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none focus-visible:ring-[3px]",
        active && "bg-accent text-accent-foreground font-medium",
      )}
    >
      {children}
    </Link>
  );
}

/**
 * The sidebar: views, connections with their health, and (for admins) the admin pages. Also the
 * content of the narrow-screen menu, which passes `onNavigate` to close itself on a tap.
 */
export function SidebarNav({
  connections,
  isAdmin,
  onNavigate,
}: {
  connections: ShellConnection[];
  isAdmin: boolean;
  onNavigate?: () => void;
}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const onList = pathname.startsWith("/conversations");
  const currentView = searchParams.get("view") ?? "inbox";
  const currentConnection = searchParams.get("connection");
  // Mine and To review are views of their own (`ReviewViewsNav`): only one link is the current page.
  const reviewView =
    searchParams.get("assignee") === "me" || searchParams.get("reviewState") === "unreviewed";
  const health = useQuery({
    queryKey: ["health"],
    queryFn: () => apiFetch<HealthAnswer>("/api/health"),
    // A failing connection is checked again soon, so its dot turns green once it recovers;
    // healthy ones once a minute. Coming back to the tab checks at once.
    refetchInterval: (query) => (anyFailing(query.state.data) ? FAILING_RECHECK_MS : HEALTHY_RECHECK_MS),
    refetchOnWindowFocus: "always",
    staleTime: 5_000,
  });
  const healthById = new Map(health.data?.connections.map((connection) => [connection.id, connection]) ?? []);
  const counts = useViewCounts();
  const sync = useSyncStatus();
  const syncById = new Map(sync.status.data?.connections.map((entry) => [entry.connectionId, entry]) ?? []);

  return (
    <nav aria-label="Main" className="flex flex-col gap-6 p-3">
      <div>
        <h2 className="text-muted-foreground px-2 pb-1 text-xs font-semibold tracking-wide uppercase">
          Views
        </h2>
        <ul className="space-y-0.5">
          {views.map(({ view, label, Icon }) => (
            <li key={view}>
              <NavLink
                onNavigate={onNavigate}
                href={view === "inbox" ? "/conversations" : `/conversations?view=${view}`}
                active={onList && currentView === view && !currentConnection && !reviewView}
              >
                <Icon className="size-4" aria-hidden />
                {label}
                <ViewCount count={counts.data?.views[view]} />
              </NavLink>
            </li>
          ))}
          <ReviewViewsNav onNavigate={onNavigate} />
          <li>
            <NavLink onNavigate={onNavigate} href="/costs" active={pathname.startsWith("/costs")}>
              <CoinsIcon className="size-4" aria-hidden />
              Costs
            </NavLink>
          </li>
          {isAdmin ? (
            <li>
              <NavLink onNavigate={onNavigate} href="/review" active={pathname.startsWith("/review")}>
                <ClipboardListIcon className="size-4" aria-hidden />
                Review
              </NavLink>
            </li>
          ) : null}
        </ul>
      </div>
      <SavedViewsNav onNavigate={onNavigate} />
      <div>
        <h2 className="text-muted-foreground px-2 pb-1 text-xs font-semibold tracking-wide uppercase">
          Connections
        </h2>
        <ul className="space-y-0.5">
          {connections.map((connection) => {
            const state = healthById.get(connection.id);
            const status = !state ? "checking" : state.reachable ? "healthy" : "failing";
            return (
              <li key={connection.id}>
                <NavLink
                  onNavigate={onNavigate}
                  href={`/conversations?connection=${connection.id}`}
                  active={onList && currentConnection === connection.id}
                >
                  <ProviderIcon provider={connection.provider} />
                  <UntrustedText text={connection.name} className="min-w-0 flex-1 truncate" />
                  <span
                    className={cn(
                      "size-2 shrink-0 rounded-full",
                      status === "healthy" && "bg-emerald-500",
                      status === "failing" && "bg-red-500",
                      status === "checking" && "bg-muted-foreground/40",
                    )}
                    title={state?.error ?? status}
                  />
                  <span className="sr-only">
                    {status === "failing" ? `failing: ${state?.error ?? ""}` : status}
                  </span>
                </NavLink>
                <ConnectionFreshness
                  connectionId={connection.id}
                  connectionName={connection.name}
                  sync={syncById.get(connection.id)}
                  refreshing={connection.id in sync.requests}
                />
              </li>
            );
          })}
          {connections.length === 0 ? (
            <li className="text-muted-foreground px-2 text-sm">No connections yet.</li>
          ) : null}
        </ul>
      </div>
      {isAdmin ? (
        <div>
          <h2 className="text-muted-foreground flex items-center gap-1 px-2 pb-1 text-xs font-semibold tracking-wide uppercase">
            <ShieldIcon className="size-3" aria-hidden /> Admin
          </h2>
          <ul className="space-y-0.5">
            <li>
              <NavLink
                onNavigate={onNavigate}
                href="/admin/connections"
                active={pathname.startsWith("/admin/connections")}
              >
                <PlugIcon className="size-4" aria-hidden /> Connections
              </NavLink>
            </li>
            <li>
              <NavLink
                onNavigate={onNavigate}
                href="/admin/users"
                active={pathname.startsWith("/admin/users")}
              >
                <UsersIcon className="size-4" aria-hidden /> Users
              </NavLink>
            </li>
            <li>
              <NavLink
                onNavigate={onNavigate}
                href="/admin/labels"
                active={pathname.startsWith("/admin/labels")}
              >
                <TagIcon className="size-4" aria-hidden /> Labels
              </NavLink>
            </li>
            <li>
              <NavLink
                onNavigate={onNavigate}
                href="/admin/audit"
                active={pathname.startsWith("/admin/audit")}
              >
                <ScrollTextIcon className="size-4" aria-hidden /> Audit log
              </NavLink>
            </li>
          </ul>
        </div>
      ) : null}
    </nav>
  );
}
