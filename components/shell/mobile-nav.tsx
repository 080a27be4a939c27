"use client";
/**
 * Navigation on narrow screens (below `md`, where the sidebar is hidden): a Menu button in the
 * header opens the sidebar's views, connections and admin pages in a sheet from the left. Going
 * anywhere closes it; Escape and the close button do too, and focus returns to the Menu button.
 */
import { MenuIcon } from "lucide-react";
import { usePathname, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetTrigger } from "@/components/ui/sheet";
import { SidebarNav, type ShellConnection } from "./sidebar-nav";

export function MobileNav({ connections, isAdmin }: { connections: ShellConnection[]; isAdmin: boolean }) {
  const [open, setOpen] = useState(false);
  const location = `${usePathname()}?${useSearchParams().toString()}`;
  const [shownAt, setShownAt] = useState(location);
  // A new page (Back, a link inside the page) closes the menu, as a tap on one of its links does.
  if (shownAt !== location) {
    setShownAt(location);
    setOpen(false);
  }
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="Menu">
          <MenuIcon aria-hidden />
        </Button>
      </SheetTrigger>
      <SheetContent
        side="left"
        title="Menu"
        className="w-72 gap-0 overflow-y-auto p-0 [&>[data-slot=sheet-header]]:px-5 [&>[data-slot=sheet-header]]:pt-4"
      >
        <SidebarNav connections={connections} isAdmin={isAdmin} onNavigate={() => setOpen(false)} />
      </SheetContent>
    </Sheet>
  );
}
