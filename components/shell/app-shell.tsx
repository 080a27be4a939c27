import { MessagesSquareIcon } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { ActorProvider, type ClientActor } from "./actor-context";
import { MobileNav } from "./mobile-nav";
import { SidebarNav, type ShellConnection } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

/**
 * The signed-in layout: a header, a sidebar of views and connections, and the page. Below `md`
 * the sidebar is hidden and the header's Menu button opens it in a sheet (`MobileNav`).
 *
 * No Suspense boundary wraps the navigation (or the pages' content): every console page is
 * rendered per request (the layout is dynamic), so `useSearchParams` does not suspend, and a
 * boundary only costs time — React streams a large boundary's content after a fallback and then
 * holds its reveal for up to 300 ms (its reveal throttle), which put the list's first row about
 * half a second behind the HTML that already held it.
 */
export function AppShell({
  actor,
  connections,
  children,
}: {
  actor: ClientActor;
  connections: ShellConnection[];
  children: ReactNode;
}) {
  return (
    <ActorProvider actor={actor}>
      <div className="flex h-screen flex-col">
        <a
          href="#main"
          className="bg-background focus-visible:ring-ring/50 sr-only z-50 rounded-md px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus-visible:ring-[3px]"
        >
          Skip to content
        </a>
        <header className="flex h-12 shrink-0 items-center gap-2 border-b px-3 md:gap-3">
          <MobileNav connections={connections} isAdmin={actor.role === "admin"} />
          <Link
            href="/conversations"
            className="flex items-center gap-2 rounded-md font-semibold outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <MessagesSquareIcon className="size-5" aria-hidden />
            Parley
          </Link>
          <div className="ml-auto flex items-center gap-1">
            <ThemeToggle />
            <UserMenu name={actor.name} email={actor.email} role={actor.role} />
          </div>
        </header>
        <div className="flex min-h-0 flex-1">
          <aside className="bg-sidebar hidden w-56 shrink-0 overflow-y-auto border-r md:block lg:w-60">
            <SidebarNav connections={connections} isAdmin={actor.role === "admin"} />
          </aside>
          <main id="main" className="min-w-0 flex-1 overflow-hidden">
            {children}
          </main>
        </div>
      </div>
    </ActorProvider>
  );
}
