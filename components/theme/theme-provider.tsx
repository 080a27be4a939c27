"use client";

import * as React from "react";
import { ThemeProvider as NextThemesProvider } from "next-themes";

/**
 * The type of next-themes' inline script. On the server it is JavaScript, so the script in the HTML
 * sets the theme class before the first paint. When React creates it on the client (a remount, or a
 * page rendered without server HTML) it never runs anyway, and React 19 logs "Encountered a script
 * tag while rendering React component" for every such script (pacocoursey/next-themes#385); a data
 * block type avoids that error. The script carries `suppressHydrationWarning`, so the differing
 * attribute does not trip hydration, and the server copy has already run.
 */
function themeScriptType(): string {
  return typeof window === "undefined" ? "text/javascript" : "application/json";
}

/**
 * Light/dark theme for the whole app (next-themes). It sets the `dark` class on `<html>` before the
 * first paint (so `<html>` needs `suppressHydrationWarning`), follows the system preference until the
 * user picks a theme, remembers the choice in localStorage, and suppresses transitions while switching
 * so colours do not animate. Any prop can be overridden, e.g. `forcedTheme` on a print view.
 */
export function ThemeProvider({
  children,
  scriptProps,
  ...props
}: React.ComponentProps<typeof NextThemesProvider>) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      scriptProps={{ type: themeScriptType(), ...scriptProps }}
      {...props}
    >
      {children}
    </NextThemesProvider>
  );
}
